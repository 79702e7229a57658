import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FORMAT_ONLY_MARK, lastUpdated } from '@/lib/content/git.ts'

const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'last-updated-'))
afterAll(() => fs.rmSync(repo, { recursive: true, force: true }))

function commit(file: string, text: string, message: string, date: string) {
  fs.writeFileSync(path.join(repo, file), text)
  const env = { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }
  for (const args of [
    ['add', file],
    ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', message],
  ]) {
    const result = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
  }
}

describe('last updated date of a lecture', () => {
  it('is the last commit that changed its words, not one that only reformatted it', () => {
    spawnSync('git', ['init', '-q'], { cwd: repo })
    commit('a.mdx', '# 标题\n\n领导者负责复制日志。\n', 'Lecture', '2026-10-01T10:00:00Z')
    commit(
      'a.mdx',
      '# 标题\n\n领导者负责复制日志，\n跟随者只听从。\n',
      'Lecture: followers',
      '2026-10-05T10:00:00Z',
    )
    // A reflow and blank lines: whitespace only.
    commit(
      'a.mdx',
      '# 标题\n\n\n领导者负责复制日志，  跟随者只听从。\n',
      'Reflow',
      '2026-11-01T10:00:00Z',
    )
    // A formatter that changed characters, marked in the subject.
    commit(
      'a.mdx',
      '# 标题\n\n\n领导者负责复制日志，  跟随者只听从。  \n\n',
      `Prettier ${FORMAT_ONLY_MARK}`,
      '2026-11-20T10:00:00Z',
    )
    commit('b.mdx', '* 一\n', 'Other lecture', '2026-11-02T10:00:00Z')
    commit('b.mdx', '- 一\n', `List markers ${FORMAT_ONLY_MARK}`, '2026-11-23T10:00:00Z')
    expect(lastUpdated(path.join(repo, 'a.mdx'))).toBe('2026-10-05T10:00:00+00:00')
    expect(lastUpdated(path.join(repo, 'b.mdx'))).toBe('2026-11-02T10:00:00+00:00')
  })
})
