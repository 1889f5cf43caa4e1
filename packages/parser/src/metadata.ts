import type { DocNumber } from '@policybrief/core'
import type { Lines } from './lines.js'
import { readHeadingNumber } from './numbering.js'
import { parseDate } from './numerals.js'

const DOC_NUMBER = /^([\u3400-\u9fff]{1,12})[[(〔【]\s*(\d{4})\s*[\])〕】]\s*第?\s*0*(\d{1,5})\s*号$/

/** 京政发[2016]4号 / 国发（2011）第05号 → 京政发〔2016〕4号, as GB/T 9704 writes it. */
export function readDocNumber(raw: string, norm: string): DocNumber | undefined {
  const m = DOC_NUMBER.exec(norm.replace(/ /g, ''))
  if (!m) return undefined
  const issuerCode = m[1]!
  const year = Number(m[2])
  const serial = Number(m[3])
  return { raw, normalized: `${issuerCode}〔${year}〕${serial}号`, issuerCode, year, serial }
}

/** Longest first, so 实施意见 wins over 意见. */
const DOC_TYPES = [
  '实施意见', '指导意见', '若干意见', '意见', '实施方案', '工作方案', '行动方案', '方案', '通知', '通告', '公告',
  '决定', '命令', '批复', '报告', '请示', '函', '纪要', '办法', '规定', '细则', '规划', '计划', '预案', '纲要',
  '措施', '条例', '规则', '指南', '决议', '公报', '议案',
]

export function readDocType(title: string): string | undefined {
  const bare = title.replace(/[(（][^()（）]*[)）]$/, '').trim()
  for (const type of DOC_TYPES) {
    if (bare.endsWith(type)) return type === '若干意见' ? '意见' : type
  }
  return undefined
}

/** Spaced-out titles (`国 家 粮 食 应 急 预 案`) lose their spaces; ordinary titles are kept as written. */
export function joinTitle(lines: string[]): string {
  return lines
    .map((line) => {
      const t = line.trim()
      return /^(?:\S[ \u3000]+){2,}\S$/.test(t) && t.replace(/[ \u3000]+/g, '').length * 2 - 1 <= t.length + 2
        ? t.replace(/[ \u3000]+/g, '')
        : t
    })
    .join('')
}

/** Plausibly a title line: short, no sentence punctuation, not an addressee line or a 文号. */
export function isTitleLike(lines: Lines, i: number): boolean {
  if (lines.end[i]! - lines.start[i]! > 60) return false
  const norm = lines.normContent(i)
  if (norm.length === 0) return false
  if (/[。,;:!?]/.test(norm)) return false
  if (readHeadingNumber(lines, i)) return false
  if (readDocNumber(lines.content(i), norm)) return false
  if (parseDate(norm)) return false
  return true
}

export function isAddresseeLine(lines: Lines, i: number): boolean {
  if (lines.end[i]! - lines.start[i]! > 200) return false
  const norm = lines.normContent(i)
  return norm.length > 1 && norm.endsWith(':') && !/[。]/.test(norm)
}

/** 主送机关 split on ，/,/; — 市政府各委、办、局 stays one. */
export function readAddressees(lines: Lines, i: number): string[] {
  const text = lines.content(i).replace(/[:：]$/, '')
  return text
    .split(/[,，;；]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** An issuer line above a date line: short and free of sentence punctuation. */
export function isIssuerLine(lines: Lines, i: number): boolean {
  if (lines.end[i]! - lines.start[i]! > 40) return false
  const norm = lines.normContent(i).trim()
  return norm.length >= 2 && !/[。,;:、!?()]/.test(norm) && /^[\u3400-\u9fff]/.test(norm)
}

export function lineDate(lines: Lines, i: number): string | undefined {
  // a date ends with 日: most lines are rejected on that before anything is sliced
  if (lines.end[i]! - lines.start[i]! > 20 || lines.source.charCodeAt(lines.end[i]! - 1) !== 0x65e5) return undefined
  return parseDate(lines.normContent(i))
}
