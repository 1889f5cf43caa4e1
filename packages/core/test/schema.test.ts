import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { opinionJsonSchema } from '../src/index.js'

const committed = fileURLToPath(new URL('../schema/opinion.schema.json', import.meta.url))

describe('committed JSON Schema', () => {
  it('matches the zod model (run with UPDATE_SCHEMA=1 to regenerate)', () => {
    const fresh = `${JSON.stringify(opinionJsonSchema(), null, 2)}\n`
    if (process.env.UPDATE_SCHEMA) writeFileSync(committed, fresh)
    expect(readFileSync(committed, 'utf8')).toBe(fresh)
  })
})
