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

/** ASCII whitespace, U+3000, no-break and the typographic spaces, the zero-width space and the BOM. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x1680 || c === 0x202f || c === 0x205f
}

// full-width ASCII variants, and every kind of space and the tab
const FOLD = /[\uff01-\uff5e\u3000\u00a0\u2000-\u200b\ufeff\t]/g

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0)
  return code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ' '
}

/** Folds full-width ASCII to half-width and spaces to ASCII spaces; one unit in, one unit out. */
export function normalizeLine(text: string): string {
  return text.replace(FOLD, foldChar)
}

/** Splits on LF, CRLF and CR alike, keeping every offset pointing into `source`. */
export function splitLines(source: string): Line[] {
  const lines: Line[] = []
  const breaks = /\r\n?|\n/g
  let offset = 0
  let index = 0
  for (;;) {
    const m = breaks.exec(source)
    const end = m ? m.index : source.length
    const text = source.slice(offset, end)
    let start = 0
    let stop = text.length
    while (start < stop && isSpace(text.charCodeAt(start))) start++
    while (stop > start && isSpace(text.charCodeAt(stop - 1))) stop--
    lines.push({ index, offset, text, norm: normalizeLine(text), start, end: stop })
    if (!m) break
    offset = end + m[0].length
    index++
    // a final line break ends the last line; it does not open an empty one
    if (offset === source.length) break
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
