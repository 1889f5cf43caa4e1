import { type Renderer, getRenderer, listRenderers, registerRenderer } from '@policybrief/core'
import { docxRenderer } from '@policybrief/render-docx'
import { jsonRenderer } from '@policybrief/render-json'
import { markdownRenderer } from '@policybrief/render-markdown'
import { pdfRenderer } from '@policybrief/render-pdf'
import { UserError } from './io.js'

/** The formats the command offers, in the order a pack writes them. */
const builtin: Renderer[] = [markdownRenderer, jsonRenderer, docxRenderer as Renderer, pdfRenderer as Renderer]
for (const r of builtin) registerRenderer(r)

export const formatNames = (): string[] => listRenderers().map((r) => r.name)

export function rendererFor(format: string): Renderer {
  const name = format === 'markdown' ? 'md' : format
  try {
    return getRenderer(name)
  } catch {
    throw new UserError(`unknown format ${format}; choose from ${formatNames().join(', ')}`, 2)
  }
}
