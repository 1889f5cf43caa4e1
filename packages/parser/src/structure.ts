import type { Message, Paragraph, Position, Section } from '@policybrief/core'
import { type Lines, NextOccurrence } from './lines.js'
import { type HeadingNumber, decimalKind, readHeadingNumber } from './numbering.js'

/** A paragraph together with where its text starts in the source, for the passes that read the text again. */
export interface ParagraphRef {
  paragraph: Paragraph
  /** the title was read from the paragraph's own first sentence (not from a heading) */
  runIn: boolean
  /** the index of the paragraph's line */
  line: number
  /** offset in the source where `paragraph.text` starts */
  textStart: number
  section: Section | undefined
}

export interface Structure {
  preamble: Paragraph[]
  sections: Section[]
  paragraphs: ParagraphRef[]
}

/** A heading's first sentence longer than this is the start of its body, not a title. */
const MAX_TITLE = 40
/** A run-in title (服务大局。正文…) is a short first sentence with no comma. */
const MAX_RUN_IN = 20

// a run-in title has no punctuation, unless it is a quoted term (“互联网+”行动计划)
const PUNCTUATED = /[,;:!?“”《》()]/
const QUOTED_TERM = /^“[^”]*”[^,;:]*$/

/**
 * Splits `服务大局。正文…` or `——坚持以人为本、公平对待。推进…` in source[from, to) into title and text; undefined when
 * there is no run-in title. `stops` finds the 。 (one finder serves the pass over the lines).
 */
function runInTitle(lines: Lines, stops: NextOccurrence, from: number, to: number): { title: [number, number]; textStart: number } | undefined {
  let s = from
  while (s < to && isDash(lines.normCodeAt(s))) s++
  const stop = stops.at(s)
  if (stop < 0 || stop >= to - 1 || stop - s < 2 || stop - s > MAX_RUN_IN) return undefined
  const head = lines.normSlice(s, stop)
  if (PUNCTUATED.test(head) && !QUOTED_TERM.test(head)) return undefined
  let textStart = stop + 1
  while (textStart < to && lines.normCodeAt(textStart) === 0x20) textStart++
  return { title: [s, stop], textStart }
}

/** — or - (after folding), the marks of a bullet */
function isDash(c: number): boolean {
  return c === 0x2014 || c === 0x2d
}

/** A —— bullet: a paragraph whose line starts with a dash. */
export function isBullet(lines: Lines, ref: ParagraphRef): boolean {
  return isDash(lines.normCodeAt(lines.start[ref.line]!))
}

/** The paragraph that is line i's content. */
function makeParagraph(lines: Lines, stops: NextOccurrence, i: number, section: Section | undefined): ParagraphRef {
  const from = lines.start[i]!
  const end = lines.end[i]!
  const source = lines.source
  const runIn = runInTitle(lines, stops, from, end)
  if (runIn) {
    const paragraph: Paragraph = {
      text: source.slice(runIn.textStart, end),
      title: source.slice(runIn.title[0], runIn.title[1]),
      position: lines.span(i, from, end),
    }
    return { paragraph, line: i, textStart: runIn.textStart, section, runIn: true }
  }
  return { paragraph: { text: source.slice(from, end), position: lines.span(i, from, end) }, line: i, textStart: from, section, runIn: false }
}

/** The paragraphs of a section until it closes; never left in the model. */
const NO_PARAGRAPHS: Paragraph[] = Object.freeze([]) as unknown as Paragraph[]

/** The position of a section until it closes and its last line is known; never left in the model. */
const UNCLOSED: Position = Object.freeze({ start: Object.freeze({ line: 0, column: 0, offset: 0 }), end: Object.freeze({ line: 0, column: 0, offset: 0 }) })

interface Open {
  kind: string
  section: Section
  firstLine: number
  /** where the section's own paragraphs start in the list of all paragraphs, and how many there are */
  firstParagraph: number
  ownParagraphs: number
  /** the last child of each list kind, so every heading is placed in constant time */
  lastChildOfKind: Map<string, Section> | undefined
}

/**
 * Builds the numbered tree from line `from` on, leaving out blank lines and those `skip` names. A list kind seen
 * before in the open path closes everything below it (a sibling); a kind not in the path opens a child. Numbers that
 * continue the previous group's count (the seed's 1.–15. across (一)…(四)) are a continuing sequence; a number that
 * neither starts at 1 nor continues is reported.
 */
export function buildStructure(lines: Lines, from: number, skip: (line: number) => boolean, messages: Message[]): Structure {
  const preamble: Paragraph[] = []
  const sections: Section[] = []
  const paragraphs: ParagraphRef[] = []
  const stack: Open[] = []
  const lastValueOfKind = new Map<string, number>()
  const lastTopOfKind = new Map<string, Section>()
  // every open section ends on the last line read before the heading that closes it
  let lastLine = -1
  // the 。 that may end a title, looked for line after line
  const stops = new NextOccurrence(lines.source, '。')
  const close = (open: Open) => {
    const section = open.section
    section.position = lines.spanLines(open.firstLine, lastLine >= 0 ? lastLine : open.firstLine)
    // The model keeps these arrays, so they are made exactly as long as they need to be (an array grown by push keeps
    // room for 16 more). A section's own paragraphs are contiguous: once a child opens, the section is never again
    // the innermost one.
    const own = new Array<Paragraph>(open.ownParagraphs)
    for (let k = 0; k < own.length; k++) own[k] = paragraphs[open.firstParagraph + k]!.paragraph
    section.paragraphs = own
    if (section.children.length > 0) section.children = section.children.slice()
  }

  for (let i = from; i < lines.count; i++) {
    if (lines.isBlank(i) || skip(i)) continue
    const number = readHeadingNumber(lines, i)
    if (number && !(number.scheme === 'decimal' && isDecimalInProse(number, stack))) {
      const at = stack.findIndex((o) => o.kind === number.kind)
      if (at >= 0) while (stack.length > at) close(stack.pop()!)
      const parent = stack[stack.length - 1]
      const siblings = parent ? parent.section.children : sections
      const lastOfKind = parent ? (parent.lastChildOfKind ??= new Map()) : lastTopOfKind
      const previous = lastOfKind.get(number.kind)
      checkSequence(number, previous, lastValueOfKind, lines, i, messages)
      lastValueOfKind.set(number.kind, number.value)
      const firstParagraph = paragraphs.length
      const section = headingSection(lines, stops, i, number, parent?.section, siblings.length + 1, stack.length + 1, messages, paragraphs, previous)
      siblings.push(section)
      lastOfKind.set(number.kind, section)
      // headingSection added the paragraph that follows the title on the heading's own line, if there is one
      const ownParagraphs = paragraphs.length - firstParagraph
      stack.push({ kind: number.kind, section, firstLine: i, firstParagraph, ownParagraphs, lastChildOfKind: undefined })
      lastLine = i
      continue
    }
    const top = stack[stack.length - 1]
    const ref = makeParagraph(lines, stops, i, top?.section)
    paragraphs.push(ref)
    if (top) top.ownParagraphs++
    else preamble.push(ref.paragraph)
    lastLine = i
  }
  while (stack.length > 0) close(stack.pop()!)
  confirmRunInTitles(lines, paragraphs)
  return { preamble, sections, paragraphs }
}

/** A decimal number deeper than the open decimal path by more than one step is prose, not a heading. */
function isDecimalInProse(number: HeadingNumber, stack: Open[]): boolean {
  const depth = number.path?.length ?? 1
  if (depth === 1) return false
  const parent = decimalKind(depth - 1)
  const same = decimalKind(depth)
  for (let k = 0; k < stack.length; k++) if (stack[k]!.kind === parent || stack[k]!.kind === same) return false
  return true
}

function checkSequence(
  number: HeadingNumber,
  previous: Section | undefined,
  lastValueOfKind: Map<string, number>,
  lines: Lines,
  i: number,
  messages: Message[],
): void {
  const expected = previous ? previous.number.value + 1 : 1
  if (number.value === expected) return
  if (!previous && number.value === (lastValueOfKind.get(number.kind) ?? 0) + 1) return
  messages.push({
    ruleId: 'numbering-gap',
    severity: 'warning',
    reason: `${number.raw.trim()} follows ${previous ? previous.number.raw.trim() : 'nothing'}: expected number ${expected}.`,
    position: lines.span(i, lines.start[i]!, number.end),
  })
}

function headingSection(
  lines: Lines,
  stops: NextOccurrence,
  i: number,
  number: HeadingNumber,
  parent: Section | undefined,
  index: number,
  level: number,
  messages: Message[],
  paragraphs: ParagraphRef[],
  previous: Section | undefined,
): Section {
  const id = parent ? `${parent.id}.${index}` : String(index)
  const end = lines.end[i]!
  let from = number.end
  while (from < end && lines.normCodeAt(from) === 0x20) from++
  const section: Section = {
    id,
    level,
    number: { raw: number.raw.trim(), value: number.value, scheme: number.scheme },
    title: '',
    // set when the section closes (buildStructure closes every section it opens)
    paragraphs: NO_PARAGRAPHS,
    children: [],
    position: UNCLOSED,
  }
  if (from >= end) {
    messages.push({
      ruleId: 'empty-heading',
      severity: 'warning',
      reason: `Heading ${section.number.raw} has no title.`,
      position: lines.spanContent(i),
    })
    return section
  }
  const source = lines.source
  const length = end - from
  const found = stops.at(from)
  const stop = found >= 0 && found < end ? found - from : -1
  let bodyFrom: number | undefined
  if (stop < 0 && length <= 60) {
    section.title = source.slice(from, end).replace(/[:：]$/, '')
  } else if (stop >= 0 && stop <= MAX_TITLE) {
    section.title = source.slice(from, from + stop)
    bodyFrom = from + stop + 1
  } else if (previous?.title && !bodyOnHeadingLine(previous) && (previous.paragraphs.length > 0 || previous.children.length > 0)) {
    // the sibling before it has its title on a line of its own: this one lost the break between title and body
    const cut = stop >= 0 ? stop : length
    section.title = source.slice(from, from + cut)
    bodyFrom = stop >= 0 ? from + stop + 1 : undefined
    messages.push({
      ruleId: 'heading-runs-into-body',
      severity: 'warning',
      reason: `Heading ${section.number.raw} runs into its body with no punctuation; its title may hold the start of the body.`,
      position: lines.span(i, from, from + cut),
    })
  } else {
    // an untitled item (a flat list of one-sentence items): the whole line is its text
    bodyFrom = from
  }
  while (bodyFrom !== undefined && bodyFrom < end && lines.normCodeAt(bodyFrom) === 0x20) bodyFrom++
  if (bodyFrom !== undefined && bodyFrom < end) {
    // made with its title, if it has one, in the order the model lists the fields: a field added afterwards costs
    // the object a separate property store
    const text = source.slice(bodyFrom, end)
    const position = lines.span(i, bodyFrom, end)
    const paragraph: Paragraph = section.title && bodyFrom > from ? { text, position, title: section.title } : { text, position }
    paragraphs.push({ paragraph, line: i, textStart: bodyFrom, section, runIn: false })
  }
  return section
}

/** Whether a closed section's body starts on its heading's line (一、总体要求。正文…). */
function bodyOnHeadingLine(section: Section): boolean {
  return section.paragraphs.length > 0 && section.paragraphs[0]!.position.start.line === section.position.start.line
}

function isRunInOf(ref: ParagraphRef | undefined, section: Section | undefined): boolean {
  return ref !== undefined && ref.runIn && ref.section === section
}

/**
 * A short first sentence is a run-in title when it is one of a series (principles 服务大局。… 融合创新。…), or a
 * —— bullet; a lone short sentence opening an ordinary paragraph is just its first sentence.
 */
function confirmRunInTitles(lines: Lines, paragraphs: ParagraphRef[]): void {
  for (let i = 0; i < paragraphs.length; i++) {
    const ref = paragraphs[i]!
    if (!ref.runIn || isBullet(lines, ref)) continue
    if (isRunInOf(paragraphs[i - 1], ref.section) || isRunInOf(paragraphs[i + 1], ref.section)) continue
    ref.runIn = false
    ref.textStart = lines.start[ref.line]!
    ref.paragraph.text = lines.content(ref.line)
    delete ref.paragraph.title
  }
}
