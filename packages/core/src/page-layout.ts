/**
 * Page layouts shared by the DOCX and PDF renderers, in millimetres and points. `gbt9704` follows
 * GB/T 9704-2012 (党政机关公文格式): A4, top 37 mm, left 28 mm, a 156 × 225 mm text block (right 26, bottom 35),
 * 22 lines of 28 characters, title 2号 (22 pt), body 3号 (16 pt), page numbers 4号 (14 pt) 7 mm below the block.
 */
export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'pageNumber'
export const fontRoles: FontRole[] = ['title', 'body', 'heading1', 'heading2', 'heading3', 'heading4', 'pageNumber']

export interface PageLayout {
  name: 'gbt9704' | 'compact'
  page: { width: number; height: number } // mm
  margin: { top: number; right: number; bottom: number; left: number } // mm
  /** distance from the bottom edge of the page to the page-number line, mm */
  pageNumberFromBottom: number
  sizes: { title: number; body: number; heading: number; table: number; pageNumber: number } // pt
  /** fixed line pitch in points (gbt9704: 225 mm / 22 lines); undefined for a proportional one */
  linePitch?: number
  /** proportional line spacing when there is no fixed pitch */
  lineFactor: number
  headingBold: boolean
  /** conventional font names per role (DOCX writes these names; the PDF renderer embeds font files) */
  fonts: Record<FontRole, string>
}

const MM_PER_PT = 25.4 / 72

export const pageLayouts: Record<PageLayout['name'], PageLayout> = {
  gbt9704: {
    name: 'gbt9704',
    page: { width: 210, height: 297 },
    margin: { top: 37, right: 26, bottom: 35, left: 28 },
    pageNumberFromBottom: 35 - 7 - 14 * MM_PER_PT,
    sizes: { title: 22, body: 16, heading: 16, table: 12, pageNumber: 14 },
    linePitch: 225 / 22 / MM_PER_PT,
    lineFactor: 1,
    headingBold: false,
    fonts: {
      title: '方正小标宋简体',
      body: '仿宋_GB2312',
      heading1: '黑体',
      heading2: '楷体_GB2312',
      heading3: '仿宋_GB2312',
      heading4: '仿宋_GB2312',
      pageNumber: '宋体',
    },
  },
  compact: {
    name: 'compact',
    page: { width: 210, height: 297 },
    margin: { top: 25.4, right: 25.4, bottom: 25.4, left: 25.4 },
    pageNumberFromBottom: 12.7,
    sizes: { title: 18, body: 11.5, heading: 13, table: 10, pageNumber: 10 },
    lineFactor: 1.4,
    headingBold: true,
    fonts: {
      title: '黑体',
      body: '宋体',
      heading1: '黑体',
      heading2: '黑体',
      heading3: '宋体',
      heading4: '宋体',
      pageNumber: '宋体',
    },
  },
}

export function getPageLayout(name: string | undefined): PageLayout {
  const layout = pageLayouts[(name ?? 'gbt9704') as PageLayout['name']]
  if (!layout) throw new RangeError(`unknown layout ${String(name)}; choose gbt9704 or compact`)
  return layout
}

/**
 * The date stamped into DOCX and PDF properties. Fixed (2000-01-01 unless given) so the same briefing always gives
 * the same bytes.
 */
export function propertiesDate(date?: string | Date): Date {
  const d = date === undefined ? new Date('2000-01-01T00:00:00Z') : new Date(date)
  if (Number.isNaN(d.getTime())) throw new RangeError(`date ${String(date)} is not a valid date`)
  return d
}
