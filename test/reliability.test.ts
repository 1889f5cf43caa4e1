import { readFileSync } from 'node:fs'
import { buildBriefing, type Opinion } from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'
import { renderDocx } from '@policybrief/render-docx'
import { renderJson } from '@policybrief/render-json'
import { renderMarkdown } from '@policybrief/render-markdown'
import { renderPdf } from '@policybrief/render-pdf'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { need, run, squash, writeTemp } from './clients.js'
import { SEED, root } from './helpers.js'
import { checkPipeline, mutatedSeed } from './pipeline.js'

// CI runs a few hundred cases with a fixed seed; `npm run fuzz` sets FUZZ_RUNS=10000
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 300)
const seedText = readFileSync(`${root}seeds/${SEED}`, 'utf8')

/** The model without what legitimately differs between encodings and line endings. */
function comparable(o: Opinion): unknown {
  return JSON.parse(JSON.stringify({ ...o, source: undefined }, (k, v) => (k === 'offset' ? undefined : v)))
}

describe('encodings and line endings', () => {
  it('gives the same model for UTF-8, UTF-8 with BOM, GB18030, GBK, UTF-16LE/BE, CRLF and CR', () => {
    const base = parseOpinion(Buffer.from(seedText, 'utf8')).opinion
    const bom = (b: Buffer, mark: number[]) => Buffer.concat([Buffer.from(mark), b])
    const variants: Array<[string, Uint8Array, string]> = [
      ['utf-8 BOM', bom(Buffer.from(seedText, 'utf8'), [0xef, 0xbb, 0xbf]), 'utf-8-bom'],
      ['gb18030', iconv.encode(seedText, 'gb18030'), 'gb18030'],
      ['gbk', iconv.encode(seedText, 'gbk'), 'gb18030'],
      ['utf-16le', bom(iconv.encode(seedText, 'utf-16le'), [0xff, 0xfe]), 'utf-16le'],
      ['utf-16be', bom(iconv.encode(seedText, 'utf-16be'), [0xfe, 0xff]), 'utf-16be'],
      ['crlf', Buffer.from(seedText.replace(/\n/g, '\r\n')), 'utf-8'],
      ['cr', Buffer.from(seedText.replace(/\n/g, '\r')), 'utf-8'],
    ]
    for (const [name, bytes, encoding] of variants) {
      const { opinion } = parseOpinion(bytes)
      expect(opinion.source.encoding, name).toBe(encoding)
      expect(comparable(opinion), name).toEqual(comparable(base))
    }
  })
  it('reports invalid bytes with their offset', () => {
    const bytes = Buffer.concat([Buffer.from('国务院关于', 'utf8'), Buffer.from([0xff, 0xff]), Buffer.from('意见')])
    const { messages } = parseOpinion(bytes)
    expect(messages[0]).toMatchObject({ ruleId: 'undecodable-input', severity: 'error' })
    expect(messages[0]!.reason).toContain('offset 15')
  })
})

const HOSTILE = ['<w:t>x</w:t>', ']]>', '&amp;', '**粗**', '<script>alert(1)</script>', '[链接](javascript:alert(1))', '\u202egnp.exe', '# 标题']

describe('text that looks like markup comes out literally, and every file still opens', () => {
  const doc = `关于测试${HOSTILE[0]}的意见\n一、总体要求${HOSTILE[1]}${HOSTILE[2]}\n（一）做好工作。${HOSTILE.join('')}控制\u0007符\uD800号。（市商务委牵头，${'市财政局'}负责）\n`
  const opinion = parseOpinion(doc).opinion
  const briefing = buildBriefing(opinion, { kind: 'document' })
  const literal = HOSTILE.filter((h) => h !== '# 标题')

  it('in JSON and Markdown', () => {
    const data = JSON.parse(renderJson(briefing))
    const text = JSON.stringify(data.tasks)
    for (const h of literal) expect(text).toContain(JSON.stringify(h).slice(1, -1))
    expect(text).toContain('控制\uFFFD符\uFFFD号')
    const md = renderMarkdown(briefing)
    expect(md).toContain('\\<script>')
  })
  it('in DOCX, read by pandoc', async () => {
    need('pandoc', 'pandoc')
    const text = run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', writeTemp('h.docx', await renderDocx(briefing))])
    for (const h of literal) expect(squash(text)).toContain(squash(h))
  })
  it('in PDF, checked by qpdf and read by pdftotext', async () => {
    need('qpdf', 'qpdf')
    const file = writeTemp('h.pdf', await renderPdf(briefing))
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors')
    const text = squash(run('pdftotext', ['-raw', file, '-']))
    for (const h of ['<w:t>x</w:t>', ']]>', '&amp;', '<script>alert(1)</script>']) expect(text).toContain(squash(h))
  })
})

describe('fuzzing (fixed seed; `npm run fuzz` runs many more)', { timeout: 3_600_000 }, () => {
  it('random strings and mutated seeds never crash the parser', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), mutatedSeed(seedText)), (input) => {
        const { messages } = parseOpinion(input)
        expect(messages.some((m) => m.ruleId === 'parser-failure')).toBe(false)
      }),
      { numRuns: FUZZ_RUNS, seed: 7 },
    )
  })
  it('mutated seeds go through the whole pipeline to every format', async () => {
    await fc.assert(fc.asyncProperty(mutatedSeed(seedText), checkPipeline), { numRuns: Math.max(12, Math.round(FUZZ_RUNS / 100)), seed: 8 })
  })
})
