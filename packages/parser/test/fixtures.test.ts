import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { OpinionSchema } from '@policybrief/core'
import { describe, expect, it } from 'vitest'
import { parseOpinion } from '../src/index.js'

// Each folder holds the expected model and messages for one input: the documents in seeds/ (by folder name) or
// an input.txt of its own. Regenerate with UPDATE_FIXTURES=1 and review the diff like code.
const seeds = fileURLToPath(new URL('../../../seeds/', import.meta.url))
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))
const update = Boolean(process.env.UPDATE_FIXTURES)

const cases = [
  ...readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f.replace(/\.txt$/, ''), input: `${seeds}${f}`, file: f })),
  ...readdirSync(fixtures)
    .filter((d) => existsSync(`${fixtures}${d}/input.txt`))
    .map((d) => ({ name: d, input: `${fixtures}${d}/input.txt`, file: 'input.txt' })),
]

function check(path: string, actual: unknown) {
  const text = `${JSON.stringify(actual, null, 2)}\n`
  if (update || !existsSync(path)) writeFileSync(path, text)
  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(actual)
}

describe('fixtures', () => {
  it('covers every seed document', () => {
    expect(cases.length).toBeGreaterThanOrEqual(9)
  })
  for (const c of cases) {
    it(c.name, () => {
      const { opinion, messages } = parseOpinion(readFileSync(c.input), { name: c.file })
      expect(OpinionSchema.safeParse(opinion).success).toBe(true)
      mkdirSync(`${fixtures}${c.name}`, { recursive: true })
      check(`${fixtures}${c.name}/opinion.json`, opinion)
      check(`${fixtures}${c.name}/messages.json`, messages)
    })
  }
})
