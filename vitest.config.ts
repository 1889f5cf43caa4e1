import { defineConfig } from 'vitest/config'

// One run over every package and example, so `npm test` prints one summary.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
  },
})
