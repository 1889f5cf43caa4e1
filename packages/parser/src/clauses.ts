/**
 * Responsibility clauses: the bracketed lists of bodies that close a task, e.g.
 * (市金融局牵头,人民银行营业管理部、…负责), (海关总署、财政部负责), (人力资源社会保障部会同发展改革委…负责).
 * The inside of a clause is read in normalized text (full-width brackets and commas folded to ASCII); brackets are
 * found in the text as written, where （ and ( both count.
 */
import { isSpace } from './lines.js'

export interface Bracket {
  /** index of `(` and one past `)` in the line */
  start: number
  end: number
}

/**
 * Top-level (…) groups from `from` to `to`, nesting respected, in one linear pass; full-width （） count as (). Unclosed
 * brackets are ignored.
 */
export function findBrackets(text: string, from = 0, to = text.length): Bracket[] {
  const found: Bracket[] = []
  let depth = 0
  let open = -1
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x28 || c === 0xff08) {
      if (depth === 0) open = i
      depth++
    } else if ((c === 0x29 || c === 0xff09) && depth > 0) {
      depth--
      if (depth === 0) found.push({ start: open, end: i + 1 })
    }
  }
  return found
}

/** `排在第一位的部门为牵头部门` / `列第一位者为牵头单位` — the document's statement that the first body listed leads. */
export const CONVENTION = /(?:排在|排|列在|列)第一位的?(?:部门|单位|者)?(?:为|是)牵头(?:部门|单位)/

export interface ClauseName {
  name: string
  /** index range of the name in the inner text */
  start: number
  end: number
}

export interface ParsedClause {
  lead: string[]
  responsible: string[]
  open: boolean
  /** the clause itself states the lead convention */
  statesConvention: boolean
  /** names introduced with 以下简称: alias → name */
  aliases: Array<[string, string]>
}

const VERB_TAIL = /(?:按照?职责分工|根据职责分工|按职责)?(?:分别|共同)?(牵头负责|牵头|负责|配合|参与)$/
const OPEN_TAIL = /等(?:有关|相关|其他)?(?:部门|单位|部门和单位|部门和地方|地方)?$/
const NAME_CHARS = /^[\u3400-\u9fffA-Za-z0-9〔〕“”()]+$/
// characters that occur in prose but not in the name of a body
const PROSE_CHARS = /[由的在对将要把向为从以含是并或与于]/
const BODY_SUFFIX =
  /(?:部|委|局|办|厅|院|会|署|行|府|单位|部门|中心|组|室|队|处|所|中央|联|团|社|台|馆|司|公司|集团|协会)$/
const ALIAS = /[〔(]以下简称[“"]?([^〕)”"]+)[”"]?[〕)]/

const COLLECTIVE = /^各|^有关|^其他|^相关|有关部门|有关单位|其他成员单位|各成员单位/
const HAN = /[\u3400-\u9fff]/
const TOGETHER = /(分别会同|会同)/

export function isCollective(name: string): boolean {
  return COLLECTIVE.test(name)
}

/** Parts of `text` between separators that are outside 〔…〕 and (…). */
function splitTopLevel(text: string, isSeparator: (c: number) => boolean): Array<{ text: string; start: number }> {
  const parts: Array<{ text: string; start: number }> = []
  let depth = 0
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x3014 || c === 0x28) depth++
    else if ((c === 0x3015 || c === 0x29) && depth > 0) depth--
    else if (depth === 0 && isSeparator(c)) {
      parts.push({ text: text.slice(start, i), start })
      start = i + 1
    }
  }
  parts.push({ text: text.slice(start), start })
  return parts
}

/** 、 separates the names in a list */
const isNameSeparator = (c: number) => c === 0x3001
/** , ; ，；。 separate the groups of a clause (A牵头, B负责) */
const isGroupSeparator = (c: number) => c === 0x2c || c === 0x3b || c === 0xff0c || c === 0xff1b || c === 0x3002
interface NameList {
  names: string[]
  open: boolean
  aliases: Array<[string, string]>
}

/** `A、B、C等有关部门` → names; undefined when any part is not a plausible name of a body. */
function readNames(text: string, original: string): NameList | undefined {
  let open = false
  const names: string[] = []
  const aliases: Array<[string, string]> = []
  for (const part of splitTopLevel(text, isNameSeparator)) {
    let s = part.start
    let e = part.start + part.text.length
    while (s < e && isSpace(text.charCodeAt(s))) s++
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--
    // norm and original have the same length, so one set of indices serves both
    let name = text.slice(s, e)
    let raw = original.slice(s, e)
    // the cheap includes() checks spare most names a regular expression and its match
    const alias = name.includes('以下简称') ? ALIAS.exec(name) : null
    // a body introduced as 全称（以下简称 简称） is listed under the short name the document goes on to use, so every
    // clause of that body names it the same way; the full name becomes the agency's fullName
    let shortName: string | undefined
    if (alias) {
      const at = alias.index + alias[0].indexOf(alias[1]!)
      const without = (t: string) => t.slice(0, alias.index) + t.slice(alias.index + alias[0].length)
      name = without(name)
      raw = without(raw)
      shortName = original.slice(s + at, s + at + alias[1]!.length)
      aliases.push([shortName, raw])
    }
    const openTail = name.includes('等') ? OPEN_TAIL.exec(name) : null
    if (openTail && openTail[0].length < name.length) {
      open = true
      name = name.slice(0, openTail.index)
      raw = raw.slice(0, openTail.index)
    }
    if (name.length < 2 || name.length > 40 || !NAME_CHARS.test(name) || PROSE_CHARS.test(name)) return undefined
    if (!HAN.test(name)) return undefined
    names.push(shortName ?? raw)
  }
  return { names, open, aliases }
}

/**
 * Reads the inside of a bracket as a responsibility clause, or returns undefined when it is something else
 * ((P2P), (国发〔2015〕40号), 街道(乡镇), (技工院校内由…负责)).
 * `conventionActive` — the document has said that the first body listed leads.
 */
export function parseClause(inner: string, original: string, conventionActive: boolean): ParsedClause | undefined {
  let text = inner.trim()
  let orig = original.trim()
  let statesConvention = false
  const convention = CONVENTION.exec(text)
  if (convention) {
    statesConvention = true
    // drop the convention sentence and what follows it (，下同)
    const cut = text.slice(0, convention.index).replace(/[,.;。，；\s]+$/, '')
    text = cut
    orig = orig.slice(0, cut.length)
  }
  const leadByConvention = conventionActive || statesConvention
  const lead: string[] = []
  const responsible: string[] = []
  const aliases: Array<[string, string]> = []
  let open = false
  let sawVerb = false
  let explicitLead = false
  const groups = splitTopLevel(text, isGroupSeparator).filter((g) => g.text.trim().length > 0)
  if (groups.length === 0) return undefined
  for (const group of groups) {
    let body = group.text.trim()
    const lead0 = group.text.length - group.text.trimStart().length
    let bodyOrig = orig.slice(group.start + lead0, group.start + lead0 + body.length)
    const verb = VERB_TAIL.exec(body)
    let verbWord: string | undefined
    if (verb) {
      sawVerb = true
      verbWord = verb[1]
      body = body.slice(0, verb.index)
      bodyOrig = bodyOrig.slice(0, verb.index)
    }
    const together = body.includes('会同') ? TOGETHER.exec(body) : null
    const leadsAt = body.indexOf('牵头')
    if (together) {
      const left = readNames(body.slice(0, together.index), bodyOrig.slice(0, together.index))
      const from = together.index + together[0].length
      const right = readNames(body.slice(from), bodyOrig.slice(from))
      if (!left || !right) return undefined
      lead.push(...left.names)
      responsible.push(...right.names)
      open ||= left.open || right.open
      aliases.push(...left.aliases, ...right.aliases)
      explicitLead = true
    } else if (leadsAt > 0) {
      // X牵头，… or X牵头A、B负责 written without a comma
      const left = readNames(body.slice(0, leadsAt), bodyOrig.slice(0, leadsAt))
      if (!left) return undefined
      lead.push(...left.names)
      aliases.push(...left.aliases)
      open ||= left.open
      const rest = body.slice(leadsAt + 2)
      if (rest.trim()) {
        const right = readNames(rest, bodyOrig.slice(leadsAt + 2))
        if (!right) return undefined
        responsible.push(...right.names)
        open ||= right.open
      }
      explicitLead = true
    } else {
      const names = readNames(body, bodyOrig)
      if (!names) return undefined
      if (verbWord === '牵头' || verbWord === '牵头负责') {
        lead.push(...names.names)
        explicitLead = true
      } else {
        responsible.push(...names.names)
      }
      open ||= names.open
      aliases.push(...names.aliases)
    }
  }
  if (!sawVerb) {
    // a bare list counts only where the document has stated the convention and every item names a body
    if (!leadByConvention || !responsible.every((n) => BODY_SUFFIX.test(n))) return undefined
  } else if (!VERB_TAIL.test(groups[groups.length - 1]!.text.trim())) {
    return undefined
  }
  if (!explicitLead && leadByConvention && responsible.length > 0 && !isCollective(responsible[0]!)) {
    lead.push(responsible.shift()!)
  }
  const uniqueLead = [...new Set(lead)]
  const uniqueResponsible = [...new Set(responsible)].filter((n) => !uniqueLead.includes(n))
  return { lead: uniqueLead, responsible: uniqueResponsible, open, statesConvention, aliases }
}
