// Profiles rendering every briefing of the seed in every format: node --cpu-prof bench/profile-pack.mjs [format]
import { readFileSync } from 'node:fs'
import { buildBriefing } from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'
import { renderDocx } from '@policybrief/render-docx'
import { renderJson } from '@policybrief/render-json'
import { renderMarkdown } from '@policybrief/render-markdown'
import { renderPdf } from '@policybrief/render-pdf'

const all = { md: renderMarkdown, json: renderJson, docx: renderDocx, pdf: renderPdf }
const formats = process.argv[2] ? [process.argv[2]] : Object.keys(all)
const { opinion } = parseOpinion(readFileSync(new URL('../seeds/beijing-internet-plus-2016.txt', import.meta.url)))
const briefings = [
  buildBriefing(opinion, { kind: 'document' }),
  buildBriefing(opinion, { kind: 'matrix' }),
  ...opinion.agencies.map((a) => buildBriefing(opinion, { kind: 'agency', agency: a.name })),
]
for (const format of formats) {
  const t = performance.now()
  for (const b of briefings) await all[format](b)
  console.log(format, `${(performance.now() - t).toFixed(0)} ms for ${briefings.length} briefings`)
}
