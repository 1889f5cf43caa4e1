import { describe, expect, it } from 'vitest'
import { parseOpinion } from '../src/index.js'

const text = '国务院关于测试的意见\n国发（2011）第05号\n各部门：\n一、总体要求\n（一）做好工作。（商务部、财政部负责）\n国务院\n二〇一一年六月八日\n'

function utf16(s: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2)
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff])
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    out[2 + i * 2] = littleEndian ? c & 0xff : c >> 8
    out[3 + i * 2] = littleEndian ? c >> 8 : c & 0xff
  }
  return out
}

// GB18030 bytes of 国务院 (no encoder on the web platform, so written out)
const gbTitle = new Uint8Array([0xb9, 0xfa, 0xce, 0xf1, 0xd4, 0xba, 0x0a])

describe('input handling', () => {
  it('normalizes 文号 and reads Chinese-numeral dates', () => {
    const { opinion } = parseOpinion(text)
    expect(opinion.meta.docNumber?.normalized).toBe('国发〔2011〕5号')
    expect(opinion.meta.date).toBe('2011-06-08')
  })
  it('gives the same model for every encoding and line ending', () => {
    const base = parseOpinion(text).opinion
    const strip = (o: typeof base) => ({ ...o, source: undefined })
    const variants: Array<[Uint8Array, string]> = [
      [new TextEncoder().encode(text), 'utf-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'utf-8-bom'],
      [utf16(text, true), 'utf-16le'],
      [utf16(text, false), 'utf-16be'],
    ]
    for (const [bytes, encoding] of variants) {
      const { opinion } = parseOpinion(bytes)
      expect(opinion.source.encoding).toBe(encoding)
      expect(strip(opinion)).toEqual(strip(base))
    }
    const crlf = parseOpinion(text.replace(/\n/g, '\r\n')).opinion
    expect(crlf.responsibilities.map((r) => r.raw)).toEqual(base.responsibilities.map((r) => r.raw))
    expect(crlf.meta).toEqual({ ...base.meta })
    const cr = parseOpinion(text.replace(/\n/g, '\r')).opinion
    expect(cr.sections[0]!.children[0]!.position.start.line).toBe(5)
  })
  it('falls back to GB18030 and says so', () => {
    const { opinion, messages } = parseOpinion(gbTitle)
    expect(opinion.source.encoding).toBe('gb18030')
    expect(opinion.meta.title).toBe('国务院')
    expect(messages.map((m) => m.ruleId)).toContain('decoded-gb18030')
  })
  it('reports unusable input as an error and still returns a model', () => {
    const cases: Array<[Uint8Array | string, string, RegExp]> = [
      ['', 'empty-input', /empty|no text/],
      [new Uint8Array([]), 'empty-input', /empty/],
      [new TextEncoder().encode('%PDF-1.7\n...'), 'binary-input', /PDF/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'binary-input', /ZIP/],
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'binary-input', /PNG/],
      [new Uint8Array([0x41, 0x80, 0x42]), 'undecodable-input', /offset 1/],
    ]
    for (const [input, ruleId, reason] of cases) {
      const { opinion, messages } = parseOpinion(input)
      expect(messages[0]).toMatchObject({ ruleId, severity: 'error' })
      expect(messages[0]!.reason).toMatch(reason)
      expect(opinion.sections).toEqual([])
    }
  })
  it('positions point into the decoded source', () => {
    const source = `\uFEFF${text.replace(/\n/g, '\r\n')}`
    const { opinion } = parseOpinion(source)
    for (const r of opinion.responsibilities) {
      expect(source.slice(1).slice(r.position.start.offset, r.position.end.offset)).toBe(r.raw)
    }
  })
  it('lists at most 200 messages of one rule and counts the rest', () => {
    const { messages } = parseOpinion(`关于测试的意见\n${'一、标题\n'.repeat(500)}`)
    const gaps = messages.filter((m) => m.ruleId === 'numbering-gap')
    expect(gaps).toHaveLength(201)
    expect(gaps[200]!.reason).toBe('299 more messages like this were not listed.')
  })
  it('reads no bracket, title or sentence across a line break', () => {
    // the parser searches the whole source for （, 《 and 。; what it finds on a later line must not count for this one
    const source = ['关于推进某项工作的意见', '', '一、总体要求', '坚持统筹推进（市发展改革委', '负责）。依据《某某', '办法》执行。', '二、主要任务', '落实责任（市财政局负责）。参照《某某条例》。'].join('\n')
    const { opinion } = parseOpinion(source)
    expect(opinion.sections.map((s) => s.title)).toEqual(['总体要求', '主要任务'])
    expect(opinion.sections[0]!.paragraphs.map((p) => p.text)).toEqual(['坚持统筹推进（市发展改革委', '负责）。依据《某某', '办法》执行。'])
    expect(opinion.meta.references.map((r) => r.title)).toEqual(['某某条例'])
    expect(opinion.responsibilities.map((r) => [r.raw, r.text, r.position.start.line, r.position.start.column])).toEqual([['（市财政局负责）', '落实责任', 8, 5]])
  })
})

import { portableSha256Hex, sha256Hex } from '../src/sha256.js'

describe('source hash', () => {
  it('the portable SHA-256 used in browsers agrees with the native one', () => {
    for (const text of ['', 'abc', '国务院关于促进综合保税区'.repeat(50)]) {
      const bytes = new TextEncoder().encode(text)
      expect(portableSha256Hex(bytes)).toBe(sha256Hex(bytes))
    }
    expect(portableSha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
