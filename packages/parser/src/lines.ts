import type { Position } from '@policybrief/core'

/**
 * One source line. `norm` has exactly the same length as `text` (a 1:1 map), so any index found in `norm`
 * is also an index into `text` and into the decoded source.
 */
export interface Line {
  /** 0-based line index */
  index: number
  /** offset of the line's first character in the decoded source */
  offset: number
  /** the line as written, without its line break */
  text: string
  /** the line with full-width ASCII folded to half-width and every kind of space made an ASCII space */
  norm: string
  /** first and one-past-last index of the content, indentation and trailing spaces excluded */
  start: number
  end: number
}

const SPACE = /[\s\u3000\u00a0\u2000-\u200b\ufeff]/

/** Fold one UTF-16 unit to its half-width form; width changes never change the length. */
function foldUnit(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0
  if (code === 0x3000 || code === 0x00a0 || (code >= 0x2000 && code <= 0x200b) || code === 0xfeff) return 0x20
  if (code === 0x09) return 0x20
  return code
}

export function normalizeLine(text: string): string {
  let out = ''
  let changed = false
  const codes: number[] = new Array(text.length)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const f = foldUnit(c)
    if (f !== c) changed = true
    codes[i] = f
  }
  if (!changed) return text
  // Build in chunks: String.fromCharCode with a huge spread would overflow the stack on a 1 MB line.
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192))
  return out
}

/** Splits on LF, CRLF and CR alike, keeping every offset pointing into `source`. */
export function splitLines(source: string): Line[] {
  const lines: Line[] = []
  let offset = 0
  let index = 0
  const n = source.length
  while (offset <= n) {
    let end = offset
    while (end < n) {
      const c = source.charCodeAt(end)
      if (c === 0x0a || c === 0x0d) break
      end++
    }
    const text = source.slice(offset, end)
    let start = 0
    let stop = text.length
    while (start < stop && SPACE.test(text[start]!)) start++
    while (stop > start && SPACE.test(text[stop - 1]!)) stop--
    lines.push({ index, offset, text, norm: normalizeLine(text), start, end: stop })
    if (end >= n) break
    offset = end + (source.charCodeAt(end) === 0x0d && source.charCodeAt(end + 1) === 0x0a ? 2 : 1)
    index++
    if (offset === n) {
      // a final line break ends the last line; it does not open an empty one
      break
    }
  }
  return lines
}

export function point(line: Line, column0: number) {
  return { line: line.index + 1, column: column0 + 1, offset: line.offset + column0 }
}

/** Position of columns [from, to) of one line. */
export function span(line: Line, from: number, to: number): Position {
  return { start: point(line, from), end: point(line, to) }
}

/** Position from the start of one line's content to the end of another's. */
export function spanLines(first: Line, last: Line): Position {
  return { start: point(first, first.start), end: point(last, last.end) }
}

export function content(line: Line): string {
  return line.text.slice(line.start, line.end)
}

export function isBlank(line: Line): boolean {
  return line.start >= line.end
}
