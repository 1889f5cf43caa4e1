import type { NumberingScheme } from '@policybrief/core'
import { type Lines, foldCode } from './lines.js'
import { chineseToInt } from './numerals.js'

export interface HeadingNumber {
  scheme: NumberingScheme
  /** decimal numbers of different depth are different list kinds: 1 / 1.1 / 1.1.1 */
  kind: string
  value: number
  /** offset in the source just after the number */
  end: number
  /** the number as written (sliced from the source) */
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
// Sticky patterns, matched at the content's start in the text as written, so no line is sliced or folded to be
// tested: full-width （） ０-９ ． and every kind of space are accepted where the folded text would have () 0-9 . and ' '.
const OPEN = '[(（]'
const CLOSE = '[)）]'
const DIGIT = '[0-9０-９]'
const DOT = '[.．]'
// what folds to ' ' (lines.ts foldCode), and the whitespace that stays whitespace after folding
const SPACE = '[ \\t\\u00a0\\u2000-\\u200b\\u3000\\ufeff]'
const ZH_DUN = new RegExp(`(${CN})、`, 'y')
const ZH_PAREN = new RegExp(`${OPEN}(${CN})${CLOSE}`, 'y')
const DIGIT_PAREN = new RegExp(`${OPEN}(${DIGIT}{1,3})${CLOSE}`, 'y')
const DIGIT_DOT = new RegExp(`(${DIGIT}{1,3})(?:${DOT}|、)(?!${DIGIT}|${DOT})`, 'y')
const DECIMAL = new RegExp(`(${DIGIT}{1,2}(?:${DOT}${DIGIT}{1,2}){0,4})${SPACE}+(?=[^\\s\\u200b])`, 'y')
const CIRCLED = /[①-⑳]/y
/** A heading number is read within the first 24 characters of the content. */
const WINDOW = 24

/** The number of `length` units at the start of line i's content, or undefined when its value could not be read. */
function make(
  lines: Lines,
  i: number,
  scheme: NumberingScheme,
  value: number | undefined,
  length: number,
  kind: string = scheme,
  path?: number[],
): HeadingNumber | undefined {
  if (value === undefined) return undefined
  const from = lines.start[i]!
  const number: HeadingNumber = { scheme, kind, value, end: from + length, raw: lines.source.slice(from, from + length) }
  if (path) number.path = path
  return number
}

/** Where a sticky pattern's match at `at` ends, or -1. test() keeps no match array, and the parts are found by index. */
function matchEnd(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at
  return pattern.test(text) ? pattern.lastIndex : -1
}

/** The value of the digits (０-９ as 0-9) in text[from, to). */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0
  for (let i = from; i < to; i++) value = value * 10 + foldCode(text.charCodeAt(i)) - 0x30
  return value
}

/**
 * Reads the number that starts line i's content, if it is one of the genre's numbering schemes:
 * 一、 (一) 1. (1) ① and decimal 1 / 1.1 / 1.2.1.
 */
export function readHeadingNumber(lines: Lines, i: number): HeadingNumber | undefined {
  const start = lines.start[i]!
  // most lines are prose: reject them on their first unit, before any pattern runs
  if (!mayStartNumber(lines.normCodeAt(start))) return undefined
  // a number and what must follow it are looked for in a window of the content's first characters, sliced from the
  // line's start so that the patterns' indices are columns (the patterns also run slower on the whole source)
  const offset = lines.offset[i]!
  const text = lines.source.slice(offset, Math.min(lines.stop[i]!, start + WINDOW))
  const from = start - offset
  let end: number
  // 一、 and (一): the numeral is what the marks enclose
  if ((end = matchEnd(ZH_DUN, text, from)) >= 0) return make(lines, i, 'zh-dun', chineseToInt(text, from, end - 1), end - from)
  if ((end = matchEnd(ZH_PAREN, text, from)) >= 0) return make(lines, i, 'zh-paren', chineseToInt(text, from + 1, end - 1), end - from)
  if ((end = matchEnd(DIGIT_PAREN, text, from)) >= 0) return make(lines, i, 'digit-paren', digitsValue(text, from + 1, end - 1), end - from)
  if (matchEnd(CIRCLED, text, from) >= 0) return make(lines, i, 'circled', text.charCodeAt(from) - 0x2460 + 1, 1)
  if ((end = matchEnd(DIGIT_DOT, text, from)) >= 0) return make(lines, i, 'digit-dot', digitsValue(text, from, end - 1), end - from)
  if ((end = matchEnd(DECIMAL, text, from)) >= 0) {
    // the number is the match less the spaces after it; its parts are separated by . or ．
    let numberEnd = end
    while (foldCode(text.charCodeAt(numberEnd - 1)) === 0x20) numberEnd--
    const path: number[] = []
    let partStart = from
    for (let k = from; k <= numberEnd; k++) {
      if (k === numberEnd || foldCode(text.charCodeAt(k)) === 0x2e) {
        path.push(digitsValue(text, partStart, k))
        partStart = k + 1
      }
    }
    const after = lines.source.slice(offset + end, lines.end[i])
    // a lone number followed by a space is a heading only when a short title follows (1　总则), not prose (3 个月)
    if (path.length === 1 && (after.length > 30 || PROSE_MARK.test(after))) return undefined
    return make(lines, i, 'decimal', path[path.length - 1], numberEnd - from, decimalKind(path.length), path)
  }
  return undefined
}

const PROSE_MARK = /[。,;:，；：]/

/** The list kind of a decimal number with `depth` parts: decimal-1, decimal-2 … (made once each). */
export function decimalKind(depth: number): string {
  return (DECIMAL_KINDS[depth] ??= `decimal-${depth}`)
}
const DECIMAL_KINDS: string[] = []
