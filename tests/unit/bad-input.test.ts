import path from 'node:path'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkSite } from '@/lib/check-site.ts'
import { formatProblem } from '@/lib/content/index.ts'
import { copyFixtureSite, placeBroken } from '../helpers/fixture-site.ts'

/** Runs the content check on a copy of the fixture with one broken file, and returns the report. */
async function reportFor(
  brokenName: string,
  target: string,
): Promise<{ file: string; messages: string[] }> {
  const dir = copyFixtureSite()
  const file = placeBroken(dir, brokenName, target)
  const { problems } = await checkSite(dir)
  fs.rmSync(dir, { recursive: true, force: true })
  return { file, messages: problems.map(formatProblem) }
}

const lecture = 'fixture-course/advanced.mdx'
const manifest = 'fixture-course/course.yaml'
const handout = 'fixture-course/labs/lab-a.mdx'

/** Each rule of SPEC section 6: the broken file, where it goes, the line and words the message must carry. */
const rules: {
  rule: string
  broken: string
  target: string
  line: number | undefined
  says: RegExp
}[] = [
  {
    rule: 'invalid YAML in frontmatter',
    broken: 'invalid-yaml.mdx',
    target: lecture,
    line: 3,
    says: /invalid YAML/,
  },
  {
    rule: 'unknown frontmatter key',
    broken: 'unknown-frontmatter-key.mdx',
    target: lecture,
    line: 4,
    says: /unknown key "titel"[\s\S]*Did you mean "title"/,
  },
  {
    rule: 'missing required field',
    broken: 'missing-title.mdx',
    target: lecture,
    line: 2,
    says: /title is required/,
  },
  {
    rule: 'bad video ID in frontmatter',
    broken: 'bad-video-id.mdx',
    target: lecture,
    line: 5,
    says: /video\.youtube must be an 11-character YouTube video ID/,
  },
  {
    rule: 'invalid manifest field',
    broken: 'manifest-invalid.course.yaml',
    target: manifest,
    line: 3,
    says: /unknown key "langauge"[\s\S]*Did you mean "language"/,
  },
  {
    rule: 'site.yaml repository not on GitHub',
    broken: 'site-bad-repository.site.yaml',
    target: 'site.yaml',
    line: 4,
    says: /repository must be a GitHub repository URL such as https:\/\/github\.com\/OWNER\/REPO/,
  },
  {
    rule: 'lecture listed but missing',
    broken: 'manifest-missing-file.course.yaml',
    target: manifest,
    line: 6,
    says: /parts lists "lecture-04" but .*lecture-04\.mdx \(or \.md\) does not exist/,
  },
  {
    rule: 'duplicate slug in the manifest',
    broken: 'manifest-duplicate.course.yaml',
    target: manifest,
    line: 9,
    says: /duplicate slug "advanced"/,
  },
  {
    rule: 'lecture file unknown to the manifest',
    broken: 'unlisted.mdx',
    target: 'fixture-course/unlisted.mdx',
    line: undefined,
    says: /not listed in course\.yaml[\s\S]*List "unlisted"[\s\S]*inside the list at .*course\.yaml:11, after "draft-lecture" in part "第二部分"/,
  },
  {
    rule: 'duplicate slug on disk (.md and .mdx)',
    broken: 'duplicate-slug.md',
    target: 'fixture-course/advanced.md',
    line: undefined,
    says: /duplicate slug "advanced": advanced\.md and advanced\.mdx|duplicate slug "advanced": advanced\.mdx and advanced\.md/,
  },
  {
    rule: 'MDX syntax error',
    broken: 'mdx-syntax.mdx',
    target: lecture,
    line: 10,
    says: /MDX syntax error/,
  },
  {
    rule: 'component never closed',
    broken: 'unclosed-component.mdx',
    target: lecture,
    line: 8,
    says: /:8:1: MDX syntax error: <Callout> is opened here and never closed[\s\S]*Close it with <\/Callout>/,
  },
  {
    rule: 'unknown component',
    broken: 'unknown-component.mdx',
    target: lecture,
    line: 8,
    says: /unknown component <Calout>[\s\S]*Did you mean <Callout>/,
  },
  {
    rule: 'undefined name in an expression',
    broken: 'undefined-expression.mdx',
    target: lecture,
    line: 8,
    says: /"conflict" is not defined/,
  },
  {
    rule: 'invalid LaTeX',
    broken: 'invalid-latex.mdx',
    target: lecture,
    line: 8,
    says: /invalid LaTeX: Unexpected end of input in a macro argument, expected '\}' \(at end of input\)\n {4}\\frac\{1\}\{\n {13}\^\n/,
  },
  {
    rule: 'link to a missing page',
    broken: 'broken-link.mdx',
    target: lecture,
    line: 8,
    says: /broken link: content\/fixture-course\/lecture-99\.mdx does not exist|broken link: .*lecture-99\.mdx does not exist/,
  },
  {
    rule: 'link to a missing heading',
    broken: 'broken-anchor.mdx',
    target: lecture,
    line: 8,
    says: /has no heading or exercise with the anchor "#不存在的标题"[\s\S]*#领导者选举-leader-election/,
  },
  {
    rule: 'missing image',
    broken: 'missing-image.mdx',
    target: lecture,
    line: 8,
    says: /missing image/,
  },
  {
    rule: 'missing alt text',
    broken: 'missing-alt.mdx',
    target: lecture,
    line: 8,
    says: /has no alt text|needs the prop "alt"/,
  },
  {
    rule: 'bad video ID in a component',
    broken: 'bad-video-prop.mdx',
    target: lecture,
    line: 8,
    says: /<Video> youtube: must be an 11-character YouTube video ID/,
  },
  {
    rule: 'unknown simulation scenario',
    broken: 'bad-raft-scenario.mdx',
    target: lecture,
    line: 8,
    says: /<RaftSim> scenario="split-votes" is not allowed[\s\S]*split-vote, leader-crash/,
  },
  {
    rule: 'server count out of range',
    broken: 'bad-raft-servers.mdx',
    target: lecture,
    line: 8,
    says: /<RaftSim> servers: must be 3 to 7/,
  },
  {
    rule: 'server count with a scenario written for five',
    broken: 'bad-raft-servers-with-scenario.mdx',
    target: lecture,
    line: 8,
    says: /<RaftSim> servers: can only be set without a scenario/,
  },
  {
    rule: 'unknown MapReduce scenario',
    broken: 'bad-mapreduce-scenario.mdx',
    target: lecture,
    line: 8,
    says: /<MapReduceSim> scenario="crash" is not allowed[\s\S]*normal, worker-crash, straggler/,
  },
  {
    rule: 'worker count out of range',
    broken: 'bad-mapreduce-workers.mdx',
    target: lecture,
    line: 8,
    says: /<MapReduceSim> workers: must be 2 to 6/,
  },
  {
    rule: 'job size with a MapReduce scenario written for its own',
    broken: 'bad-mapreduce-size-with-scenario.mdx',
    target: lecture,
    line: 8,
    says: /<MapReduceSim> maps: can only be set without a scenario \(or with scenario="normal"\)/,
  },
  {
    rule: 'virtual node count out of range',
    broken: 'bad-hashring-vnodes.mdx',
    target: lecture,
    line: 8,
    says: /<HashRing> vnodes: must be 1 to 64/,
  },
  {
    rule: 'unknown preloaded history',
    broken: 'bad-history-name.mdx',
    target: lecture,
    line: 8,
    says: /<HistoryChecker> history="stale-reads" is not allowed[\s\S]*stale-read, split-reads/,
  },
  {
    rule: 'malformed inline history',
    broken: 'bad-history-ops.mdx',
    target: lecture,
    line: 8,
    says: /<HistoryChecker> ops: operation 1 \(C1\): return \(5\) must be later than invoke \(10\)/,
  },
  {
    rule: 'unknown code language',
    broken: 'unknown-code-language.mdx',
    target: lecture,
    line: 8,
    says: /unknown code language "golang-ish"/,
  },
  {
    rule: 'included program region that does not exist',
    broken: 'include-missing-anchor.mdx',
    target: lecture,
    line: 8,
    says: /counter\.go: the file has no region "subtract"[\s\S]*Regions there: counter, add/,
  },
  {
    rule: 'included program file that does not exist',
    broken: 'include-missing-file.mdx',
    target: lecture,
    line: 8,
    says: /file="\.\/code\/counter\/missing\.go" does not exist/,
  },
  {
    rule: 'included program fence that also has a body',
    broken: 'include-with-body.mdx',
    target: lecture,
    line: 8,
    says: /a fence with file="\.\/code\/counter\/counter\.go" must be empty/,
  },
  {
    rule: 'lab part command with shell characters',
    broken: 'lab-shell-command.mdx',
    target: handout,
    line: 11,
    says: /parts\[0\]\.test[\s\S]*must be a plain go test command/,
  },
  {
    rule: 'lab serving a lecture that does not exist',
    broken: 'lab-unknown-lecture.mdx',
    target: handout,
    line: 4,
    says: /lectures: "advance" is not a lecture of this course[\s\S]*Did you mean "advanced"/,
  },
  {
    rule: 'lab part without its heading',
    broken: 'lab-missing-part-heading.mdx',
    target: handout,
    line: 12,
    says: /part a2 has no heading[\s\S]*## A2：投票/,
  },
  {
    rule: 'lab kit including a shared package that does not exist',
    broken: 'lab-missing-include.mdx',
    target: handout,
    line: 7,
    says: /kit\.include: content\/fixture-course\/labs\/common\/labnet\/ does not exist/,
  },
  {
    rule: 'lab part without a test command in a lab with a kit',
    broken: 'lab-part-without-test.mdx',
    target: handout,
    line: 9,
    says: /parts\[0\]\.test[\s\S]*is required: a lab with a kit grades each part/,
  },
  {
    rule: 'course.yaml listing a lab without a handout',
    broken: 'manifest-missing-lab.course.yaml',
    target: manifest,
    line: 16,
    says: /labs lists "lab-b" but content\/fixture-course\/labs\/lab-b\.mdx does not exist/,
  },
  {
    rule: 'lecture linking a lab part that does not exist',
    broken: 'lecture-bad-lab-part.mdx',
    target: lecture,
    line: 8,
    says: /broken link: fixture-course\/labs\/lab-a\.mdx has no heading or exercise with the anchor "#a3"[\s\S]*#a1, #a2/,
  },
  {
    rule: 'emphasis that did not parse leaves literal stars in the text',
    broken: 'literal-stars.mdx',
    target: lecture,
    line: 8,
    says: /literal "\*\*" in the text: "这一句的 \*\*粗体没有闭合/,
  },
]

describe('every bad input stops the build with one located message', () => {
  for (const { rule, broken, target, line, says } of rules) {
    it(rule, async () => {
      const { file, messages } = await reportFor(broken, target)
      const relevant = messages.filter((message) => message.includes(path.basename(file)))
      expect(
        relevant.length,
        `no message names ${path.basename(file)}:\n${messages.join('\n')}`,
      ).toBeGreaterThan(0)
      const message = relevant.find((candidate) => says.test(candidate))
      expect(message, `expected ${says} in:\n${relevant.join('\n')}`).toBeDefined()
      if (line !== undefined) expect(message).toContain(`${path.basename(file)}:${line}`)
    })
  }
})
