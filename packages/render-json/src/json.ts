import { type Briefing, BriefingDataSchema, type Renderer, briefingSchemaId } from '@policybrief/core'

/** Objects with their keys sorted, so the same briefing always gives the same bytes. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]))
  }
  return value
}

/** The briefing's semantic data (not its layout blocks) as JSON: `$schema` first, sorted keys, 2-space indent, final newline. */
export function renderJson(briefing: Briefing): string {
  const data = BriefingDataSchema.parse(briefing)
  return `${JSON.stringify({ $schema: briefingSchemaId, ...(sortKeys(data) as object) }, null, 2)}\n`
}

export const jsonRenderer: Renderer = {
  name: 'json',
  mediaType: 'application/json',
  extension: '.json',
  render: async (briefing) => renderJson(briefing),
}
