import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { buildBriefing } from '@policybrief/core'
import { FontError, renderPdf } from '@policybrief/render-pdf'
import { describe, expect, it } from 'vitest'
import { need, run, squash, writeTemp } from './clients.js'
import { SEED, allBriefings, expectedTexts, opinionOf } from './helpers.js'

const require = createRequire(import.meta.url)
const seed = opinionOf(SEED)

interface Outline {
  title: string
  kids: Outline[]
}
const flatten = (items: Outline[]): string[] => items.flatMap((i) => [i.title, ...flatten(i.kids)])

describe('PDF briefings of the seed, read by poppler and qpdf', () => {
  it('every briefing: text recovered, file valid, fonts embedded as subsets, an outline entry per heading', async () => {
    need('pdftotext', 'poppler-utils')
    need('qpdf', 'qpdf')
    for (const b of allBriefings(SEED)) {
      const bytes = await renderPdf(b)
      const file = writeTemp('b.pdf', bytes)
      // -raw keeps the order the text was drawn in, so table cells are not interleaved
      // page numbers are drawn after the text of their page; take them out of the running text
      const text = squash(run('pdftotext', ['-raw', file, '-']).replace(/^— \d+ —$/gm, ''))
      const expected = [...expectedTexts(b), ...(b.kind === 'matrix' ? [] : b.tasks.map((t) => t.text))]
      for (const e of expected) expect(text, `${b.title}: ${e.slice(0, 30)}`).toContain(squash(e))
      expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors')
      const fonts = run('pdffonts', [file]).trim().split('\n').slice(2)
      expect(fonts.length).toBeGreaterThan(0)
      for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+\s.*\byes\s+yes\s+yes\b/)
      const outline = flatten(JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])).outlines)
      const headings = b.blocks.filter((x) => x.type === 'heading' || x.type === 'title').map((x) => (x as { text: string }).text)
      expect(outline).toEqual(headings)
      const limit = b.kind === 'agency' ? 300_000 : 600_000
      expect(bytes.length, `${b.title}: ${bytes.length} bytes`).toBeLessThan(limit)
    }
  })

  it('breaks no line before closing punctuation or after opening punctuation', async () => {
    for (const kind of ['document', 'matrix'] as const) {
      const file = writeTemp('d.pdf', await renderPdf(buildBriefing(seed, { kind })))
      const lines = run('pdftotext', [file, '-']).split('\n')
      expect(lines.filter((l) => /^[,.;:!?)，。、；：？！）》」』”’]/.test(l))).toEqual([])
      expect(lines.filter((l) => /[“‘（《(]$/.test(l))).toEqual([])
    }
  })

  it('fills in the document information and is reproducible', async () => {
    const b = buildBriefing(seed, { kind: 'agency', agency: '市金融局' })
    const bytes = await renderPdf(b, { date: '2016-01-09' })
    const info = run('pdfinfo', [writeTemp('i.pdf', bytes)])
    expect(info).toMatch(/Title:\s+北京市人民政府关于积极推进“互联网\+”行动的实施意见 — 北京市金融工作局任务简报/)
    expect(info).toMatch(/Subject:\s+北京市金融工作局任务简报/)
    expect(info).toMatch(/Author:\s+北京市人民政府/)
    expect(info).toMatch(/Keywords:\s+京政发〔2016〕4号/)
    expect(info).toMatch(/CreationDate:\s+Sat Jan\s+9 00:00:00 2016 UTC/)
    expect(Buffer.from(await renderPdf(b, { date: '2016-01-09' })).equals(Buffer.from(bytes))).toBe(true)
  })

  it('numbers pages — n —, odd pages right and even pages left', async () => {
    const file = writeTemp('n.pdf', await renderPdf(buildBriefing(seed, { kind: 'document' })))
    const layout = run('pdftotext', ['-bbox', file, '-'])
    const pages = layout.split('<page ').slice(1)
    expect(pages.length).toBeGreaterThan(2)
    pages.slice(0, 2).forEach((page, i) => {
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      const number = words.find((w) => w[5] === String(i + 1) && Number(w[2]) > 760)
      expect(number, `page ${i + 1}`).toBeDefined()
      const x = Number(number![1])
      if (i % 2 === 0) expect(x).toBeGreaterThan(450)
      else expect(x).toBeLessThan(150)
    })
  })

  it('the compact layout is smaller type on normal margins', async () => {
    const gb = await renderPdf(buildBriefing(seed, { kind: 'document' }))
    const compact = await renderPdf(buildBriefing(seed, { kind: 'document' }), { layout: 'compact' })
    const pages = (bytes: Uint8Array) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [writeTemp('p.pdf', bytes)]))![1])
    expect(pages(compact)).toBeLessThan(pages(gb))
  })

  it('says what to pass instead of a font it cannot use', async () => {
    const b = buildBriefing(seed, { kind: 'matrix' })
    const woff2 = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 0, 0, 0, 0])
    await expect(renderPdf(b, { fonts: { body: woff2 } })).rejects.toThrow(/WOFF2.*pass the TTF or OTF/)
    await expect(renderPdf(b, { fonts: { body: '/no/such/font.ttf' } })).rejects.toThrow(FontError)
    await expect(renderPdf(b, { fonts: { body: '/no/such/font.ttf' } })).rejects.toThrow(/cannot be read; pass the path of a TTF or OTF/)
    const ttc = new Uint8Array(64)
    ttc.set([0x74, 0x74, 0x63, 0x66])
    await expect(renderPdf(b, { fonts: { body: ttc } })).rejects.toThrow(/TrueType collection|cannot be read/)
    await expect(renderPdf(b, { fonts: { body: new TextEncoder().encode('not a font') } })).rejects.toThrow(/not a TTF, OTF or TTC/)
  })

  it('accepts a font given as bytes, and reuses parsed fonts', async () => {
    const bytes = readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'))
    const b = buildBriefing(seed, { kind: 'matrix' })
    const pdf = await renderPdf(b, { fonts: { body: new Uint8Array(bytes) } })
    expect(run('pdffonts', [writeTemp('f.pdf', pdf)])).toContain('NotoSansSC-Regular')
  })
})
