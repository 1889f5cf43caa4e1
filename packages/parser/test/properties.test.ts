import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import fc from 'fast-check'
import type { Opinion, Position, Section } from '@policybrief/core'
import { describe, expect, it } from 'vitest'
import { parseOpinion } from '../src/index.js'

const seed = readFileSync(fileURLToPath(new URL('../../../seeds/beijing-internet-plus-2016.txt', import.meta.url)), 'utf8')
const seedLines = seed.split('\n')

function positions(o: Opinion): Position[] {
  const out: Position[] = []
  const walk = (s: Section) => {
    out.push(s.position, ...s.paragraphs.map((p) => p.position))
    s.children.forEach(walk)
  }
  o.sections.forEach(walk)
  out.push(...o.preamble.map((p) => p.position), ...o.responsibilities.map((r) => r.position), ...o.goals.map((g) => g.position))
  out.push(...o.meta.references.map((r) => r.position))
  return out
}

function checkPositions(o: Opinion, length: number) {
  for (const p of positions(o)) {
    expect(p.start.offset).toBeGreaterThanOrEqual(0)
    expect(p.end.offset).toBeLessThanOrEqual(length)
    expect(p.start.offset).toBeLessThanOrEqual(p.end.offset)
    expect(p.start.line).toBeGreaterThanOrEqual(1)
  }
}

// text built from the pieces documents are made of, so the generator reaches headings and clauses
const piece = fc.constantFrom('一、', '（一）', '(二)', '1.', '（1）', '①', '1.1 ', '负责', '牵头', '会同', '、', '，', '。', '(', ')', '（', '）', '〔', '〕', '\n', '\r\n', '\u3000', '市发展改革委', '到2018年,', '——', '《', '》', '排在第一位的部门为牵头部门', '等', '各区政府', '2016年1月9日', '\uD800', ' ')
const docLike = fc.array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 80 }).map((a) => a.join(''))

describe('properties', () => {
  it('any string parses without throwing and positions stay in the source', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 400 }), docLike), (input) => {
        const { opinion, messages } = parseOpinion(input)
        expect(messages.filter((m) => m.ruleId === 'parser-failure')).toEqual([])
        checkPositions(opinion, input.length - (input.charCodeAt(0) === 0xfeff ? 1 : 0))
      }),
      { numRuns: 300, seed: 20161 },
    )
  })
  it('any bytes parse without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const { opinion, messages } = parseOpinion(bytes)
        expect(messages.filter((m) => m.ruleId === 'parser-failure')).toEqual([])
        checkPositions(opinion, opinion.source.length)
      }),
      { numRuns: 300, seed: 20162 },
    )
  })
  it('mutated seeds parse without throwing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(seedLines.length - 1), { maxLength: 12 }),
        fc.nat(seed.length),
        (drops, cut) => {
          const lines = seedLines.filter((_, i) => !drops.includes(i))
          const input = lines.join('\n').slice(0, cut)
          const { opinion, messages } = parseOpinion(input)
          expect(messages.filter((m) => m.ruleId === 'parser-failure')).toEqual([])
          checkPositions(opinion, input.length)
        },
      ),
      { numRuns: 100, seed: 20163 },
    )
  })
})
