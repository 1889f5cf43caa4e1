import { readFileSync } from 'node:fs'
import { buildBriefing } from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'
import { renderDocx } from '@policybrief/render-docx'
import { renderJson } from '@policybrief/render-json'
import { renderMarkdown } from '@policybrief/render-markdown'
import { renderPdf } from '@policybrief/render-pdf'
import Ajv2020 from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { unzipSync } from 'fflate'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { root } from './helpers.js'

const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020
const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(`${root}packages/core/schema/briefing.schema.json`, 'utf8')))

/** Mutations of a real document: lines deleted, duplicated or swapped, width changes, stray brackets, truncation, random Unicode. */
export function mutatedSeed(text: string): fc.Arbitrary<string> {
  const lines = text.split('\n')
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(lines.length - 1) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(lines.length - 1) }),
    fc.record({ kind: fc.constant('swap' as const), at: fc.nat(lines.length - 1), with: fc.nat(lines.length - 1) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(lines.length - 1), text: fc.oneof(fc.constantFrom('(', '（', ')', '）', '、', '牵头', '负责', '〔', '一、', '(一)', '1.'), fc.string({ unit: 'grapheme', maxLength: 6 })) }),
    fc.record({ kind: fc.constant('width' as const), at: fc.nat(lines.length - 1) }),
  )
  return fc.tuple(fc.array(mutation, { maxLength: 8 }), fc.option(fc.nat(text.length))).map(([mutations, cut]) => {
    const out = [...lines]
    for (const m of mutations) {
      const i = m.at % Math.max(out.length, 1)
      if (m.kind === 'delete') out.splice(i, 1)
      else if (m.kind === 'duplicate') out.splice(i, 0, out[i] ?? '')
      else if (m.kind === 'swap') {
        const j = m.with % Math.max(out.length, 1)
        ;[out[i], out[j]] = [out[j] ?? '', out[i] ?? '']
      } else if (m.kind === 'insert') {
        const line = out[i] ?? ''
        const at = Math.floor(line.length / 2)
        out[i] = line.slice(0, at) + m.text + line.slice(at)
      } else {
        out[i] = (out[i] ?? '').replace(/[,()]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      }
    }
    const joined = out.join('\n')
    return cut === null ? joined : joined.slice(0, cut)
  })
}

/** Parse, brief and render to every format; each output must still be valid for its reader. */
export async function checkPipeline(input: string): Promise<void> {
  const { opinion, messages } = parseOpinion(input)
  if (messages.some((m) => m.ruleId === 'parser-failure')) throw new Error('parser failure')
  const kinds = [
    buildBriefing(opinion, { kind: 'document' }),
    buildBriefing(opinion, { kind: 'matrix' }),
    ...opinion.agencies.slice(0, 1).map((a) => buildBriefing(opinion, { kind: 'agency', agency: a.name })),
  ]
  for (const b of kinds) {
    if (!validate(JSON.parse(renderJson(b)))) throw new Error(`invalid JSON: ${JSON.stringify(validate.errors)}`)
    unified().use(remarkParse).parse(renderMarkdown(b))
    const docx = unzipSync(await renderDocx(b))
    const xml = new TextDecoder().decode(docx['word/document.xml'])
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) throw new Error('control character in document.xml')
    const pdf = Buffer.from(await renderPdf(b))
    if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-')) || !pdf.subarray(-6).toString().includes('%%EOF')) throw new Error('truncated PDF')
  }
}
