import { type Block, type BlockOf, type Briefing, type PageLayout, type Renderer, getPageLayout, propertiesDate } from '@policybrief/core'
import PDFDocument from 'pdfkit'
import { type FileReader, type FontSource, type ParsedFont, type PdfFontRole, loadFont, pdfFontRoles } from './fonts.js'

export interface PdfOptions {
  /** `gbt9704` (default): GB/T 9704-2012 margins, sizes and page numbers; `compact`: for screen reading */
  layout?: PageLayout['name']
  /** a font per role, as a path (Node) or TTF/OTF bytes, e.g. a licensed 仿宋 for `body` */
  fonts?: Partial<Record<PdfFontRole, FontSource>>
  /** the date written into the document information (default 2000-01-01), for reproducible files */
  date?: string | Date
}

const PT_PER_MM = 72 / 25.4
// Latin letters, digits and ASCII punctuation go in the Latin face; everything else in the CJK face
// a Latin run starts and ends with a letter or digit; punctuation around it stays with the CJK text
const LATIN_RUN = /[A-Za-z0-9\u00c0-\u024f](?:[\u0020-\u007e\u00a0-\u024f]*[A-Za-z0-9\u00c0-\u024f])?/g
const CLOSING = /[”’」』）》〕】〉，。、；：？！…·,.;:!?)\]}%]/
const OPENING = /[“‘「『（《〔【〈([{]/

type Doc = PDFKit.PDFDocument
type OutlineItem = ReturnType<Doc['outline']['addItem']>

interface Run {
  text: string
  role: PdfFontRole
}

/** Sets blocks on pages: a small layout engine over pdfkit, which wraps CJK lines by UAX #14. */
class Typesetter {
  private readonly outline: OutlineItem[] = []
  private readonly pitch: number | undefined
  private readonly width: number

  constructor(
    private readonly doc: Doc,
    private readonly layout: PageLayout,
    private readonly fonts: Record<PdfFontRole, ParsedFont>,
  ) {
    this.pitch = layout.linePitch
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right
    for (const role of pdfFontRoles) {
      doc.registerFont(role, fonts[role] as unknown as string)
      openFace(doc, role, fonts[role])
    }
  }

  /** Extra space between lines so every line advances by the layout's fixed pitch (or its line factor). */
  private lineGap(role: PdfFontRole, size: number): number {
    this.doc.font(role).fontSize(size)
    const natural = this.doc.currentLineHeight(true)
    const target = this.pitch ?? size * this.layout.lineFactor
    return Math.max(0, target - natural)
  }

  /**
   * Splits text into CJK and Latin runs, each in its face. A run boundary is a place pdfkit may break a line, so
   * a Latin character next to closing (or after opening) CJK punctuation stays with the CJK run: no line may start
   * with ” or 。, nor end with “.
   */
  private runs(text: string, role: PdfFontRole): Run[] {
    const latin: PdfFontRole = role === 'body' || role === 'heading3' || role === 'heading4' || role === 'pageNumber' ? 'latin' : 'latinBold'
    const runs: Run[] = []
    let last = 0
    for (const m of text.matchAll(LATIN_RUN)) {
      let start = m.index
      let end = m.index + m[0].length
      if (start > 0 && OPENING.test(text[start - 1]!)) start++
      if (end < text.length && CLOSING.test(text[end]!)) end--
      if (end <= start) continue
      if (start > last) runs.push({ text: text.slice(last, start), role })
      runs.push({ text: text.slice(start, end), role: latin })
      last = end
    }
    if (last < text.length) runs.push({ text: text.slice(last), role })
    return runs
  }

  /** One paragraph of mixed runs. */
  private paragraph(parts: Array<{ text: string; role: PdfFontRole }>, size: number, options: PDFKit.Mixins.TextOptions = {}): void {
    const runs = parts.flatMap((p) => this.runs(p.text, p.role)).filter((r) => r.text.length > 0)
    if (runs.length === 0) return
    runs.forEach((run, i) => {
      const lineGap = this.lineGap(run.role, size)
      this.doc.font(run.role).fontSize(size)
      const first = i === 0
      this.doc.text(run.text, {
        ...(first ? { ...options, x: this.doc.page.margins.left, width: this.width } : {}),
        lineGap,
        continued: i < runs.length - 1,
      })
    })
  }

  private space(lines = 0.5): void {
    this.doc.moveDown(lines)
  }

  private bookmark(text: string, level: number): void {
    // level 0 is the document title; headings nest below their parent
    const parent = level === 0 ? this.doc.outline : (this.outline[level - 1] ?? this.outline[this.outline.length - 1] ?? this.doc.outline)
    const item = parent.addItem(text)
    this.outline[level] = item
    this.outline.length = level + 1
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) this.doc.addPage()
  }

  readonly handlers: { [T in Block['type']]: (block: BlockOf<T>) => void } = {
    title: (b) => {
      const s = this.layout.sizes
      this.bookmark(b.text, 0)
      this.paragraph([{ text: b.text, role: 'title' }], s.title, { align: 'center' })
      if (b.subtitle) this.paragraph([{ text: b.subtitle, role: 'heading2' }], s.heading, { align: 'center' })
      this.space()
    },
    heading: (b) => {
      const role = (['heading1', 'heading2', 'heading3', 'heading4'] as const)[b.level - 1]!
      this.ensureSpace(this.layout.sizes.heading * 4)
      this.bookmark(b.text, b.level)
      this.paragraph([{ text: b.text, role }], this.layout.sizes.heading)
    },
    paragraph: (b) =>
      this.paragraph([...(b.lead ? [{ text: `${b.lead}。`, role: 'bold' as const }] : []), { text: b.text, role: 'body' }], this.layout.sizes.body, {
        indent: this.layout.sizes.body * 2,
      }),
    fields: (b) => {
      for (const f of b.items) {
        this.paragraph([{ text: `${f.label}：`, role: 'bold' }, { text: f.value, role: 'body' }], this.layout.sizes.body, {
          indent: this.layout.sizes.body * 2,
        })
      }
    },
    list: (b) => {
      b.items.forEach((item, i) =>
        this.paragraph([{ text: `${b.ordered ? `${i + 1}. ` : '• '}${item}`, role: 'body' }], this.layout.sizes.body, {
          indent: this.layout.sizes.body * 2,
        }),
      )
    },
    quote: (b) => {
      for (const line of b.text.split('\n')) {
        this.paragraph([{ text: line, role: 'body' }], this.layout.sizes.body, {
          indent: this.layout.sizes.body * 2,
        })
      }
      this.paragraph([{ text: `—— ${b.cite}`, role: 'body' }], this.layout.sizes.body, { align: 'right' })
    },
    table: (b) => this.table(b),
  }

  /** A ruled table whose header row repeats on every page and whose rows never split. */
  private table(b: BlockOf<'table'>): void {
    const doc = this.doc
    const size = this.layout.sizes.table
    const pad = 3
    const total = b.columns.reduce((s, c) => s + c.weight, 0)
    const widths = b.columns.map((c) => (this.width * c.weight) / total)
    const left = doc.page.margins.left
    const bottom = () => doc.page.height - doc.page.margins.bottom
    const cellHeight = (text: string, width: number, role: PdfFontRole) => {
      doc.font(role).fontSize(size)
      return doc.heightOfString(text || ' ', { width: width - 2 * pad, lineGap: size * 0.3 })
    }
    const rowHeight = (cells: string[], role: PdfFontRole) => Math.max(...cells.map((c, i) => cellHeight(c, widths[i]!, role))) + 2 * pad
    const drawRow = (cells: string[], role: PdfFontRole, height: number) => {
      const top = doc.y
      let x = left
      cells.forEach((text, i) => {
        const w = widths[i]!
        doc.lineWidth(0.5).rect(x, top, w, height).stroke()
        // Latin runs (numbers, paths) in the Latin face
        const runs = this.runs(text, role)
        runs.forEach((run, j) => {
          doc.font(run.role).fontSize(size)
          const options = { lineGap: size * 0.3, continued: j < runs.length - 1 }
          if (j === 0) doc.text(run.text, x + pad, top + pad, { ...options, width: w - 2 * pad })
          else doc.text(run.text, options)
        })
        x += w
      })
      doc.x = left
      doc.y = top + height
    }
    const header = b.columns.map((c) => c.label)
    const headerHeight = rowHeight(header, 'heading1')
    this.ensureSpace(headerHeight * 2)
    drawRow(header, 'heading1', headerHeight)
    for (const row of b.rows) {
      const height = rowHeight(row, 'body')
      if (doc.y + height > bottom()) {
        doc.addPage()
        drawRow(header, 'heading1', headerHeight)
      }
      drawRow(row, 'body', height)
    }
    doc.moveDown(0.5)
  }

  /** “— n —”, odd pages right and even pages left, one character in, 7 mm below the text block. */
  pageNumbers(): void {
    const doc = this.doc
    const range = doc.bufferedPageRange()
    const size = this.layout.sizes.pageNumber
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i)
      const label = `— ${i + 1} —`
      const margins = doc.page.margins
      const savedBottom = margins.bottom
      margins.bottom = 0 // drawing below the text block must not start a new page
      doc.font('pageNumber').fontSize(size)
      const y = doc.page.height - this.layout.pageNumberFromBottom * PT_PER_MM - size
      const odd = (i + 1) % 2 === 1
      doc.text(label, margins.left + (odd ? 0 : size), y, { width: this.width - size, align: odd ? 'right' : 'left', lineBreak: false })
      margins.bottom = savedBottom
    }
  }
}

/**
 * Opens a role's face in a document, working around two costs inside pdfkit:
 * - pdfkit lays out every word through fontkit (with OpenType shaping) and caches the result per document; CJK text
 *   is one word per character, so a pack of dozens of PDFs repeats the same work. The cache depends only on the font,
 *   so one cache per parsed font serves every document (bounded, for long-running processes).
 * - when a role's font is already open under another name (body, heading3 and the page numbers share one), pdfkit
 *   reuses it but does not remember the role, so every switch to that role opened the font again and compared the
 *   two fonts' name tables as JSON (a quarter of a second over a pack). The role is recorded once here.
 */
const layoutCaches = new WeakMap<ParsedFont, Record<string, unknown>>()
const MAX_CACHED_WORDS = 100_000

function openFace(doc: Doc, role: PdfFontRole, font: ParsedFont): void {
  let cache = layoutCaches.get(font)
  if (!cache || Object.keys(cache).length > MAX_CACHED_WORDS) layoutCaches.set(font, (cache = Object.create(null) as Record<string, unknown>))
  doc.font(role)
  const internals = doc as unknown as { _font?: { layoutCache?: Record<string, unknown> }; _fontFamilies?: Record<string, unknown> }
  const embedded = internals._font
  if (embedded && 'layoutCache' in embedded) embedded.layoutCache = cache
  if (embedded && internals._fontFamilies) internals._fontFamilies[role] = embedded
}

/** Where fonts come from: in Node the bundled files and a file reader; in a browser only what the caller passes. */
export interface FontPlatform {
  defaultFonts: () => Partial<Record<PdfFontRole, FontSource>>
  readFile?: FileReader
}

/** Parsed fonts for this call: defaults and the caller's, each parsed once per process. */
function fontsFor(options: PdfOptions, platform: FontPlatform): Record<PdfFontRole, ParsedFont> {
  for (const role of Object.keys(options.fonts ?? {})) {
    if (!pdfFontRoles.includes(role as PdfFontRole)) throw new RangeError(`unknown font role ${role}; roles: ${pdfFontRoles.join(', ')}`)
  }
  const sources = { ...platform.defaultFonts(), ...options.fonts }
  return Object.fromEntries(
    pdfFontRoles.map((role) => {
      const source = sources[role] ?? sources.body
      if (source === undefined) throw new RangeError(`no font for ${role}: pass fonts as bytes, at least { body }, e.g. a TTF fetched by the page`)
      return [role, loadFont(source, role, platform.readFile)]
    }),
  ) as Record<PdfFontRole, ParsedFont>
}

export async function renderPdfWith(platform: FontPlatform, briefing: Briefing, options: PdfOptions = {}): Promise<Uint8Array> {
  const layout = getPageLayout(options.layout)
  const fonts = fontsFor(options, platform)
  const date = propertiesDate(options.date)
  const d = briefing.document
  const doc = new PDFDocument({
    size: [layout.page.width * PT_PER_MM, layout.page.height * PT_PER_MM],
    margins: {
      top: layout.margin.top * PT_PER_MM,
      right: layout.margin.right * PT_PER_MM,
      bottom: layout.margin.bottom * PT_PER_MM,
      left: layout.margin.left * PT_PER_MM,
    },
    bufferPages: true,
    autoFirstPage: true,
    // our body font from the start: pdfkit's default (Helvetica) is not embedded, and not even present in a browser
    font: fonts.body as unknown as string,
    displayTitle: true,
    lang: 'zh-CN',
    info: {
      Title: briefing.title === d.title ? d.title : `${d.title} — ${briefing.title}`,
      Subject: briefing.title,
      Author: d.issuer ?? 'policybrief',
      Keywords: [d.docNumber?.normalized, d.docType, briefing.kind, briefing.audience?.name].filter(Boolean).join(', '),
      Creator: 'policybrief',
      Producer: 'policybrief',
      CreationDate: date,
      ModDate: date,
    },
  })
  const chunks: Uint8Array[] = []
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk))
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })
  const typesetter = new Typesetter(doc, layout, fonts)
  for (const block of briefing.blocks) (typesetter.handlers[block.type] as (b: Block) => void)(block)
  typesetter.pageNumbers()
  doc.end()
  await done
  const size = chunks.reduce((n, c) => n + c.length, 0)
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** A PDF renderer whose fonts come from the given platform. */
export function createPdfRenderer(platform: FontPlatform): {
  renderPdf: (briefing: Briefing, options?: PdfOptions) => Promise<Uint8Array>
  pdfRenderer: Renderer<PdfOptions>
} {
  const renderPdf = (briefing: Briefing, options?: PdfOptions) => renderPdfWith(platform, briefing, options)
  return { renderPdf, pdfRenderer: { name: 'pdf', mediaType: 'application/pdf', extension: '.pdf', render: renderPdf } }
}
