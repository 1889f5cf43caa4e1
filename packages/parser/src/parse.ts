import {
  type Agency,
  type AttachedDocument,
  type Encoding,
  type Goal,
  type Message,
  type Meta,
  type Opinion,
  type Paragraph,
  type Reference,
  type Responsibility,
  type Section,
  schemaVersion,
} from '@policybrief/core'
import { CONVENTION, findBrackets, isCollective, isGroupSeparator, parseClause } from './clauses.js'
import { decodeBytes } from './decode.js'
import { Lines, NextOccurrence, isSpace } from './lines.js'
import {
  isAddresseeLine,
  isIssuerLine,
  isTitleLike,
  joinTitle,
  lineDate,
  readAddressees,
  readDocNumber,
  readDocType,
} from './metadata.js'
import { sha256Hex } from './sha256.js'
import { type ParagraphRef, buildStructure, isBullet } from './structure.js'

export interface ParseOptions {
  /** file name recorded in `source.name` and used in messages */
  name?: string
}

export interface ParseResult {
  opinion: Opinion
  messages: Message[]
}

/** How many leading lines may hold the title block (preface, title, 文号, addressees). */
const HEAD_WINDOW = 12

/**
 * Parses the text of a Chinese policy document. Never throws: input that cannot be read gives an `error` message
 * and an empty model; anything readable gives the best model it can, with warnings where the text is irregular.
 */
export function parseOpinion(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const messages: Message[] = []
  let text: string
  let encoding: Encoding
  let bytes: Uint8Array
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    encoding = 'text'
    bytes = new TextEncoder().encode(input)
  } else {
    bytes = input
    const decoded = decodeBytes(input)
    if (!decoded.ok) {
      messages.push({ ruleId: decoded.ruleId, severity: 'error', reason: decoded.reason })
      return { opinion: emptyOpinion(options, 'text', bytes, 0), messages }
    }
    text = decoded.text
    encoding = decoded.encoding
    if (decoded.fallback) {
      messages.push({ ruleId: 'decoded-gb18030', severity: 'info', reason: 'The bytes are not UTF-8; decoded as GB18030.' })
    }
  }
  if (text.trim().length === 0) {
    messages.push({ ruleId: 'empty-input', severity: 'error', reason: 'The input holds no text.' })
    return { opinion: emptyOpinion(options, encoding, bytes, text.length), messages }
  }
  if (typeof input === 'string' && /^%PDF-|^PK\u0003\u0004/.test(text)) {
    messages.push({ ruleId: 'binary-input', severity: 'error', reason: 'The input is a binary file read as text (PDF or ZIP); extract its text first.' })
    return { opinion: emptyOpinion(options, encoding, bytes, text.length), messages }
  }
  try {
    const log = cappedLog()
    const opinion = readOpinion(text, encoding, bytes, options, log.messages)
    return { opinion, messages: [...messages, ...log.finish()] }
  } catch (error) {
    // A bug must not cost the caller the document: report it and return what the input holds as text.
    messages.push({
      ruleId: 'parser-failure',
      severity: 'warning',
      reason: `The parser failed on this input (${error instanceof Error ? error.message : String(error)}); the text is kept as the preamble.`,
    })
    const opinion = emptyOpinion(options, encoding, bytes, text.length)
    const lines = new Lines(text)
    for (let i = 0; i < lines.count; i++) {
      if (!lines.isBlank(i)) opinion.preamble.push({ text: lines.content(i), position: lines.spanContent(i) })
    }
    return { opinion, messages }
  }
}

/** More messages of one rule than anyone reads; the rest are counted in one closing message. */
const MAX_PER_RULE = 200

/**
 * A message list that keeps the first MAX_PER_RULE messages of each rule, so a pathological input (100,000 headings
 * numbered 一、) costs neither memory nor a wall of output.
 */
function cappedLog(): { messages: Message[]; finish: () => Message[] } {
  const messages: Message[] = []
  const counts = new Map<Message['ruleId'], { n: number; severity: Message['severity'] }>()
  messages.push = (...items: Message[]) => {
    for (const m of items) {
      const seen = counts.get(m.ruleId) ?? { n: 0, severity: m.severity }
      seen.n++
      counts.set(m.ruleId, seen)
      if (seen.n <= MAX_PER_RULE) Array.prototype.push.call(messages, m)
    }
    return messages.length
  }
  const finish = () => {
    const out = [...messages]
    for (const [ruleId, { n, severity }] of counts) {
      if (n > MAX_PER_RULE) out.push({ ruleId, severity, reason: `${n - MAX_PER_RULE} more messages like this were not listed.` })
    }
    return out
  }
  return { messages, finish }
}

function emptyOpinion(options: ParseOptions, encoding: Encoding, bytes: Uint8Array, length: number): Opinion {
  return {
    schemaVersion,
    source: { ...(options.name !== undefined && { name: options.name }), encoding, sha256: sha256Hex(bytes), length },
    meta: { title: '', addressees: [], references: [] },
    preamble: [],
    sections: [],
    goals: [],
    responsibilities: [],
    agencies: [],
  }
}

interface Head {
  meta: Meta
  /** first line of the body */
  bodyStart: number
}

/** （此件公开发布） and the like: a note on how the document is published, not part of its text */
const NOTE = /^\(此件[^)]*\)$/

function isNote(lines: Lines, i: number): boolean {
  const start = lines.start[i]!
  return lines.normCodeAt(start) === 0x28 && lines.source.startsWith('此件', start + 1) && NOTE.test(lines.normContent(i))
}

const ATTACHMENT_TITLE = /^附(?:件)?\d*\s*[:：]?\s*《([^》]{2,80})》$/

function readHead(lines: Lines, messages: Message[]): Head {
  // the indices of the first non-blank lines
  const nonBlank: number[] = []
  for (let i = 0; i < lines.count && nonBlank.length < HEAD_WINDOW; i++) if (!lines.isBlank(i)) nonBlank.push(i)
  const meta: Meta = { title: '', addressees: [], references: [] }
  let bodyStart = 0
  let titleLines: number[] = []
  let prefaceEnd = -1 // index into nonBlank of the last preface line
  const titleLike = (i: number) => isTitleLike(lines, i)
  const contents = (of: number[]) => of.map((i) => lines.content(i))

  const numberAt = nonBlank.findIndex((i) => readDocNumber(lines.content(i), lines.normContent(i)))
  const attachedAt = nonBlank.findIndex((i) => ATTACHMENT_TITLE.test(lines.normContent(i)))
  const limit = numberAt >= 0 ? numberAt : nonBlank.length
  if (attachedAt >= 0 && attachedAt < limit) {
    // a news wrapper: 近日…出台了《…》。 附:《title》
    const inner = lines.content(nonBlank[attachedAt]!)
    meta.title = inner.slice(inner.indexOf('《') + 1, inner.lastIndexOf('》'))
    prefaceEnd = attachedAt
  } else {
    let first: number
    let end: number
    if (numberAt >= 0) {
      // the title is the title-like lines just above the 文号
      end = numberAt
      first = end
      while (first > 0 && end - first < 3 && titleLike(nonBlank[first - 1]!)) first--
    } else {
      // no 文号: the first title-like lines, up to the one that names a document type
      first = nonBlank.findIndex(titleLike)
      if (first < 0 || first > 3) first = 0
      end = first
      while (end < nonBlank.length && end - first < 3 && titleLike(nonBlank[end]!)) {
        end++
        if (readDocType(lines.content(nonBlank[end - 1]!))) break
      }
      if (!readDocType(joinTitle(contents(nonBlank.slice(first, end))))) end = Math.min(end, first + 1)
    }
    titleLines = nonBlank.slice(first, end)
    meta.title = joinTitle(contents(titleLines))
    prefaceEnd = first - 1
  }
  if (prefaceEnd >= 0) {
    meta.preface = nonBlank.slice(0, prefaceEnd + 1).map((i) => ({ text: lines.content(i), position: lines.spanContent(i) }))
  }
  const docType = readDocType(meta.title)
  if (docType) meta.docType = docType
  let last = Math.max(prefaceEnd, ...titleLines.map((i) => nonBlank.indexOf(i)))
  if (numberAt >= 0) {
    const line = nonBlank[numberAt]!
    const docNumber = readDocNumber(lines.content(line), lines.normContent(line))!
    meta.docNumber = docNumber
    if (docNumber.raw !== docNumber.normalized) {
      messages.push({
        ruleId: 'normalized-doc-number',
        severity: 'info',
        reason: `Document number ${docNumber.raw} normalized to ${docNumber.normalized}.`,
        position: lines.spanContent(line),
      })
    }
    last = Math.max(last, numberAt)
  }
  const addressee = nonBlank.findIndex((l, k) => k > last && k <= last + 2 && isAddresseeLine(lines, l))
  if (addressee >= 0) {
    meta.addressees = readAddressees(lines, nonBlank[addressee]!)
    last = addressee
  }
  const lastLine = nonBlank[last]
  bodyStart = lastLine !== undefined ? lastLine + 1 : 0
  if (!meta.title) {
    messages.push({ ruleId: 'missing-title', severity: 'warning', reason: 'No document title was found in the first lines.' })
  }
  return { meta, bodyStart }
}

interface Signature {
  /** the indices of the issuer's line and of the date's */
  issuerLine: number
  dateLine: number
  issuer: string
  date: string
}

/** Every issuer-over-date pair after the body start: the signature, and those of attached documents. */
function findSignatures(lines: Lines, from: number): Signature[] {
  const found: Signature[] = []
  let previous = -1
  for (let i = from; i < lines.count; i++) {
    if (lines.isBlank(i)) continue
    const date = lineDate(lines, i)
    if (date && previous >= 0 && isIssuerLine(lines, previous)) {
      found.push({ issuerLine: previous, dateLine: i, issuer: lines.content(previous).replace(/[\s\u3000]+/g, ''), date })
    }
    previous = i
  }
  return found
}

/**
 * After the signature: （此件公开发布）, 附件 lines, then possibly the title of an attached document: its lines (indices)
 * and the title they make.
 */
function findAttached(lines: Lines, from: number, outerTitle: string): { lines: number[]; title: string } | undefined {
  let i = from
  const skip = (l: number) => {
    if (lines.isBlank(l)) return true
    const n = lines.normContent(l)
    return isNote(lines, l) || /^附件\d*[:：]?$/.test(n) || /^(?:抄送|印发)/.test(n)
  }
  while (i < lines.count && skip(i)) i++
  const title: number[] = []
  while (i < lines.count && title.length < 3 && !lines.isBlank(i) && isTitleLike(lines, i)) {
    title.push(i)
    i++
    if (readDocType(lines.content(title[title.length - 1]!))) break
  }
  if (title.length === 0) return undefined
  const joined = joinTitle(title.map((l) => lines.content(l)))
  const bare = joined.replace(/^关于/, '').replace(/的?(意见|方案|预案|办法|规定)$/, '')
  // the outer document issues it (印发…的通知/函) or the title names a document type
  if (!readDocType(joined) && !outerTitle.includes(bare)) return undefined
  return { lines: title, title: joined }
}

/** Lines of a 目录: from the 目录 line to just before the first entry appears a second time. */
function tableOfContents(lines: Lines, from: number): [number, number] | undefined {
  for (let i = from; i < lines.count; i++) {
    // the content starts with 目 (it has no leading space), checked before anything is sliced
    if (lines.source.charCodeAt(lines.start[i]!) !== 0x76ee || lines.end[i]! - lines.start[i]! > 12) continue
    if (lines.normContent(i).replace(/ /g, '') !== '目录') continue
    let first = i + 1
    while (first < lines.count && lines.isBlank(first)) first++
    if (first >= lines.count) return undefined
    const key = lines.content(first).replace(/[\s\u3000]+/g, '')
    for (let j = first + 1; j < lines.count; j++) {
      if (lines.content(j).replace(/[\s\u3000]+/g, '') === key) return [i, j]
    }
    return undefined
  }
  return undefined
}

function readOpinion(text: string, encoding: Encoding, bytes: Uint8Array, options: ParseOptions, messages: Message[]): Opinion {
  const lines = new Lines(text)
  const { meta, bodyStart } = readHead(lines, messages)
  const signatures = findSignatures(lines, bodyStart)
  // everything after the head is body, except signatures, attached titles and notes such as （此件公开发布）: a flag
  // per line
  const excluded = new Uint8Array(lines.count)
  for (const sig of signatures) excluded[sig.issuerLine] = excluded[sig.dateLine] = 1
  const signature = signatures[0]
  if (signature) {
    meta.issuer = signature.issuer
    meta.date = signature.date
    const attached = findAttached(lines, signature.dateLine + 1, meta.title)
    if (attached) {
      const doc: AttachedDocument = { title: attached.title, position: lines.spanContent(attached.lines[0]!) }
      const type = readDocType(attached.title)
      if (type) doc.docType = type
      meta.attached = [doc]
      for (const i of attached.lines) excluded[i] = 1
    }
  } else {
    messages.push({ ruleId: 'missing-signature', severity: 'info', reason: 'No issuer and date signature was found at the end.' })
  }
  const toc = tableOfContents(lines, bodyStart)
  if (toc) excluded.fill(1, toc[0], toc[1])
  const { preamble, sections, paragraphs } = buildStructure(lines, bodyStart, (i) => excluded[i] === 1 || isNote(lines, i), messages)
  const own = new Set([meta.title, ...(meta.attached ?? []).map((a) => a.title)])
  meta.references = readReferences(lines, own)
  const { responsibilities, aliases } = readResponsibilities(lines, paragraphs, messages)
  if (responsibilities.length === 0) {
    messages.push({ ruleId: 'no-clauses', severity: 'info', reason: 'The document holds no responsibility clauses.' })
  }
  return {
    schemaVersion,
    source: { ...(options.name !== undefined && { name: options.name }), encoding, sha256: sha256Hex(bytes), length: text.length },
    meta,
    preamble,
    sections,
    goals: readGoals(lines, paragraphs),
    responsibilities,
    agencies: collectAgencies(responsibilities, aliases),
  }
}

function readReferences(lines: Lines, own: Set<string>): Reference[] {
  const byTitle = new Map<string, Reference>()
  const source = lines.source
  // one walk over the 《 of the whole source, with the line each is on; a title does not run over a line's end
  let i = 0
  let at = source.indexOf('《')
  while (at >= 0) {
    while (lines.stop[i]! < at) i++
    const stop = lines.stop[i]!
    const close = source.indexOf('》', at + 1)
    if (close < 0) break
    if (close >= stop) {
      at = source.indexOf('《', stop)
      continue
    }
    const nextOpen = source.indexOf('《', at + 1)
    if (nextOpen >= 0 && nextOpen < close) {
      at = nextOpen
      continue
    }
    // 《 and 》 are not folded, so the source serves; only a 文号 after the title needs the folded form
    const title = source.slice(at + 1, close)
    let end = close + 1
    const reference: Reference = { title, position: lines.span(i, at, end) }
    if (end < stop && lines.normCodeAt(end) === 0x28) {
      const shut = end + lines.normSlice(end, Math.min(end + 30, stop)).indexOf(')')
      if (shut > end) {
        const number = readDocNumber(source.slice(end + 1, shut), lines.normSlice(end + 1, shut))
        if (number) {
          reference.docNumber = number
          end = shut + 1
          reference.position = lines.span(i, at, end)
        }
      }
    }
    if (title.trim() && title.length <= 120 && !own.has(title)) {
      const known = byTitle.get(title)
      if (!known) byTitle.set(title, reference)
      else if (!known.docNumber && reference.docNumber) known.docNumber = reference.docNumber
    }
    at = source.indexOf('《', end)
  }
  return [...byTitle.values()]
}

const GOAL = /^到(\d{4})年(?:底|末)?/

function readGoals(lines: Lines, paragraphs: ParagraphRef[]): Goal[] {
  const goals: Goal[] = []
  for (let i = 0; i < paragraphs.length; i++) {
    const ref = paragraphs[i]!
    // a goal opens with 到 (checked first: most paragraphs are not goals, and the check costs no slice)
    if (ref.paragraph.title || lines.source.charCodeAt(ref.textStart) !== 0x5230) continue
    const m = GOAL.exec(lines.normSlice(ref.textStart, Math.min(ref.textStart + 8, lines.stop[ref.line]!)))
    if (!m) continue
    // the —— bullets right after it, in its section, are its targets
    let end = i + 1
    while (end < paragraphs.length && paragraphs[end]!.section === ref.section && isBullet(lines, paragraphs[end]!)) end++
    const targets = paragraphs.slice(i + 1, end).map(({ paragraph }) =>
      paragraph.title !== undefined ? { title: paragraph.title, text: paragraph.text } : { title: '', text: paragraph.text.replace(/^[—-]+/, '') },
    )
    const goal: Goal = { year: Number(m[1]), text: ref.paragraph.text, targets, position: ref.paragraph.position }
    if (ref.section) goal.section = ref.section.id
    goals.push(goal)
  }
  return goals
}

/**
 * The first paragraph of the section (or preamble) that paragraph `p` is in. A section's own paragraphs are
 * contiguous (its children open after them), so this walks back over the section once, at its first clause.
 */
function firstParagraphOf(paragraphs: ParagraphRef[], p: number): number {
  const section = paragraphs[p]!.section
  let q = p
  while (q > 0 && paragraphs[q - 1]!.section === section) q--
  return q
}

/** What may stand between a clause and the next task: spaces and the punctuation that closed the sentence. */
function isTaskLead(c: number): boolean {
  return isSpace(c) || isGroupSeparator(c)
}

function readResponsibilities(
  lines: Lines,
  paragraphs: ParagraphRef[],
  messages: Message[],
): { responsibilities: Responsibility[]; aliases: Map<string, string> } {
  const responsibilities: Responsibility[] = []
  const aliases = new Map<string, string>()
  // the brackets of the paragraph being read, as index pairs (findBrackets); one list serves every paragraph
  const brackets: number[] = []
  let convention = false
  // where the task of the next clause starts: the paragraph and offset after the last clause, in the section of the
  // paragraph being read (a section's own paragraphs are contiguous, so one cursor serves; null before the first clause)
  let cursorSection: Section | undefined | null = null
  let cursor = { paragraph: 0, at: -1 }
  const source = lines.source
  // most paragraphs hold no bracket and no convention sentence: they are skipped on where the next （, ( and 第一位
  // are, each looked for once in a pass over the source
  const wideOpen = new NextOccurrence(source, '（')
  const open = new NextOccurrence(source, '(')
  const first = new NextOccurrence(source, '第一位')
  for (let p = 0; p < paragraphs.length; p++) {
    const ref = paragraphs[p]!
    const line = ref.line
    const lineEnd = lines.end[line]!
    // Only the inside of a bracket is folded (full-width commas and brackets); nothing else here depends on folding.
    const hasBracket = wideOpen.within(ref.textStart, lineEnd) || open.within(ref.textStart, lineEnd)
    const mayStateConvention = first.within(ref.textStart, lineEnd)
    if (!hasBracket && !mayStateConvention) continue
    const found = hasBracket ? findBrackets(source, ref.textStart, lineEnd, brackets) : 0
    const prose = mayStateConvention ? CONVENTION.exec(source.slice(ref.textStart, lineEnd)) : null
    let proseAt = prose ? prose.index + ref.textStart : -1
    for (let b = 0; proseAt >= 0 && b < found; b += 2) if (brackets[b]! <= proseAt && proseAt < brackets[b + 1]!) proseAt = -1
    for (let b = 0; b < found; b += 2) {
      const start = brackets[b]!
      const end = brackets[b + 1]!
      if (proseAt >= 0 && proseAt < start) convention = true
      if (end - start > 402) continue
      const inner = lines.normSlice(start + 1, end - 1)
      const clause = parseClause(inner, source.slice(start + 1, end - 1), convention)
      if (!clause) {
        if (/负责|牵头/.test(inner) && /(?:负责|牵头)$/.test(inner.trim())) {
          messages.push({
            ruleId: 'unparsed-clause',
            severity: 'info',
            reason: `${source.slice(start, end)} mentions 负责/牵头 but is not a list of bodies; read as text.`,
            position: lines.span(line, start, end),
          })
        }
        continue
      }
      if (clause.statesConvention && !convention) {
        convention = true
        messages.push({
          ruleId: 'lead-convention',
          severity: 'info',
          reason: 'The document states that the first body listed leads; leads follow that convention from here on.',
          position: lines.span(line, start, end),
        })
      }
      for (let a = 0; a < clause.aliases.length; a++) aliases.set(clause.aliases[a]![0], clause.aliases[a]![1])
      if (ref.section !== cursorSection) {
        cursorSection = ref.section
        cursor = { paragraph: firstParagraphOf(paragraphs, p), at: -1 }
      }
      // the task is the text since the previous clause, less the punctuation that closed it; a slice of the source
      // (which costs no copy) when it lies in one paragraph, as most do, and its paragraphs joined by line breaks if not
      let task = ''
      let parts: string[] | undefined
      for (let q = cursor.paragraph; q <= p; q++) {
        const r = paragraphs[q]!
        if (r.section !== ref.section) continue
        let from = q === cursor.paragraph && cursor.at >= 0 ? cursor.at : r.textStart
        const stop = q === p ? start : lines.end[r.line]!
        if (task === '') while (from < stop && isTaskLead(source.charCodeAt(from))) from++
        if (stop <= from) continue
        const part = source.slice(from, stop)
        if (task === '') task = part
        else (parts ??= [task]).push(part)
      }
      cursor.paragraph = p
      cursor.at = end
      responsibilities.push({
        id: `r${responsibilities.length + 1}`,
        section: ref.section?.id ?? 'preamble',
        lead: clause.lead,
        responsible: clause.responsible,
        open: clause.open,
        raw: source.slice(start, end),
        text: (parts ? parts.join('\n') : task).trim(),
        position: lines.span(line, start, end),
      })
    }
    if (proseAt >= 0) convention = true
  }
  return { responsibilities, aliases }
}

function collectAgencies(responsibilities: Responsibility[], aliases: Map<string, string>): Agency[] {
  // per body, in order of first mention, the sections it leads and shares. A section's clauses are contiguous (its own
  // paragraphs come before its children's), so a section already listed for a body is the last one listed for it.
  const byName = new Map<string, Agency>()
  const agencyOf = (name: string) => {
    let agency = byName.get(name)
    if (!agency) {
      agency = { name, kind: isCollective(name) ? 'collective' : 'body', lead: [], responsible: [] }
      const full = aliases.get(name)
      if (full) agency.fullName = full
      byName.set(name, agency)
    }
    return agency
  }
  const list = (sections: string[], section: string) => {
    if (sections[sections.length - 1] !== section) sections.push(section)
  }
  for (let i = 0; i < responsibilities.length; i++) {
    const { lead, responsible, section } = responsibilities[i]!
    for (let j = 0; j < lead.length; j++) list(agencyOf(lead[j]!).lead, section)
    for (let j = 0; j < responsible.length; j++) list(agencyOf(responsible[j]!).responsible, section)
  }
  return [...byName.values()]
}
