/**
 * Escapes text for Markdown only where a character could start a construct, so ordinary Chinese text — with
 * [2016], URLs, 3~5年 — comes out as written while nothing in it can become Markdown or HTML.
 */
export function escapeText(value: string, options: { lineStart: boolean; inTable: boolean }): string {
  const tildes = (value.match(/~/g) ?? []).length
  let out = ''
  let atLineStart = options.lineStart
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    const next = value[i + 1] ?? ''
    const prev = value[i - 1] ?? ''
    if (c === '\n') {
      out += options.inTable ? ' ' : c
      atLineStart = !options.inTable
      continue
    }
    if (atLineStart) {
      if (c === ' ' || c === '\t') {
        out += c === ' ' ? '&#x20;' : '&#x9;'
        continue
      }
      atLineStart = false
      const rest = value.slice(i, i + 12)
      if (/^(?:#{1,6}(?:\s|$)|>|[-+*=](?:\s|$)|[-*_](?:\s*[-*_]){2,}\s*$|`{3}|~{3}|\|)/.test(rest)) {
        out += `\\${c}`
        continue
      }
      const ordered = /^(\d{1,9})([.)])/.exec(rest)
      if (ordered) {
        out += `${ordered[1]}\\${ordered[2]}`
        i += ordered[0].length - 1
        continue
      }
    }
    switch (c) {
      case '\\':
        out += /[!-/:-@[-`{-~]/.test(next) ? '\\\\' : c
        break
      case '`':
      case '*':
        out += `\\${c}`
        break
      case '_':
        out += /[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next) ? c : '\\_'
        break
      case '<':
        out += /[A-Za-z/!?]/.test(next) ? '\\<' : c
        break
      case '&':
        out += /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/.test(value.slice(i)) ? '\\&' : c
        break
      case '[': {
        // a bracket opens a link only when its ] is followed by ( [ or : (inline, reference, definition)
        const close = value.indexOf(']', i + 1)
        out += close >= 0 && /[([:]/.test(value[close + 1] ?? '') ? '\\[' : c
        break
      }
      case '!':
        out += next === '[' ? '\\!' : c
        break
      case '~':
        out += tildes >= 2 ? '\\~' : c
        break
      case '|':
        out += options.inTable ? '\\|' : c
        break
      default:
        out += c
    }
  }
  return out
}
