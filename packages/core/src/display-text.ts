// Characters no output format can carry: C0/C1 controls (XML 1.0 forbids them, terminals act on them) and lone
// surrogates (not encodable in UTF-8). Tab and line feed are kept. Everything else — markup, bidi controls, quotes —
// is text and is kept as written; each renderer escapes it for its format.
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Replaces what no output format can carry with U+FFFD, the replacement character. */
export function displayText(text: string): string {
  return text.replace(UNSAFE, '\ufffd')
}

/** A copy of a value with every string passed through displayText. */
export function displaySafe<T>(value: T): T {
  if (typeof value === 'string') return displayText(value) as T
  if (Array.isArray(value)) return value.map(displaySafe) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, displaySafe(v)])) as T
  }
  return value
}
