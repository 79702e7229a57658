import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@': path.resolve(import.meta.dirname) }

/** Shared by the projects that need no site build. */
const quickProject = {
  environment: 'node',
  testTimeout: 60_000,
  // Hooks launch Chromium or compile content while other files keep both cores busy.
  hookTimeout: 60_000,
} as const

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'tests/unit/**/*.test.{ts,tsx}',
            'tests/content/**/*.test.ts',
            'tests/dev/**/*.test.ts',
          ],
          ...quickProject,
        },
      },
      {
        resolve: { alias },
        test: {
          // Browser tests of the test machinery itself, on fixture pages: no site build needed.
          name: 'checks',
          include: ['tests/checks/**/*.test.ts'],
          ...quickProject,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'site',
          include: ['tests/site/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/site/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // The browser tests share one built site and one Chromium; run files one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
})
