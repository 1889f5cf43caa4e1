import { type Block, type BlockOf, type Briefing, type FontRole, type PageLayout, type Renderer, getPageLayout, propertiesDate } from '@policybrief/core'
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'

/** Exact conversions to twips (1/1440 inch), the unit of WordprocessingML. */
const twips = {
  mm: (mm: number) => Math.round((mm * 1440) / 25.4),
  pt: (pt: number) => Math.round(pt * 20),
}

/** A page layout from core, in the units DOCX uses. */
interface Layout {
  base: PageLayout
  sizes: PageLayout['sizes']
  page: { width: number; height: number }
  margin: { top: number; right: number; bottom: number; left: number; footer: number }
  textWidth: number
  line: { value: number; rule: (typeof LineRuleType)[keyof typeof LineRuleType] }
  headingBold: boolean
  fonts: Record<FontRole, string>
}

function docxLayout(base: PageLayout): Layout {
  const page = { width: twips.mm(base.page.width), height: twips.mm(base.page.height) }
  const margin = {
    top: twips.mm(base.margin.top),
    right: twips.mm(base.margin.right),
    bottom: twips.mm(base.margin.bottom),
    left: twips.mm(base.margin.left),
    footer: twips.mm(base.pageNumberFromBottom),
  }
  return {
    base,
    sizes: base.sizes,
    page,
    margin,
    textWidth: page.width - margin.left - margin.right,
    // a fixed pitch gives the standard's 22 lines a page; otherwise proportional spacing (240 = single)
    line: base.linePitch
      ? { value: twips.pt(base.linePitch), rule: LineRuleType.EXACT }
      : { value: Math.round(240 * base.lineFactor), rule: LineRuleType.AUTO },
    headingBold: base.headingBold,
    fonts: base.fonts,
  }
}

export interface DocxOptions {
  /** `gbt9704` (default): GB/T 9704-2012 official-document layout; `compact`: the same content for screen reading */
  layout?: PageLayout['name']
  /** font names per role, for offices that have other fonts installed, e.g. `{ body: '仿宋' }` */
  fontNames?: Partial<Record<FontRole, string>>
  /** the date written into the document properties (default 2000-01-01), so the same briefing gives the same bytes */
  date?: string | Date
}

/** All four font slots, so Chinese quotes and digits never fall back to a Latin font. */
function font(name: string) {
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name, hint: 'eastAsia' }
}
const language = { value: 'zh-CN', eastAsia: 'zh-CN' }

class Builder {
  constructor(
    private readonly layout: Layout,
    private readonly fonts: Record<FontRole, string>,
  ) {}

  run(text: string, options: { bold?: boolean; role?: FontRole; size?: number } = {}): TextRun {
    return new TextRun({
      text,
      font: font(this.fonts[options.role ?? 'body']),
      // the East Asian language comes from the document defaults (styles.xml), so runs stay small
      ...(options.bold && { bold: true }),
      ...(options.size !== undefined && { size: options.size * 2 }),
    })
  }

  body(children: TextRun[], indent = true): Paragraph {
    return new Paragraph({
      children,
      alignment: AlignmentType.JUSTIFIED,
      ...(indent && { indent: { firstLine: twips.pt(this.layout.sizes.body * 2) } }),
    })
  }

  cell(text: string, header: boolean, width: number): TableCell {
    const size = this.layout.sizes.table
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: Math.round(size * 20 * 1.3), lineRule: LineRuleType.AT_LEAST },
          children: [this.run(text, { bold: header, role: header ? 'heading1' : 'body', size })],
        }),
      ],
    })
  }

  readonly handlers: { [T in Block['type']]: (block: BlockOf<T>) => Array<Paragraph | Table> } = {
    title: (b) => [
      new Paragraph({ heading: HeadingLevel.TITLE, children: [this.run(b.text, { role: 'title' })] }),
      ...(b.subtitle
        ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [this.run(b.subtitle, { role: 'heading2' })] })]
        : []),
    ],
    heading: (b) => {
      const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4][b.level - 1]!
      const role = (['heading1', 'heading2', 'heading3', 'heading4'] as const)[b.level - 1]!
      return [new Paragraph({ heading: level, children: [this.run(b.text, { role })] })]
    },
    paragraph: (b) => [this.body([...(b.lead ? [this.run(`${b.lead}。`, { bold: true })] : []), this.run(b.text)])],
    fields: (b) => b.items.map((f) => this.body([this.run(`${f.label}：`, { bold: true }), this.run(f.value)])),
    list: (b) => b.items.map((item, i) => this.body([this.run(b.ordered ? `${i + 1}. ` : '• '), this.run(item)])),
    table: (b) => {
      const total = b.columns.reduce((s, c) => s + c.weight, 0)
      const widths = b.columns.map((c) => Math.floor((this.layout.textWidth * c.weight) / total))
      const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
      return [
        new Table({
          width: { size: this.layout.textWidth, type: WidthType.DXA },
          columnWidths: widths,
          layout: TableLayoutType.FIXED,
          borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
          rows: [
            new TableRow({ tableHeader: true, cantSplit: true, children: b.columns.map((c, i) => this.cell(c.label, true, widths[i]!)) }),
            ...b.rows.map((row) => new TableRow({ cantSplit: true, children: row.map((text, i) => this.cell(text, false, widths[i]!)) })),
          ],
        }),
        new Paragraph({ children: [] }),
      ]
    },
    quote: (b) => [
      ...b.text.split('\n').map(
        (line) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { left: twips.pt(this.layout.sizes.body * 2), firstLine: twips.pt(this.layout.sizes.body * 2) },
            children: [this.run(line, { role: 'heading2' })],
          }),
      ),
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [this.run(`—— ${b.cite}`)] }),
    ],
  }

  pageNumber(side: 'left' | 'right'): Footer {
    // “— n —” in 4号 宋体; GB/T 9704 sets odd pages right and even pages left, one character in from the edge
    const size = this.layout.sizes.pageNumber
    return new Footer({
      children: [
        new Paragraph({
          alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          indent: side === 'right' ? { right: twips.pt(size) } : { left: twips.pt(size) },
          children: [
            new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(this.fonts.pageNumber), size: size * 2, language }),
          ],
        }),
      ],
    })
  }
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

interface CoreProperties {
  title: string
  subject: string
  description: string
  keywords: string
  date: string
}

/** docProps/core.xml with a fixed date: docx would stamp the current time into it. */
function coreXml(p: CoreProperties): string {
  const el = (tag: string, value: string) => `<${tag}>${escapeXml(value)}</${tag}>`
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', p.title) +
    el('dc:subject', p.subject) +
    el('dc:creator', 'policybrief') +
    el('cp:keywords', p.keywords) +
    el('dc:description', p.description) +
    el('cp:lastModifiedBy', 'policybrief') +
    el('cp:revision', '1') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${p.date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${p.date}</dcterms:modified>` +
    '</cp:coreProperties>'
  )
}

/**
 * The ZIP writer stamps the current time on every entry; set them all to 2000-01-01 00:00 in place (local headers
 * and central directory), so the same briefing gives the same bytes without compressing twice.
 */
function fixZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const DOS_TIME = 0
  const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1
  let end = zip.length - 22
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--
  if (end < 0) throw new Error('docx produced a ZIP without an end record')
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('unexpected ZIP central directory layout')
    view.setUint16(at + 12, DOS_TIME, true)
    view.setUint16(at + 14, DOS_DATE, true)
    const local = view.getUint32(at + 42, true)
    view.setUint16(local + 10, DOS_TIME, true)
    view.setUint16(local + 12, DOS_DATE, true)
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return zip
}

export async function renderDocx(briefing: Briefing, options: DocxOptions = {}): Promise<Uint8Array> {
  const layout = docxLayout(getPageLayout(options.layout))
  const fonts = { ...layout.fonts, ...options.fontNames }
  const builder = new Builder(layout, fonts)
  const children = briefing.blocks.flatMap((b) => (builder.handlers[b.type] as (block: Block) => Array<Paragraph | Table>)(b))
  const heading = (role: FontRole, size: number, extra: object = {}) => ({
    run: { font: font(fonts[role]), size: size * 2, language, ...extra },
    paragraph: { spacing: { before: 0, after: 0, line: layout.line.value, lineRule: layout.line.rule } },
  })
  const d = briefing.document
  const title = briefing.title === d.title ? d.title : `${d.title} — ${briefing.title}`
  const description = [d.docNumber?.normalized, d.issuer, d.date].filter(Boolean).join(' ')
  const keywords = [d.docType, briefing.kind, briefing.audience?.name].filter(Boolean).join(', ')
  const doc = new Document({
    creator: 'policybrief',
    lastModifiedBy: 'policybrief',
    title,
    subject: briefing.title,
    description,
    keywords,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(fonts.body), size: layout.sizes.body * 2, language },
          paragraph: { spacing: { line: layout.line.value, lineRule: layout.line.rule } },
        },
        title: {
          ...heading('title', layout.sizes.title),
          paragraph: {
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: layout.line.value, line: Math.round(layout.line.value * 1.3), lineRule: layout.line.rule },
          },
        },
        heading1: heading('heading1', layout.sizes.heading, layout.headingBold ? { bold: true } : {}),
        heading2: heading('heading2', layout.sizes.heading, layout.headingBold ? { bold: true } : {}),
        heading3: heading('heading3', layout.sizes.heading),
        heading4: heading('heading4', layout.sizes.heading),
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: layout.page.width, height: layout.page.height },
            margin: { ...layout.margin, header: layout.margin.footer, gutter: 0 },
          },
        },
        footers: { default: builder.pageNumber('right'), even: builder.pageNumber('left') },
        children,
      },
    ],
  })
  const core = coreXml({ title, subject: briefing.title, description, keywords, date: `${propertiesDate(options.date).toISOString().slice(0, 19)}Z` })
  const bytes = await Packer.toArrayBuffer(doc, false, [{ path: 'docProps/core.xml', data: core }])
  return fixZipTimes(new Uint8Array(bytes))
}

export const docxRenderer: Renderer<DocxOptions> = {
  name: 'docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: '.docx',
  render: (briefing, options) => renderDocx(briefing, options),
}
