import { z } from 'zod'
import { type Block, BlockSchema, SourceRefSchema } from './blocks.js'
import { displaySafe } from './display-text.js'
import { type Labels, type Locale, labelsFor } from './labels.js'
import { AgencyKindSchema, DocNumberSchema, type Opinion, type Responsibility, type Section, schemaVersion } from './model.js'
import { type AgencyRegistry, type ResolvedAgency, builtinRegistry, findAgency, resolveAgencies } from './registry.js'

export const BriefingKindSchema = z.enum(['agency', 'document', 'matrix'])
export type BriefingKind = z.infer<typeof BriefingKindSchema>

export const TaskSchema = z.object({
  id: z.string().describe('the responsibility clause id, r1 …'),
  section: z.string().describe('section id'),
  path: z.string().describe('section path as numbered in the document, e.g. 三、(一)1.'),
  title: z.string(),
  text: z.string().describe('the task as written in the document'),
  lead: z.array(z.string()),
  responsible: z.array(z.string()),
  open: z.boolean(),
  deadline: z.string().optional().describe('only where the text states one, e.g. 到2018年, 2019年底前'),
  role: z.enum(['lead', 'shared']).optional().describe('in an agency briefing: what the audience does'),
  coordinateWith: z.array(z.string()).optional().describe('in an agency briefing: the leads to coordinate with; empty when joint'),
  source: SourceRefSchema,
})
export type Task = z.infer<typeof TaskSchema>

export const MatrixRowSchema = z.object({
  index: z.number().int().min(1),
  task: z.string(),
  lead: z.array(z.string()),
  responsible: z.array(z.string()),
  deadline: z.string().optional(),
  source: SourceRefSchema,
})
export type MatrixRow = z.infer<typeof MatrixRowSchema>

export const BriefingSchema = z.object({
  schemaVersion: z.literal(schemaVersion),
  kind: BriefingKindSchema,
  locale: z.enum(['zh-CN', 'en']),
  title: z.string().describe('the briefing’s own title'),
  document: z.object({
    title: z.string(),
    docType: z.string().optional(),
    docNumber: DocNumberSchema.optional(),
    issuer: z.string().optional(),
    date: z.string().optional(),
    sourceName: z.string().optional(),
    sha256: z.string(),
  }),
  audience: z
    .object({ name: z.string(), fullName: z.string().optional(), kind: AgencyKindSchema })
    .optional()
    .describe('the body an agency briefing is for'),
  summary: z
    .object({
      led: z.number().int(),
      shared: z.number().int(),
      partners: z.array(z.object({ name: z.string(), tasks: z.number().int() })),
    })
    .optional(),
  tasks: z.array(TaskSchema),
  goals: z.array(z.object({ year: z.number().int(), text: z.string(), targets: z.array(z.object({ title: z.string(), text: z.string() })) })),
  principles: z.array(z.object({ title: z.string(), text: z.string() })),
  matrix: z.array(MatrixRowSchema),
  blocks: z.array(BlockSchema).describe('renderer-neutral layout; not part of the JSON output'),
})
export type Briefing = z.infer<typeof BriefingSchema>

export type BriefingOptions =
  | { kind: 'agency'; agency: string; locale?: Locale; registry?: AgencyRegistry }
  | { kind: 'document' | 'matrix'; locale?: Locale; registry?: AgencyRegistry }

const DEADLINE = [
  /(?:到|至|于|在)(\d{4})年(?:底|末|年底|\d{1,2}月(?:底|末)?)?(?:前|以前|之前)?/,
  /(\d{4})年(?:底|末|上半年|下半年|\d{1,2}月(?:底|末|\d{1,2}日)?)?(?:前|以前|之前)/,
]

/** The time limit a task states (到2018年, 2019年底前, 2020年6月底前); never invented. */
export function findDeadline(text: string): string | undefined {
  let best: RegExpExecArray | undefined
  for (const pattern of DEADLINE) {
    const m = pattern.exec(text)
    if (m && (!best || m.index < best.index)) best = m
  }
  return best?.[0]
}

/** Section id → the section and the numbers of its ancestors, written as in the document: 三、(一)1. */
export function indexSections(sections: Section[]): Map<string, { section: Section; path: string }> {
  const index = new Map<string, { section: Section; path: string }>()
  const walk = (list: Section[], prefix: string) => {
    for (const s of list) {
      const path = prefix + s.number.raw
      index.set(s.id, { section: s, path })
      walk(s.children, path)
    }
  }
  walk(sections, '')
  return index
}

/** The start of a text, cut at its first comma or full stop: a title for an item that has none. */
function shortTitle(text: string): string {
  const first = text.split(/[，,。；;]/)[0] ?? text
  return first.length > 28 ? `${first.slice(0, 28)}…` : first
}

/** A section's title, or the start of its text when the item has none (flat lists of one-sentence items). */
export function sectionTitle(section: Section): string {
  return section.title || shortTitle(section.paragraphs[0]?.text ?? '')
}

function tasksOf(opinion: Opinion): Task[] {
  const sections = indexSections(opinion.sections)
  return opinion.responsibilities.map((r: Responsibility) => {
    const entry = sections.get(r.section)
    const deadline = findDeadline(r.text)
    const task: Task = {
      id: r.id,
      section: r.section,
      path: entry?.path ?? '',
      title: entry ? sectionTitle(entry.section) : shortTitle(r.text),
      text: r.text,
      lead: r.lead,
      responsible: r.responsible,
      open: r.open,
      source: { line: r.position.start.line, column: r.position.start.column, ...(entry && { path: entry.path }) },
    }
    if (deadline) task.deadline = deadline
    return task
  })
}

function principlesOf(opinion: Opinion): Array<{ title: string; text: string }> {
  const out: Array<{ title: string; text: string }> = []
  const walk = (list: Section[]) => {
    for (const s of list) {
      if (/原则/.test(s.title)) {
        for (const p of s.paragraphs) if (p.title) out.push({ title: p.title.replace(/^[—-]+/, ''), text: p.text })
      }
      walk(s.children)
    }
  }
  walk(opinion.sections)
  return out
}

function matrixOf(tasks: Task[]): MatrixRow[] {
  return tasks.map((t, i) => ({
    index: i + 1,
    task: t.path ? `${t.path}${t.title}` : t.title,
    lead: t.lead,
    responsible: t.responsible,
    ...(t.deadline !== undefined && { deadline: t.deadline }),
    source: t.source,
  }))
}

/**
 * What a briefing says, decided once for every format: an agency briefing for one body, the whole document, or
 * the responsibility matrix (重点任务分工表). Throws UnknownAgencyError for a body the document does not name.
 */
export function buildBriefing(source: Opinion, options: BriefingOptions): Briefing {
  // the model keeps the source as written; what a reader gets holds only characters every format can carry
  const opinion = displaySafe(source)
  const locale = options.locale ?? 'zh-CN'
  const labels = labelsFor(locale)
  const agencies = resolveAgencies(opinion, options.registry ?? builtinRegistry)
  const all = tasksOf(opinion)
  const document: Briefing['document'] = {
    title: opinion.meta.title,
    ...(opinion.meta.docType !== undefined && { docType: opinion.meta.docType }),
    ...(opinion.meta.docNumber !== undefined && { docNumber: opinion.meta.docNumber }),
    ...(opinion.meta.issuer !== undefined && { issuer: opinion.meta.issuer }),
    ...(opinion.meta.date !== undefined && { date: opinion.meta.date }),
    ...(opinion.source.name !== undefined && { sourceName: opinion.source.name }),
    sha256: opinion.source.sha256,
  }
  const goals = opinion.goals.map((g) => ({ year: g.year, text: g.text, targets: g.targets }))
  const principles = principlesOf(opinion)
  const base = { schemaVersion, locale, document, goals, principles } as const
  const layout = new Layout(labels, opinion, document)

  if (options.kind === 'agency') {
    const agency = findAgency(agencies, options.agency)
    const tasks: Task[] = []
    for (const t of all) {
      if (t.lead.includes(agency.name)) tasks.push({ ...t, role: 'lead', coordinateWith: [] })
      else if (t.responsible.includes(agency.name)) tasks.push({ ...t, role: 'shared', coordinateWith: t.lead })
    }
    const partners = countPartners(tasks, agency.name)
    const led = tasks.filter((t) => t.role === 'lead').length
    const summary = { led, shared: tasks.length - led, partners }
    const audience = { name: agency.name, kind: agency.kind, ...(agency.fullName !== undefined && { fullName: agency.fullName }) }
    const matrix = matrixOf(tasks)
    const title = labels.agencyBriefing(agency.fullName ?? agency.name)
    return {
      ...base,
      kind: 'agency',
      title,
      audience,
      summary,
      tasks,
      matrix,
      blocks: layout.agency(title, agency, tasks, summary, goals, principles, matrix),
    }
  }
  const matrix = matrixOf(all)
  if (options.kind === 'matrix') {
    const title = labels.matrixBriefing
    return { ...base, kind: 'matrix', title, tasks: all, matrix, blocks: layout.matrix(title, matrix) }
  }
  const title = labels.documentBriefing
  return { ...base, kind: 'document', title, tasks: all, matrix, blocks: layout.document(title, all) }
}

function countPartners(tasks: Task[], self: string): Array<{ name: string; tasks: number }> {
  const counts = new Map<string, number>()
  for (const t of tasks) {
    for (const name of new Set([...t.lead, ...t.responsible])) {
      if (name !== self) counts.set(name, (counts.get(name) ?? 0) + 1)
    }
  }
  return [...counts.entries()]
    .map(([name, n]) => ({ name, tasks: n }))
    .sort((a, b) => b.tasks - a.tasks)
    .slice(0, 5)
}

/** Builds the blocks of each kind of briefing from the semantic data. */
class Layout {
  constructor(
    private readonly labels: Labels,
    private readonly opinion: Opinion,
    private readonly doc: Briefing['document'],
  ) {}

  private names(list: string[], open = false): string {
    if (list.length === 0) return this.labels.none
    return list.join(this.labels.listSeparator) + (open ? this.labels.openList : '')
  }

  private cover(title: string, extra: Array<{ label: string; value: string }> = []): Block[] {
    const l = this.labels
    const d = this.doc
    const items = [
      ...(d.docNumber ? [{ label: l.docNumber, value: d.docNumber.normalized }] : []),
      ...(d.issuer ? [{ label: l.issuer, value: d.issuer }] : []),
      ...(d.date ? [{ label: l.date, value: d.date }] : []),
      ...extra,
    ]
    return [{ type: 'title', text: d.title || title, subtitle: title }, ...(items.length > 0 ? [{ type: 'fields' as const, items }] : [])]
  }

  private cite(t: Task): string {
    return this.labels.sourceLine(t.path, t.source.line)
  }

  private matrixTable(rows: MatrixRow[]): Block {
    const l = this.labels
    const weights = [0.9, 3.2, 1.6, 3, 1.1, 1.6]
    return {
      type: 'table',
      columns: l.matrixColumns.map((label, i) => ({ label, weight: weights[i]! })),
      rows: rows.map((r) => [
        String(r.index),
        r.task,
        this.names(r.lead),
        this.names(r.responsible),
        r.deadline ?? '',
        l.sourceLine(r.source.path ?? '', r.source.line),
      ]),
    }
  }

  agency(
    title: string,
    agency: ResolvedAgency,
    tasks: Task[],
    summary: NonNullable<Briefing['summary']>,
    goals: Briefing['goals'],
    principles: Briefing['principles'],
    matrix: MatrixRow[],
  ): Block[] {
    const l = this.labels
    const blocks: Block[] = this.cover(title, [{ label: l.audience, value: agency.fullName ? `${agency.fullName}（${agency.name}）` : agency.name }])
    blocks.push({ type: 'heading', level: 1, text: l.atAGlance })
    blocks.push({
      type: 'fields',
      items: [
        { label: l.tasksLed, value: l.count(summary.led) },
        { label: l.tasksShared, value: l.count(summary.shared) },
        { label: l.partners, value: summary.partners.length ? summary.partners.map((p) => `${p.name}（${p.tasks}）`).join(l.listSeparator) : l.none },
      ],
    })
    for (const role of ['lead', 'shared'] as const) {
      const list = tasks.filter((t) => t.role === role)
      blocks.push({ type: 'heading', level: 1, text: role === 'lead' ? l.tasksLed : l.tasksShared })
      if (list.length === 0) blocks.push({ type: 'paragraph', text: role === 'lead' ? l.noneLed : l.noneShared })
      for (const t of list) {
        blocks.push({ type: 'heading', level: 2, text: `${t.path}${t.path ? ' ' : ''}${t.title}` })
        blocks.push({ type: 'quote', text: t.text, cite: this.cite(t) })
        const others = [...t.lead, ...t.responsible].filter((n) => n !== agency.name)
        const items =
          role === 'lead'
            ? [{ label: l.coResponsible, value: this.names(others, t.open) }]
            : [
                { label: l.coordinateWith, value: t.lead.length ? this.names(t.lead) : l.joint },
                { label: l.coResponsible, value: this.names(t.responsible.filter((n) => n !== agency.name), t.open) },
              ]
        if (t.deadline) items.push({ label: l.deadline, value: t.deadline })
        blocks.push({ type: 'fields', items })
      }
    }
    blocks.push(...this.context(goals, principles))
    blocks.push({ type: 'heading', level: 1, text: l.matrix })
    blocks.push(matrix.length ? this.matrixTable(matrix) : { type: 'paragraph', text: l.noClauses })
    return blocks
  }

  private context(goals: Briefing['goals'], principles: Briefing['principles']): Block[] {
    const l = this.labels
    if (goals.length === 0 && principles.length === 0) return []
    const blocks: Block[] = [{ type: 'heading', level: 1, text: l.goalsAndPrinciples }]
    if (goals.length) {
      blocks.push({ type: 'heading', level: 2, text: l.goals })
      for (const g of goals) {
        blocks.push({ type: 'paragraph', text: g.text })
        if (g.targets.length) blocks.push({ type: 'list', ordered: false, items: g.targets.map((t) => (t.title ? `${t.title}。${t.text}` : t.text)) })
      }
    }
    if (principles.length) {
      blocks.push({ type: 'heading', level: 2, text: l.principles })
      blocks.push({ type: 'list', ordered: false, items: principles.map((p) => `${p.title}。${p.text}`) })
    }
    return blocks
  }

  matrix(title: string, matrix: MatrixRow[]): Block[] {
    const blocks = this.cover(title)
    blocks.push({ type: 'heading', level: 1, text: this.labels.matrixBriefing })
    blocks.push(matrix.length ? this.matrixTable(matrix) : { type: 'paragraph', text: this.labels.noClauses })
    return blocks
  }

  document(title: string, tasks: Task[]): Block[] {
    const l = this.labels
    const o = this.opinion
    const blocks = this.cover(title, o.meta.attached?.map((a) => ({ label: l.attached, value: a.title })) ?? [])
    const bySection = new Map<string, Task[]>()
    for (const t of tasks) bySection.set(t.section, [...(bySection.get(t.section) ?? []), t])
    const clauses = (id: string) => {
      for (const t of bySection.get(id) ?? []) {
        blocks.push({
          type: 'fields',
          items: [
            { label: l.leadBody, value: t.lead.length ? this.names(t.lead) : l.joint },
            { label: l.responsibleBodies, value: this.names(t.responsible, t.open) },
            ...(t.deadline ? [{ label: l.deadline, value: t.deadline }] : []),
          ],
        })
      }
    }
    if (tasks.length === 0) blocks.push({ type: 'paragraph', text: l.noClauses })
    if (o.meta.addressees.length) blocks.push({ type: 'paragraph', text: `${o.meta.addressees.join('，')}：` })
    for (const p of o.preamble) blocks.push({ type: 'paragraph', text: p.text, ...(p.title !== undefined && { lead: p.title }) })
    clauses('preamble')
    const walk = (list: Section[]) => {
      for (const s of list) {
        blocks.push({ type: 'heading', level: Math.min(s.level, 4), text: `${s.number.raw}${sectionTitle(s)}` })
        for (const p of s.paragraphs) {
          if (p.title !== undefined && p.title === s.title && s.paragraphs[0] === p) blocks.push({ type: 'paragraph', text: p.text })
          else blocks.push({ type: 'paragraph', text: p.text, ...(p.title !== undefined && { lead: p.title }) })
        }
        clauses(s.id)
        walk(s.children)
      }
    }
    walk(o.sections)
    return blocks
  }
}
