export { markdownRenderer, renderMarkdown, toMdast } from './markdown.js'
export { escapeText } from './escape.js'
