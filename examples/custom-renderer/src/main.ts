// Usage: npm start -w @policybrief/example-custom-renderer -- ../../seeds/beijing-internet-plus-2016.txt 市金融局
import { readFileSync } from 'node:fs'
import { buildBriefing, getRenderer } from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'
import { registerHtmlRenderer } from './html-renderer.js'

registerHtmlRenderer()
const [file = '../../seeds/beijing-internet-plus-2016.txt', agency = '市金融局'] = process.argv.slice(2)
const { opinion } = parseOpinion(readFileSync(file), { name: file })
const briefing = buildBriefing(opinion, { kind: 'agency', agency })
process.stdout.write(String(await getRenderer('html').render(briefing)))
