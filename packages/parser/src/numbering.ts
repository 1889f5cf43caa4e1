import type { NumberingScheme } from '@policybrief/core'
import { type Line, normalizeLine } from './lines.js'
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

/** The number of `length` units at the line's content start, or undefined when its value could not be read. */
function make(
  line: Line,
  scheme: NumberingScheme,
  value: number | undefined,
  length: number,
  kind: string = scheme,
  path?: number[],
): HeadingNumber | undefined {
  if (value === undefined) return undefined
  const number: HeadingNumber = { scheme, kind, value, end: line.start + length, raw: line.text.slice(line.start, line.start + length) }
  if (path) number.path = path
  return number
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at
  return pattern.exec(text)
}

/**
 * Reads the number that starts the line's content, if it is one of the genre's numbering schemes:
 * 一、 (一) 1. (1) ① and decimal 1 / 1.1 / 1.2.1.
 */
export function readHeadingNumber(line: Line): HeadingNumber | undefined {
  const from = line.start
  // most lines are prose: reject them on their first unit, before any pattern runs
  if (!mayStartNumber(line.normCodeAt(from))) return undefined
  // a number and what must follow it are looked for in a window of the content's first characters
  const text = line.text.slice(0, from + WINDOW)
  let m: RegExpExecArray | null
  if ((m = matchAt(ZH_DUN, text, from))) return make(line, 'zh-dun', chineseToInt(m[1]!), m[0].length)
  if ((m = matchAt(ZH_PAREN, text, from))) return make(line, 'zh-paren', chineseToInt(m[1]!), m[0].length)
  if ((m = matchAt(DIGIT_PAREN, text, from))) return make(line, 'digit-paren', Number(normalizeLine(m[1]!)), m[0].length)
  if ((m = matchAt(CIRCLED, text, from))) return make(line, 'circled', circledToInt(m[0]), 1)
  if ((m = matchAt(DIGIT_DOT, text, from))) return make(line, 'digit-dot', Number(normalizeLine(m[1]!)), m[0].length)
  if ((m = matchAt(DECIMAL, text, from))) {
    const path = normalizeLine(m[1]!).split('.').map(Number)
    const after = line.text.slice(from + m[0].length, line.end)
    // a lone number followed by a space is a heading only when a short title follows (1　总则), not prose (3 个月)
    if (path.length === 1 && (after.length > 30 || /[。,;:，；：]/.test(after))) return undefined
    return make(line, 'decimal', path[path.length - 1], m[1]!.length, `decimal-${path.length}`, path)
  }
  return undefined
}
