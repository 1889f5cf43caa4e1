/**
 * Responsibility clauses: the bracketed lists of bodies that close a task, e.g.
 * (市金融局牵头,人民银行营业管理部、…负责), (海关总署、财政部负责), (人力资源社会保障部会同发展改革委…负责).
 * The inside of a clause is read in normalized text (full-width brackets and commas folded to ASCII); brackets are
 * found in the text as written, where （ and ( both count.
 */
import { isSpace } from './lines.js'

/**
 * Top-level (…) groups from `from` to `to`, nesting respected, in one linear pass; full-width （） count as (). Unclosed
 * brackets are ignored. Each group is written as two entries of `into` from its start, the index of its `(` and one
 * past its `)`, and the number of entries written is returned: one array serves every paragraph of a document.
 */
export function findBrackets(text: string, from: number, to: number, into: number[]): number {
  let count = 0
  let depth = 0
  let open = -1
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x28 || c === 0xff08) {
      if (depth === 0) open = i
      depth++
    } else if ((c === 0x29 || c === 0xff09) && depth > 0) {
      depth--
      if (depth === 0) {
        into[count++] = open
        into[count++] = i + 1
      }
    }
  }
  return count
}

/** `排在第一位的部门为牵头部门` / `列第一位者为牵头单位` — the document's statement that the first body listed leads. */
export const CONVENTION = /(?:排在|排|列在|列)第一位的?(?:部门|单位|者)?(?:为|是)牵头(?:部门|单位)/

export interface ParsedClause {
  lead: string[]
  responsible: string[]
  open: boolean
  /** the clause itself states the lead convention */
  statesConvention: boolean
  /** names introduced with 以下简称: alias → name */
  aliases: Array<[string, string]>
}

// the verb that ends a group, longest first, and the words that may stand before it: 按职责分工分别负责
const VERBS = ['牵头负责', '牵头', '负责', '配合', '参与']
const MANNER = ['分别', '共同']
const DUTY = ['按照职责分工', '按职责分工', '根据职责分工', '按职责']
const OPEN_TAIL = /等(?:有关|相关|其他)?(?:部门|单位|部门和单位|部门和地方|地方)?$/
// characters that occur in prose but not in the name of a body
const PROSE_CHARS = new Set(Array.from('由的在对将要把向为从以含是并或与于', (ch) => ch.charCodeAt(0)))
const BODY_SUFFIX =
  /(?:部|委|局|办|厅|院|会|署|行|府|单位|部门|中心|组|室|队|处|所|中央|联|团|社|台|馆|司|公司|集团|协会)$/
const ALIAS = /[〔(]以下简称[“"]?([^〕)”"]+)[”"]?[〕)]/

const COLLECTIVE = /^各|^有关|^其他|^相关|有关部门|有关单位|其他成员单位|各成员单位/

export function isCollective(name: string): boolean {
  return COLLECTIVE.test(name)
}

/** What readNames adds to as it reads the lists of one clause. */
interface Found {
  open: boolean
  aliases: Array<[string, string]>
}

/**
 * The names one clause lists in one role, in order, duplicates included. One list per role serves every clause
 * (parseClause is not re-entrant), so reading a clause leaves no half-filled arrays behind; `count` is reset instead of
 * `length`, which would give up the array's storage.
 */
interface Names {
  items: string[]
  count: number
}
const leadNames: Names = { items: [], count: 0 }
const responsibleNames: Names = { items: [], count: 0 }

/**
 * Reads `A、B、C等有关部门` in text[from, to) into `into`; false when any part is not a plausible name of a body.
 * `text` is the folded clause and `original` the clause as written; they have the same length, so one set of indices
 * serves both, and the names are sliced from `original`.
 */
function readNames(text: string, original: string, from: number, to: number, into: Names, found: Found): boolean {
  for (let s = from; ; ) {
    const e = partEnd(text, s, to, isNameSeparator)
    if (!readName(text, original, s, e, into, found)) return false
    if (e === to) return true
    s = e + 1
  }
}

/**
 * Whether text[s, e) can be the name of a body: 2 to 40 units of Han characters, Latin letters, digits, 〔〕“”() (in
 * folded text), at least one of them Han, and none of the characters that only prose has.
 */
function isName(text: string, s: number, e: number): boolean {
  if (e - s < 2 || e - s > 40) return false
  let han = false
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x3400 && c <= 0x9fff) {
      if (PROSE_CHARS.has(c)) return false
      han = true
    } else if (!isNameMark(c)) {
      return false
    }
  }
  return han
}

/** The other units a name may hold (folded): Latin letters, digits, () 〔〕 and “”. */
function isNameMark(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ||
    c === 0x28 || c === 0x29 || c === 0x3014 || c === 0x3015 || c === 0x201c || c === 0x201d
  )
}

/** Whether `word` occurs in text[s, e). */
function occursIn(text: string, word: string, s: number, e: number): boolean {
  const at = text.indexOf(word, s)
  return at >= 0 && at + word.length <= e
}

function readName(text: string, original: string, s: number, e: number, into: Names, found: Found): boolean {
  while (s < e && isSpace(text.charCodeAt(s))) s++
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--
  const hasAlias = occursIn(text, '以下简称', s, e)
  const hasTail = occursIn(text, '等', s, e)
  // most names are plain: checked in place, and only the name as written is sliced (it is what the model keeps)
  if (!hasAlias && !hasTail) {
    if (!isName(text, s, e)) return false
    into.items[into.count++] = original.slice(s, e)
    return true
  }
  let name = text.slice(s, e)
  let raw = original.slice(s, e)
  const alias = hasAlias ? ALIAS.exec(name) : null
  // a body introduced as 全称（以下简称 简称） is listed under the short name the document goes on to use, so every
  // clause of that body names it the same way; the full name becomes the agency's fullName
  let shortName: string | undefined
  if (alias) {
    const at = alias.index + alias[0].indexOf(alias[1]!)
    const without = (t: string) => t.slice(0, alias.index) + t.slice(alias.index + alias[0].length)
    name = without(name)
    raw = without(raw)
    shortName = original.slice(s + at, s + at + alias[1]!.length)
    found.aliases.push([shortName, raw])
  }
  // an alias may have held the 等 (以下简称“等”), so the check is made again on what is left
  const openTail = name.includes('等') ? OPEN_TAIL.exec(name) : null
  if (openTail && openTail[0].length < name.length) {
    found.open = true
    name = name.slice(0, openTail.index)
    raw = raw.slice(0, openTail.index)
  }
  if (!isName(name, 0, name.length)) return false
  into.items[into.count++] = shortName ?? raw
  return true
}

/** The one of `words` that text[s, at) ends with, if any. */
function wordBefore(words: string[], text: string, s: number, at: number): string | undefined {
  for (const word of words) if (at - word.length >= s && text.startsWith(word, at - word.length)) return word
  return undefined
}

/** The verb that ends text[s, e) and where the phrase it ends starts (`…按职责分工负责`: 负责, at 按), or undefined. */
function verbTail(text: string, s: number, e: number): { verb: string; start: number } | undefined {
  const verb = wordBefore(VERBS, text, s, e)
  if (verb === undefined) return undefined
  let start = e - verb.length
  start -= wordBefore(MANNER, text, s, start)?.length ?? 0
  start -= wordBefore(DUTY, text, s, start)?.length ?? 0
  return { verb, start }
}

/**
 * Where the part of text[from, to) that starts at `from` ends: at the first separator outside 〔…〕 and (…), or at
 * `to`. Every part starts outside brackets, so parts are found one after another from depth 0.
 */
function partEnd(text: string, from: number, to: number, isSeparator: (c: number) => boolean): number {
  let depth = 0
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x3014 || c === 0x28) depth++
    else if ((c === 0x3015 || c === 0x29) && depth > 0) depth--
    else if (depth === 0 && isSeparator(c)) return i
  }
  return to
}

/** 、 separates the names in a list */
const isNameSeparator = (c: number) => c === 0x3001

/** , ; ，；。 separate the groups of a clause (A牵头, B负责), and close the sentence a clause follows */
export const isGroupSeparator = (c: number) => c === 0x2c || c === 0x3b || c === 0xff0c || c === 0xff1b || c === 0x3002

/** The names of `names` from `from` on, in order of first appearance, less those in `except`, as an array of exactly their number (the model keeps it). */
function distinct(names: Names, from: number, except: string[]): string[] {
  const items = names.items
  let kept = from
  next: for (let i = from; i < names.count; i++) {
    const name = items[i]!
    if (except.includes(name)) continue
    for (let j = from; j < kept; j++) if (items[j] === name) continue next
    items[kept++] = name
  }
  return items.slice(from, kept)
}

/**
 * Reads the inside of a bracket as a responsibility clause, or returns undefined when it is something else
 * ((P2P), (国发〔2015〕40号), 街道(乡镇), (技工院校内由…负责)).
 * `conventionActive` — the document has said that the first body listed leads.
 */
export function parseClause(inner: string, original: string, conventionActive: boolean): ParsedClause | undefined {
  let first = 0
  let last = inner.length
  while (first < last && isSpace(inner.charCodeAt(first))) first++
  while (last > first && isSpace(inner.charCodeAt(last - 1))) last--
  let text = inner.slice(first, last)
  let orig = original.slice(first, last)
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
  const lead = leadNames
  const responsible = responsibleNames
  lead.count = 0
  responsible.count = 0
  const found: Found = { open: false, aliases: [] }
  let groups = 0
  let sawVerb = false
  let lastHadVerb = false
  let explicitLead = false
  // the groups: parts between separators outside 〔…〕 and (…), each read as `names verb`
  for (let groupStart = 0; groupStart <= text.length; ) {
    let s = groupStart
    let e = partEnd(text, s, text.length, isGroupSeparator)
    groupStart = e + 1
    while (s < e && isSpace(text.charCodeAt(s))) s++
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--
    if (s === e) continue
    groups++
    const tail = verbTail(text, s, e)
    lastHadVerb = tail !== undefined
    const verbWord = tail?.verb
    if (tail) {
      sawVerb = true
      e = tail.start
    }
    // X会同A、B负责 or X分别会同A、B负责: X leads
    const meet = text.indexOf('会同', s)
    const together = meet >= 0 && meet + 2 <= e
    const each = together && meet - 2 >= s && text.startsWith('分别', meet - 2)
    const leads = text.indexOf('牵头', s)
    if (together) {
      if (!readNames(text, orig, s, each ? meet - 2 : meet, lead, found)) return undefined
      if (!readNames(text, orig, meet + 2, e, responsible, found)) return undefined
      explicitLead = true
    } else if (leads > s && leads + 2 <= e) {
      // X牵头，… or X牵头A、B负责 written without a comma
      if (!readNames(text, orig, s, leads, lead, found)) return undefined
      let rest = leads + 2
      while (rest < e && isSpace(text.charCodeAt(rest))) rest++
      if (rest < e && !readNames(text, orig, leads + 2, e, responsible, found)) return undefined
      explicitLead = true
    } else {
      const leading = verbWord === '牵头' || verbWord === '牵头负责'
      if (!readNames(text, orig, s, e, leading ? lead : responsible, found)) return undefined
      if (leading) explicitLead = true
    }
  }
  if (groups === 0) return undefined
  if (!sawVerb) {
    // a bare list counts only where the document has stated the convention and every item names a body
    if (!leadByConvention) return undefined
    for (let i = 0; i < responsible.count; i++) if (!BODY_SUFFIX.test(responsible.items[i]!)) return undefined
  } else if (!lastHadVerb) {
    return undefined
  }
  // by convention the first body listed leads (no name was read as a lead when explicitLead is false)
  let firstResponsible = 0
  if (!explicitLead && leadByConvention && responsible.count > 0 && !isCollective(responsible.items[0]!)) {
    lead.items[lead.count++] = responsible.items[firstResponsible++]!
  }
  const uniqueLead = distinct(lead, 0, [])
  return { lead: uniqueLead, responsible: distinct(responsible, firstResponsible, uniqueLead), open: found.open, statesConvention, aliases: found.aliases }
}
