import type { Position } from '@policybrief/core'

/**
 * One source line. `norm` has exactly the same length as `text` (a 1:1 map), so any index found in `norm`
 * is also an index into `text` and into the decoded source.
 */
export class Line {
  #norm: string | undefined
  constructor(
    /** 0-based line index */
    readonly index: number,
    /** offset of the line's first character in the decoded source */
    readonly offset: number,
    /** the line as written, without its line break */
    readonly text: string,
    /** first and one-past-last index of the content, indentation and trailing spaces excluded */
    readonly start: number,
    readonly end: number,
  ) {}

  /**
   * The line with full-width ASCII folded to half-width and every kind of space made an ASCII space. Made on first
   * use: most lines are only ever looked at near their start (normSlice), and a copy of every line is most of the
   * memory a large input costs.
   */
  get norm(): string {
    return (this.#norm ??= normalizeLine(this.text))
  }

  /** `norm.charCodeAt(i)` */
  normCodeAt(i: number): number {
    return foldCode(this.text.charCodeAt(i))
  }

  /** `norm.slice(from, to)`, without normalizing the rest of the line. */
  normSlice(from: number, to: number = this.text.length): string {
    return this.#norm !== undefined ? this.#norm.slice(from, to) : normalizeLine(this.text.slice(from, to))
  }
}

/** ASCII whitespace, U+3000, no-break and the typographic spaces, the zero-width space and the BOM. */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x1680 || c === 0x202f || c === 0x205f
}

/** The unit `normalizeLine` makes of `c`: full-width ASCII folded to half-width, every kind of space and the tab to ' '. */
export function foldCode(c: number): number {
  if (c < 0xa0) return c === 0x09 ? 0x20 : c
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0
  return c === 0x3000 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0xfeff ? 0x20 : c
}

/** Folds full-width ASCII to half-width and spaces to ASCII spaces; one unit in, one unit out. */
export function normalizeLine(text: string): string {
  let i = 0
  while (i < text.length && foldCode(text.charCodeAt(i)) === text.charCodeAt(i)) i++
  if (i === text.length) return text
  const units = new Array<number>(text.length)
  for (let k = 0; k < text.length; k++) units[k] = foldCode(text.charCodeAt(k))
  if (units.length <= 8192) return String.fromCharCode(...units)
  // in chunks, as fromCharCode takes its units as arguments
  let out = ''
  for (let k = 0; k < units.length; k += 8192) out += String.fromCharCode(...units.slice(k, k + 8192))
  return out
}

/** Splits on LF, CRLF and CR alike, keeping every offset pointing into `source`. */
export function splitLines(source: string): Line[] {
  const lines: Line[] = []
  // indexOf is many times faster than a regular expression; a break is looked for again only once it is passed
  // (a break that is not there is at Infinity), so a lone CR at the end does not make the split quadratic
  const find = (ch: string, from: number) => {
    const found = source.indexOf(ch, from)
    return found < 0 ? Number.POSITIVE_INFINITY : found
  }
  let nextLf = -1
  let nextCr = -1
  let offset = 0
  let index = 0
  for (;;) {
    if (nextLf < offset) nextLf = find('\n', offset)
    if (nextCr < offset) nextCr = find('\r', offset)
    const end = Math.min(nextLf, nextCr, source.length)
    const text = source.slice(offset, end)
    let start = 0
    let stop = text.length
    while (start < stop && isSpace(text.charCodeAt(start))) start++
    while (stop > start && isSpace(text.charCodeAt(stop - 1))) stop--
    lines.push(new Line(index, offset, text, start, stop))
    if (end === source.length) break
    offset = end + (source.charCodeAt(end) === 0x0d && source.charCodeAt(end + 1) === 0x0a ? 2 : 1)
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
