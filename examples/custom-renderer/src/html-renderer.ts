import { type Block, type BlockOf, type Renderer, registerRenderer } from '@policybrief/core'

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

// One handler per block type: adding a block type to core breaks this map until it is handled.
const handlers: { [T in Block['type']]: (block: BlockOf<T>) => string } = {
  title: (b) => `<h1>${escape(b.text)}</h1>${b.subtitle ? `<p class="subtitle">${escape(b.subtitle)}</p>` : ''}`,
  heading: (b) => `<h${b.level + 1}>${escape(b.text)}</h${b.level + 1}>`,
  paragraph: (b) => `<p>${b.lead ? `<strong>${escape(b.lead)}</strong>。` : ''}${escape(b.text)}</p>`,
  fields: (b) => `<dl>${b.items.map((f) => `<dt>${escape(f.label)}</dt><dd>${escape(f.value)}</dd>`).join('')}</dl>`,
  list: (b) => {
    const tag = b.ordered ? 'ol' : 'ul'
    return `<${tag}>${b.items.map((i) => `<li>${escape(i)}</li>`).join('')}</${tag}>`
  },
  table: (b) =>
    `<table><thead><tr>${b.columns.map((c) => `<th>${escape(c.label)}</th>`).join('')}</tr></thead><tbody>${b.rows
      .map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`,
  quote: (b) =>
    `<blockquote>${b.text
      .split('\n')
      .map((l) => `<p>${escape(l)}</p>`)
      .join('')}<cite>${escape(b.cite)}</cite></blockquote>`,
}

export const htmlRenderer: Renderer = {
  name: 'html',
  mediaType: 'text/html; charset=utf-8',
  extension: '.html',
  async render(briefing) {
    const body = briefing.blocks.map((b) => (handlers[b.type] as (block: Block) => string)(b)).join('\n')
    return `<!doctype html>
<html lang="${briefing.locale}">
<head><meta charset="utf-8"><title>${escape(briefing.title)}</title>
<style>body{font-family:"Noto Serif SC",serif;max-width:48rem;margin:2rem auto;line-height:1.7}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .4rem}dt{font-weight:bold}</style>
</head>
<body>
${body}
</body>
</html>
`
  },
}

/** Makes the renderer available to getRenderer('html') and so to anything that looks renderers up by name. */
export function registerHtmlRenderer(): void {
  registerRenderer(htmlRenderer)
}
