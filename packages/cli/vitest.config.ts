import { defineProject } from 'vitest/config'

// every test here starts the built command as a child process
export default defineProject({ test: { testTimeout: 30_000 } })
