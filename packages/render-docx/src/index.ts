export { docxRenderer, renderDocx, type DocxOptions } from './docx.js'
