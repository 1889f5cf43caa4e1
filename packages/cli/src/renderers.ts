import { type Renderer, getRenderer, listRenderers, registerRenderer } from '@policybrief/core'
import { UserError } from './io.js'

/**
 * The formats the command offers, in the order a pack writes them. Each renderer package is imported when a briefing
 * is first rendered in its format, so `brief --format docx` does not load the PDF engine and its fonts, or the
 * Markdown pipeline (together about two thirds of the command's start-up).
 */
export const builtinRenderers: Array<Omit<Renderer, 'render'> & { load: () => Promise<Renderer> }> = [
  { name: 'md', mediaType: 'text/markdown; charset=utf-8', extension: '.md', load: async () => (await import('@policybrief/render-markdown')).markdownRenderer },
  { name: 'json', mediaType: 'application/json', extension: '.json', load: async () => (await import('@policybrief/render-json')).jsonRenderer },
  {
    name: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: '.docx',
    load: async () => (await import('@policybrief/render-docx')).docxRenderer as Renderer,
  },
  { name: 'pdf', mediaType: 'application/pdf', extension: '.pdf', load: async () => (await import('@policybrief/render-pdf')).pdfRenderer as Renderer },
]
for (const { load, ...meta } of builtinRenderers) {
  registerRenderer({ ...meta, render: async (briefing, options) => (await load()).render(briefing, options) })
}

export const formatNames = (): string[] => listRenderers().map((r) => r.name)

export function rendererFor(format: string): Renderer {
  const name = format === 'markdown' ? 'md' : format
  try {
    return getRenderer(name)
  } catch {
    throw new UserError(`unknown format ${format}; choose from ${formatNames().join(', ')}`, 2)
  }
}
