import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))

// One run over every package, every example and the cross-package tests in test/, so `npm test` prints one
// summary. Absolute paths, so that vitest started inside a package finds the same projects.
export default defineConfig({
  test: {
    projects: [
      `${root}packages/*`,
      `${root}examples/*`,
      { test: { name: 'integration', root, include: ['test/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
})
