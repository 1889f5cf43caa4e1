// Browser: no file system and no bundled fonts; pass fonts as bytes (`fonts: { body, … }`), e.g. TTFs the page fetched.
import { createPdfRenderer } from './pdf.js'

export const { renderPdf, pdfRenderer } = createPdfRenderer({ defaultFonts: () => ({}) })
export { createPdfRenderer, type FontPlatform, type PdfOptions } from './pdf.js'
export { FontError, loadFont, pdfFontRoles, type FontSource, type PdfFontRole } from './fonts.js'
