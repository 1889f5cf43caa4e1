import { readFileSync, readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { type Briefing, type Opinion, buildBriefing } from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'

export const root = fileURLToPath(new URL('../', import.meta.url))
export const seedFiles = readdirSync(`${root}seeds`).filter((f) => f.endsWith('.txt'))
export const SEED = 'beijing-internet-plus-2016.txt'

const cache = new Map<string, Opinion>()
export function opinionOf(file: string): Opinion {
  let o = cache.get(file)
  if (!o) {
    o = parseOpinion(readFileSync(`${root}seeds/${file}`), { name: file }).opinion
    cache.set(file, o)
  }
  return o
}

/** Every briefing of a document: the document, the matrix and one per body. */
export function allBriefings(file: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Briefing[] {
  const o = opinionOf(file)
  return [
    buildBriefing(o, { kind: 'document', locale }),
    buildBriefing(o, { kind: 'matrix', locale }),
    ...o.agencies.map((a) => buildBriefing(o, { kind: 'agency', agency: a.name, locale })),
  ]
}

/** What a reader of any format must find: every task title and every body named in its clauses. */
export function expectedTexts(b: Briefing): string[] {
  return [...new Set(b.tasks.flatMap((t) => [t.title, ...t.lead, ...t.responsible]))]
}
