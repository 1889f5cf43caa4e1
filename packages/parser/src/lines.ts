import type { Position } from '@policybrief/core'

/**
 * The lines of a decoded source, kept as offsets into it. A large input has tens of thousands of lines that live as
 * long as the parse; as four typed arrays they are no work for the garbage collector, where an object and a string
 * per line were copied by it again and again. Every offset here (and every `at`, `from` and `to` the parser passes
 * around) is an index into `source`; a column is only worked out for a position.
 */
export class Lines {
  readonly count: number
  /** offset of line i's first unit */
  readonly offset: Int32Array
  /** first and one-past-last offset of line i's content: indentation and trailing spaces excluded */
  readonly start: Int32Array
  readonly end: Int32Array
  /** one past line i's last unit: where its line break is */
  readonly stop: Int32Array

  /** Splits on LF, CRLF and CR alike. */
  constructor(readonly source: string) {
    let capacity = 64
    let offset = new Int32Array(capacity)
    let start = new Int32Array(capacity)
    let end = new Int32Array(capacity)
    let stop = new Int32Array(capacity)
    // indexOf is many times faster than a regular expression; a break is looked for again only once it is passed
    // (a break that is not there is at Infinity), so a lone CR at the end does not make the split quadratic
    const find = (ch: string, from: number) => {
      const found = source.indexOf(ch, from)
      return found < 0 ? Number.POSITIVE_INFINITY : found
    }
    let nextLf = -1
    let nextCr = -1
    let at = 0
    let count = 0
    for (;;) {
      if (nextLf < at) nextLf = find('\n', at)
      if (nextCr < at) nextCr = find('\r', at)
      const lineStop = Math.min(nextLf, nextCr, source.length)
      let s = at
      let e = lineStop
      while (s < e && isSpace(source.charCodeAt(s))) s++
      while (e > s && isSpace(source.charCodeAt(e - 1))) e--
      if (count === capacity) {
        capacity *= 2
        offset = grow(offset, capacity)
        start = grow(start, capacity)
        end = grow(end, capacity)
        stop = grow(stop, capacity)
      }
      offset[count] = at
      start[count] = s
      end[count] = e
      stop[count] = lineStop
      count++
      if (lineStop === source.length) break
      at = lineStop + (source.charCodeAt(lineStop) === 0x0d && source.charCodeAt(lineStop + 1) === 0x0a ? 2 : 1)
      // a final line break ends the last line; it does not open an empty one
      if (at === source.length) break
    }
    this.count = count
    this.offset = offset
    this.start = start
    this.end = end
    this.stop = stop
  }

  isBlank(i: number): boolean {
    return this.start[i]! >= this.end[i]!
  }

  /** Line i's content: the line less its indentation and trailing spaces. */
  content(i: number): string {
    return this.source.slice(this.start[i], this.end[i])
  }

  /** The unit at `at` as `normalizeLine` folds it. */
  normCodeAt(at: number): number {
    return foldCode(this.source.charCodeAt(at))
  }

  /** The source from `from` to `to`, folded (normalizeLine). */
  normSlice(from: number, to: number): string {
    return normalizeLine(this.source.slice(from, to))
  }

  /** Line i's content, folded. */
  normContent(i: number): string {
    return this.normSlice(this.start[i]!, this.end[i]!)
  }

  point(i: number, at: number) {
    return { line: i + 1, column: at - this.offset[i]! + 1, offset: at }
  }

  /** Position of [from, to) on line i. */
  span(i: number, from: number, to: number): Position {
    return { start: this.point(i, from), end: this.point(i, to) }
  }

  /** Position of line i's content. */
  spanContent(i: number): Position {
    return this.span(i, this.start[i]!, this.end[i]!)
  }

  /** Position from the start of one line's content to the end of another's. */
  spanLines(first: number, last: number): Position {
    return { start: this.point(first, this.start[first]!), end: this.point(last, this.end[last]!) }
  }
}

function grow(array: Int32Array, capacity: number) {
  const grown = new Int32Array(capacity)
  grown.set(array)
  return grown
}

/**
 * The first occurrence of one string in a source at or after a given offset. Asked with offsets that only grow (one
 * pass over the lines), it searches each stretch of the source once, however far apart the occurrences are: a line
 * with no 。 must not cost a search to the end of the document.
 */
export class NextOccurrence {
  #from = Number.POSITIVE_INFINITY
  #found = -1
  constructor(
    readonly source: string,
    readonly what: string,
  ) {}

  /** The offset of the first occurrence at or after `from`, or -1. */
  at(from: number): number {
    if (from < this.#from || (this.#found >= 0 && this.#found < from)) {
      this.#from = from
      this.#found = this.source.indexOf(this.what, from)
    }
    return this.#found
  }

  /** Whether it occurs in [from, to). */
  within(from: number, to: number): boolean {
    const found = this.at(from)
    return found >= 0 && found + this.what.length <= to
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
