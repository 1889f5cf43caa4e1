import { z } from 'zod'
import type { Agency, AgencyKind, Opinion } from './model.js'
import { AgencyKindSchema } from './model.js'
import { builtinRegistry } from './registry-data.js'

export const RegistryEntrySchema = z.object({
  fullName: z.string().optional(),
  kind: AgencyKindSchema.optional(),
  aliases: z.array(z.string()).optional(),
})
export const AgencyRegistrySchema = z.object({
  jurisdictions: z.record(
    z.string(),
    z.object({
      issuers: z.array(z.string()).describe('issuers whose documents use these short names'),
      bodies: z.record(z.string(), RegistryEntrySchema).describe('short name as written → what is known of it'),
    }),
  ),
})
/** Short names used in documents mapped to full official names and kinds, per jurisdiction (decided by the issuer). */
export type AgencyRegistry = z.infer<typeof AgencyRegistrySchema>
export type RegistryEntry = z.infer<typeof RegistryEntrySchema>

export { builtinRegistry }

/** The built-in registry extended (or overridden, entry by entry) by the user's. */
export function mergeRegistries(base: AgencyRegistry, extra: AgencyRegistry): AgencyRegistry {
  const jurisdictions = { ...base.jurisdictions }
  for (const [key, j] of Object.entries(extra.jurisdictions)) {
    const known = jurisdictions[key]
    jurisdictions[key] = known
      ? {
          issuers: [...new Set([...known.issuers, ...j.issuers])],
          bodies: Object.fromEntries(
            [...new Set([...Object.keys(known.bodies), ...Object.keys(j.bodies)])].map((name) => [
              name,
              { ...known.bodies[name], ...j.bodies[name] },
            ]),
          ),
        }
      : j
  }
  return { jurisdictions }
}

/** The registry entries that apply to a document, chosen by its issuer. */
export function bodiesFor(opinion: Opinion, registry: AgencyRegistry = builtinRegistry): Record<string, RegistryEntry> {
  const issuer = opinion.meta.issuer ?? ''
  for (const j of Object.values(registry.jurisdictions)) {
    if (issuer && j.issuers.includes(issuer)) return j.bodies
  }
  return {}
}

export interface ResolvedAgency extends Agency {
  aliases: string[]
  /** clauses the body leads, and clauses it shares */
  led: number
  shared: number
}

/** The document's agencies with full names and kinds from the registry filled in, and their clause counts. */
export function resolveAgencies(opinion: Opinion, registry: AgencyRegistry = builtinRegistry): ResolvedAgency[] {
  const bodies = bodiesFor(opinion, registry)
  return opinion.agencies.map((a) => {
    const entry = bodies[a.name]
    const fullName = a.fullName ?? entry?.fullName
    const kind: AgencyKind = entry?.kind ?? a.kind
    const led = opinion.responsibilities.filter((r) => r.lead.includes(a.name)).length
    const shared = opinion.responsibilities.filter((r) => r.responsible.includes(a.name)).length
    return { ...a, kind, ...(fullName !== undefined && { fullName }), aliases: entry?.aliases ?? [], led, shared }
  })
}

export class UnknownAgencyError extends Error {
  constructor(
    readonly query: string,
    readonly suggestions: string[],
  ) {
    super(
      suggestions.length > 0
        ? `no body named ${query} in this document; nearest: ${suggestions.join(', ')}`
        : `no body named ${query} in this document, which names no bodies`,
    )
    this.name = 'UnknownAgencyError'
  }
}

/** Dice similarity of the characters of two names: 市发改委 is close to 市发展改革委. */
function similarity(a: string, b: string): number {
  const pool = [...b]
  let common = 0
  for (const ch of a) {
    const i = pool.indexOf(ch)
    if (i >= 0) {
      common++
      pool.splice(i, 1)
    }
  }
  return (2 * common) / ([...a].length + [...b].length)
}

/** Finds a body by its name as written, its full name or an alias; throws UnknownAgencyError listing the nearest. */
export function findAgency(agencies: ResolvedAgency[], query: string): ResolvedAgency {
  const q = query.trim()
  const found =
    agencies.find((a) => a.name === q) ??
    agencies.find((a) => a.fullName === q) ??
    agencies.find((a) => a.aliases.includes(q))
  if (found) return found
  const scored = agencies
    .map((a) => ({ name: a.name, score: Math.max(similarity(q, a.name), a.fullName ? similarity(q, a.fullName) : 0) }))
    .sort((p, r) => r.score - p.score || p.name.localeCompare(r.name))
  throw new UnknownAgencyError(q, scored.slice(0, 5).map((s) => s.name))
}
