import { describe, expect, it } from 'vitest'
import { queryTerms, rerank } from '@/components/search/rank.ts'
import { shapeResult } from '@/components/search/pagefind-client.ts'

describe('search result shaping', () => {
  it('splits mixed Chinese and English queries into words', () => {
    expect(queryTerms('Raft 日志')).toEqual(['raft', '日志'])
    expect(queryTerms('领导者选举')).toEqual(expect.arrayContaining(['选举']))
  })

  it('puts the lecture titled with the query first, then descriptions, then sections', () => {
    const hits = [
      {
        score: 9,
        title: 'Raft（二）：日志复制',
        description: '领导者选出来之后',
        section: undefined,
        id: 'long',
      },
      {
        score: 5,
        title: 'Raft（一）：领导者选举',
        description: '选举',
        section: undefined,
        id: 'titled',
      },
      {
        score: 7,
        title: '一致性',
        description: '线性一致性（linearizability）',
        section: undefined,
        id: 'described',
      },
    ]
    expect(rerank('领导者选举', hits).map((hit) => hit.id)).toEqual(['titled', 'long', 'described'])
    expect(rerank('linearizability', hits)[0]!.id).toBe('described')
    expect(rerank('无关的词', hits).map((hit) => hit.id)).toEqual(['long', 'described', 'titled'])
  })

  it('among titles that all name the query, puts first the one it fills most', () => {
    const titles = [
      'Go 模式：为并发服务器与 Raft 准备的并发套路',
      'Raft（一）：领导者选举',
      'Lab 3A+B 问答：把 Raft 写对',
    ]
    const hits = titles.map((title) => ({
      score: 1,
      title,
      description: undefined,
      section: undefined,
    }))
    expect(rerank('raft', hits)[0]!.title).toBe('Raft（一）：领导者选举')
  })

  it('opens the section whose heading names the query, not the first one', () => {
    const hit = shapeResult(
      {
        url: '/c/l/',
        excerpt: '',
        meta: { title: '缓存系统设计' },
        sub_results: [
          {
            title: 'LRU：哈希表',
            url: '/c/l/#lru',
            excerpt: '<mark>哈希</mark>表 <mark>一致性</mark>',
          },
          { title: '一致性哈希：加一台机器', url: '/c/l/#ch', excerpt: '<mark>一致性</mark>' },
        ],
      },
      1,
      '一致性哈希',
    )
    expect(hit.url).toBe('/c/l/#ch')
  })

  it('shapes a pagefind result around its best section', () => {
    const hit = shapeResult(
      {
        url: '/c/l/',
        excerpt: 'page <mark>x</mark>',
        meta: { title: '标题', course: '课程', label: '第 5 讲', description: '描述' },
        sub_results: [
          { title: '标题', url: '/c/l/', excerpt: 'top' },
          { title: '小节', url: '/c/l/#小节', excerpt: 'in <mark>section</mark>' },
        ],
      },
      1.5,
    )
    expect(hit).toEqual({
      url: '/c/l/#小节',
      score: 1.5,
      description: '描述',
      title: '标题',
      course: '课程',
      label: '第 5 讲',
      section: '小节',
      excerpt: 'in <mark>section</mark>',
    })
  })
})
