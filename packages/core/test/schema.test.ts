import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { briefingJsonSchema, opinionJsonSchema } from '../src/index.js'

describe('committed JSON Schemas (run with UPDATE_SCHEMA=1 to regenerate)', () => {
  for (const [file, make] of [
    ['opinion.schema.json', opinionJsonSchema],
    ['briefing.schema.json', briefingJsonSchema],
  ] as const) {
    it(`${file} matches the zod model`, () => {
      const path = fileURLToPath(new URL(`../schema/${file}`, import.meta.url))
      const fresh = `${JSON.stringify(make(), null, 2)}\n`
      if (process.env.UPDATE_SCHEMA) writeFileSync(path, fresh)
      expect(readFileSync(path, 'utf8')).toBe(fresh)
    })
  }
})
