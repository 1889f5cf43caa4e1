export { pdfRenderer, renderPdf, type PdfOptions } from './pdf.js'
export { FontError, loadFont, pdfFontRoles, type FontSource, type PdfFontRole } from './fonts.js'
