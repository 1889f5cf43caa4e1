import { type Block, type BlockOf, type Briefing, type FontRole, type PageLayout, type Renderer, getPageLayout, propertiesDate } from '@policybrief/core'
import { zipSync, strToU8 } from 'fflate'
import { coreXml, escapeXml, footerRelationship, packageFiles, settingsXml, wordPart } from './package.js'

/**
 * WordprocessingML written directly as text: a briefing needs paragraphs, runs, one table and two footers, and
 * writing them takes a few milliseconds where a general document model took tens. Elements follow the order the
 * schema requires (Word rejects a file whose properties are out of order).
 */

/** Exact conversions to twips (1/1440 inch), the unit of WordprocessingML. */
const twips = {
  mm: (mm: number) => Math.round((mm * 1440) / 25.4),
  pt: (pt: number) => Math.round(pt * 20),
}

type LineRule = 'exact' | 'auto' | 'atLeast'
type Alignment = 'both' | 'center' | 'left' | 'right'

/** A page layout from core, in the units DOCX uses. */
interface Layout {
  sizes: PageLayout['sizes']
  page: { width: number; height: number }
  margin: { top: number; right: number; bottom: number; left: number; footer: number }
  textWidth: number
  line: { value: number; rule: LineRule }
  headingBold: boolean
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
    sizes: base.sizes,
    page,
    margin,
    textWidth: page.width - margin.left - margin.right,
    // a fixed pitch gives the standard's 22 lines a page; otherwise proportional spacing (240 = single)
    line: base.linePitch ? { value: twips.pt(base.linePitch), rule: 'exact' } : { value: Math.round(240 * base.lineFactor), rule: 'auto' },
    headingBold: base.headingBold,
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

/** All four font slots with an East Asian hint, so Chinese quotes and digits never fall back to a Latin font. */
function rFonts(name: string): string {
  const n = escapeXml(name)
  return `<w:rFonts w:ascii="${n}" w:hAnsi="${n}" w:eastAsia="${n}" w:cs="${n}" w:hint="eastAsia"/>`
}
const BOLD = '<w:b/><w:bCs/>'
const size = (pt: number) => `<w:sz w:val="${pt * 2}"/><w:szCs w:val="${pt * 2}"/>`
const LANGUAGE = '<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>'
const spacing = (s: { before?: number; after?: number; line: number; rule: LineRule }) =>
  `<w:spacing${s.before !== undefined ? ` w:before="${s.before}"` : ''}${s.after !== undefined ? ` w:after="${s.after}"` : ''} w:line="${s.line}" w:lineRule="${s.rule}"/>`

interface ParagraphProperties {
  style?: string
  spacing?: string
  indent?: { left?: number; right?: number; firstLine?: number }
  align?: Alignment
}

/** <w:pPr> in schema order: pStyle, spacing, ind, jc. */
function pPr(p: ParagraphProperties): string {
  let xml = ''
  if (p.style) xml += `<w:pStyle w:val="${p.style}"/>`
  if (p.spacing) xml += p.spacing
  if (p.indent) {
    const { left, right, firstLine } = p.indent
    xml += `<w:ind${left !== undefined ? ` w:left="${left}"` : ''}${right !== undefined ? ` w:right="${right}"` : ''}${firstLine !== undefined ? ` w:firstLine="${firstLine}"` : ''}/>`
  }
  if (p.align) xml += `<w:jc w:val="${p.align}"/>`
  return xml ? `<w:pPr>${xml}</w:pPr>` : ''
}

const paragraph = (props: ParagraphProperties, runs: string) => `<w:p>${pPr(props)}${runs}</w:p>`

class Builder {
  private readonly fontOf: Record<FontRole, string>

  constructor(
    private readonly layout: Layout,
    fonts: Record<FontRole, string>,
  ) {
    // each role's <w:rFonts>, written once
    this.fontOf = Object.fromEntries(Object.entries(fonts).map(([role, name]) => [role, rFonts(name)])) as Record<FontRole, string>
  }

  /** A run; its font slots are always set, the language comes from the document defaults. */
  run(text: string, options: { bold?: boolean; role?: FontRole; size?: number } = {}): string {
    const props = this.fontOf[options.role ?? 'body'] + (options.bold ? BOLD : '') + (options.size !== undefined ? size(options.size) : '')
    return `<w:r><w:rPr>${props}</w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`
  }

  body(runs: string, indent = true): string {
    return paragraph({ align: 'both', ...(indent && { indent: { firstLine: twips.pt(this.layout.sizes.body * 2) } }) }, runs)
  }

  cell(text: string, header: boolean, width: number): string {
    const pt = this.layout.sizes.table
    const content = paragraph(
      { spacing: spacing({ line: Math.round(pt * 20 * 1.3), rule: 'atLeast' }), align: header ? 'center' : 'left' },
      this.run(text, { bold: header, role: header ? 'heading1' : 'body', size: pt }),
    )
    return (
      `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>` +
      '<w:tcMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tcMar>' +
      `</w:tcPr>${content}</w:tc>`
    )
  }

  readonly handlers: { [T in Block['type']]: (block: BlockOf<T>) => string } = {
    title: (b) =>
      paragraph({ style: 'Title' }, this.run(b.text, { role: 'title' })) +
      (b.subtitle ? paragraph({ align: 'center' }, this.run(b.subtitle, { role: 'heading2' })) : ''),
    heading: (b) => {
      const role = (['heading1', 'heading2', 'heading3', 'heading4'] as const)[b.level - 1]!
      return paragraph({ style: `Heading${b.level}` }, this.run(b.text, { role }))
    },
    paragraph: (b) => this.body((b.lead ? this.run(`${b.lead}。`, { bold: true }) : '') + this.run(b.text)),
    fields: (b) => b.items.map((f) => this.body(this.run(`${f.label}：`, { bold: true }) + this.run(f.value))).join(''),
    list: (b) => b.items.map((item, i) => this.body(this.run(b.ordered ? `${i + 1}. ` : '• ') + this.run(item))).join(''),
    table: (b) => {
      const total = b.columns.reduce((s, c) => s + c.weight, 0)
      const widths = b.columns.map((c) => Math.floor((this.layout.textWidth * c.weight) / total))
      const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
      const row = (cells: string[], header: boolean) =>
        `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells.map((text, i) => this.cell(text, header, widths[i]!)).join('')}</w:tr>`
      return (
        '<w:tbl><w:tblPr>' +
        `<w:tblW w:w="${this.layout.textWidth}" w:type="dxa"/>` +
        `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
        '<w:tblLayout w:type="fixed"/></w:tblPr>' +
        `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
        row(
          b.columns.map((c) => c.label),
          true,
        ) +
        b.rows.map((cells) => row(cells, false)).join('') +
        // a paragraph after the table, so text that follows does not join it
        '</w:tbl><w:p/>'
      )
    },
    quote: (b) => {
      const indent = twips.pt(this.layout.sizes.body * 2)
      return (
        b.text
          .split('\n')
          .map((line) => paragraph({ align: 'both', indent: { left: indent, firstLine: indent } }, this.run(line, { role: 'heading2' })))
          .join('') + paragraph({ align: 'right' }, this.run(`—— ${b.cite}`))
      )
    },
  }

  /** “— n —” in 4号 宋体; GB/T 9704 sets odd pages right and even pages left, one character in from the edge. */
  footer(side: 'left' | 'right'): string {
    const pt = this.layout.sizes.pageNumber
    const rPr = `<w:rPr>${this.fontOf.pageNumber}${size(pt)}</w:rPr>`
    const run = (content: string) => `<w:r>${rPr}${content}</w:r>`
    const field =
      run('<w:fldChar w:fldCharType="begin"/>') +
      run('<w:instrText xml:space="preserve"> PAGE </w:instrText>') +
      run('<w:fldChar w:fldCharType="separate"/>') +
      run('<w:t>1</w:t>') +
      run('<w:fldChar w:fldCharType="end"/>')
    const indent = side === 'right' ? { right: twips.pt(pt) } : { left: twips.pt(pt) }
    return wordPart('ftr', paragraph({ indent, align: side }, run('<w:t xml:space="preserve">— </w:t>') + field + run('<w:t xml:space="preserve"> —</w:t>')))
  }

  /** Document defaults (body font, size, language, line pitch), the title and four heading styles. */
  styles(): string {
    const { sizes, line, headingBold } = this.layout
    const lineSpacing = spacing({ before: 0, after: 0, line: line.value, rule: line.rule })
    const style = (id: string, name: string, pPr: string, rPr: string) =>
      `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
      `<w:uiPriority w:val="${id === 'Title' ? 10 : 9}"/><w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`
    // keepNext and keepLines hold a heading on the page of the text it introduces; outlineLvl makes the outline
    const heading = (level: 1 | 2 | 3 | 4) =>
      style(
        `Heading${level}`,
        `heading ${level}`,
        `<w:keepNext/><w:keepLines/>${lineSpacing}<w:outlineLvl w:val="${level - 1}"/>`,
        this.fontOf[`heading${level}`] + (headingBold && level <= 2 ? BOLD : '') + size(sizes.heading),
      )
    return wordPart(
      'styles',
      '<w:docDefaults>' +
        `<w:rPrDefault><w:rPr>${this.fontOf.body}${size(sizes.body)}${LANGUAGE}</w:rPr></w:rPrDefault>` +
        `<w:pPrDefault><w:pPr>${spacing({ line: line.value, rule: line.rule })}</w:pPr></w:pPrDefault>` +
        '</w:docDefaults>' +
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
        '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
        style(
          'Title',
          'Title',
          `<w:keepNext/>${spacing({ before: 0, after: line.value, line: Math.round(line.value * 1.3), rule: line.rule })}<w:jc w:val="center"/>`,
          this.fontOf.title + size(sizes.title),
        ) +
        heading(1) +
        heading(2) +
        heading(3) +
        heading(4),
    )
  }

  /** The section: A4 with the layout's margins, the page-number footers by relationship id. */
  sectionProperties(): string {
    const { page, margin } = this.layout
    return (
      `<w:sectPr><w:footerReference w:type="default" r:id="${footerRelationship(0)}"/><w:footerReference w:type="even" r:id="${footerRelationship(1)}"/>` +
      `<w:pgSz w:w="${page.width}" w:h="${page.height}"/>` +
      `<w:pgMar w:top="${margin.top}" w:right="${margin.right}" w:bottom="${margin.bottom}" w:left="${margin.left}" w:header="${margin.footer}" w:footer="${margin.footer}" w:gutter="0"/>` +
      '</w:sectPr>'
    )
  }
}

/** The ZIP entries' time: 2000-01-01 00:00 read in local time, as ZIP stores it, so the bytes never depend on the clock. */
const ZIP_TIME = new Date(2000, 0, 1)

export async function renderDocx(briefing: Briefing, options: DocxOptions = {}): Promise<Uint8Array> {
  const base = getPageLayout(options.layout)
  const layout = docxLayout(base)
  const builder = new Builder(layout, { ...base.fonts, ...options.fontNames })
  let body = ''
  for (const block of briefing.blocks) body += (builder.handlers[block.type] as (block: Block) => string)(block)
  const d = briefing.document
  const title = briefing.title === d.title ? d.title : `${d.title} — ${briefing.title}`
  const files = packageFiles({
    document: wordPart('document', `<w:body>${body}${builder.sectionProperties()}</w:body>`),
    styles: builder.styles(),
    settings: settingsXml(),
    footers: [builder.footer('right'), builder.footer('left')],
    core: coreXml({
      title,
      subject: briefing.title,
      description: [d.docNumber?.normalized, d.issuer, d.date].filter(Boolean).join(' '),
      keywords: [d.docType, briefing.kind, briefing.audience?.name].filter(Boolean).join(', '),
      date: `${propertiesDate(options.date).toISOString().slice(0, 19)}Z`,
    }),
  })
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, strToU8(xml)])), { level: 6, mtime: ZIP_TIME })
}

export const docxRenderer: Renderer<DocxOptions> = {
  name: 'docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: '.docx',
  render: (briefing, options) => renderDocx(briefing, options),
}
