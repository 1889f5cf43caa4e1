import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildBriefing, getRenderer, listRenderers } from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'
import { describe, expect, it } from 'vitest'
import { registerHtmlRenderer } from '../src/html-renderer.js'

const seed = fileURLToPath(new URL('../../../seeds/beijing-internet-plus-2016.txt', import.meta.url))

describe('an HTML renderer registered from outside the packages', () => {
  it('is found by name and renders an agency briefing through the same API', async () => {
    registerHtmlRenderer()
    expect(listRenderers().map((r) => r.name)).toContain('html')
    const renderer = getRenderer('html')
    expect(renderer.extension).toBe('.html')
    const { opinion } = parseOpinion(readFileSync(seed))
    const html = String(await renderer.render(buildBriefing(opinion, { kind: 'agency', agency: '市金融局' })))
    expect(html).toContain('<h1>北京市人民政府关于积极推进“互联网+”行动的实施意见</h1>')
    expect(html).toContain('<h3>三、(一)1. “互联网+”金融</h3>')
    expect(html.match(/<tr>/g)).toHaveLength(5) // header + 1 led + 3 shared
  })
  it('escapes the document text', async () => {
    const { opinion } = parseOpinion('关于测试的意见\n一、<img src=x onerror=alert(1)>标题\n')
    const html = String(await getRenderer('html').render(buildBriefing(opinion, { kind: 'document' })))
    expect(html).toContain('一、&lt;img src=x onerror=alert(1)&gt;标题')
    expect(html).not.toContain('<img')
  })
  it('an unknown renderer name is a clear error', () => {
    expect(() => getRenderer('rtf')).toThrow(/no renderer named rtf; registered: .*html/)
  })
})
