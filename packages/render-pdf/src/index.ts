// Node: the bundled Noto fonts by default, and font paths are read from disk.
import { defaultFonts, readFile } from './default-fonts.js'
import { createPdfRenderer } from './pdf.js'

export const { renderPdf, pdfRenderer } = createPdfRenderer({ defaultFonts, readFile })
export { createPdfRenderer, type FontPlatform, type PdfOptions } from './pdf.js'
export { FontError, loadFont, pdfFontRoles, type FontSource, type PdfFontRole } from './fonts.js'
