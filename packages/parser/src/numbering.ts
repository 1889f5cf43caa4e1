import type { NumberingScheme } from '@policybrief/core'
import type { Line } from './lines.js'
import { chineseToInt, circledToInt } from './numerals.js'

export interface HeadingNumber {
  scheme: NumberingScheme
  /** decimal numbers of different depth are different list kinds: 1 / 1.1 / 1.1.1 */
  kind: string
  value: number
  /** index in the line just after the number */
  end: number
  /** the number as written (sliced from the source line) */
  raw: string
  /** the numbers of a decimal heading, e.g. [1, 2] for 1.2 */
  path?: number[]
}

const CN_DIGITS = '一二三四五六七八九十百零〇'
const CN = `[${CN_DIGITS}]{1,6}`
const CN_CODES = new Set([...CN_DIGITS].map((ch) => ch.charCodeAt(0)))

/** Whether a (folded) unit can begin a heading number: a Chinese numeral, (, a digit or ①–⑳. */
function mayStartNumber(c: number): boolean {
  return c === 0x28 || (c >= 0x30 && c <= 0x39) || (c >= 0x2460 && c <= 0x2473) || CN_CODES.has(c)
}
const ZH_DUN = new RegExp(`^(${CN})、`)
const ZH_PAREN = new RegExp(`^\\((${CN})\\)`)
const DIGIT_PAREN = /^\((\d{1,3})\)/
const DIGIT_DOT = /^(\d{1,3})[.、](?![\d.])/
const DECIMAL = /^(\d{1,2}(?:\.\d{1,2}){0,4}) +(?=\S)/
const CIRCLED = /^[①-⑳]/

/**
 * Reads the number that starts the line's content, if it is one of the genre's numbering schemes:
 * 一、 (一) 1. (1) ① and decimal 1 / 1.1 / 1.2.1.
 */
export function readHeadingNumber(line: Line): HeadingNumber | undefined {
  const from = line.start
  // most lines are prose: reject them on their first unit, before slicing and matching
  if (!mayStartNumber(line.normCodeAt(from))) return undefined
  const rest = line.normSlice(from, from + 24)
  let m: RegExpExecArray | null
  const make = (scheme: NumberingScheme, value: number | undefined, length: number, kind: string = scheme) =>
    value === undefined ? undefined : { scheme, kind, value, end: from + length, raw: line.text.slice(from, from + length) }
  if ((m = ZH_DUN.exec(rest))) return make('zh-dun', chineseToInt(m[1]!), m[0].length)
  if ((m = ZH_PAREN.exec(rest))) return make('zh-paren', chineseToInt(m[1]!), m[0].length)
  if ((m = DIGIT_PAREN.exec(rest))) return make('digit-paren', Number(m[1]), m[0].length)
  if ((m = CIRCLED.exec(rest))) return make('circled', circledToInt(m[0]), 1)
  if ((m = DIGIT_DOT.exec(rest))) return make('digit-dot', Number(m[1]), m[0].length)
  if ((m = DECIMAL.exec(rest))) {
    const path = m[1]!.split('.').map(Number)
    const after = line.normSlice(from + m[0].length, line.end)
    // a lone number followed by a space is a heading only when a short title follows (1　总则), not prose (3 个月)
    if (path.length === 1 && (after.length > 30 || /[。,;:]/.test(after))) return undefined
    const number = make('decimal', path[path.length - 1], m[1]!.length, `decimal-${path.length}`)
    return number && { ...number, path }
  }
  return undefined
}
