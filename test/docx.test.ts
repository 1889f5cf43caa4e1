import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { buildBriefing } from '@policybrief/core'
import { renderDocx } from '@policybrief/render-docx'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { need, run, squash, writeTemp } from './clients.js'
import { SEED, allBriefings, expectedTexts, opinionOf } from './helpers.js'

const seed = opinionOf(SEED)
const xmlOf = (bytes: Uint8Array, file: string) => new TextDecoder().decode(unzipSync(bytes)[file])

describe('DOCX laid out to GB/T 9704', async () => {
  const document = await renderDocx(buildBriefing(seed, { kind: 'document' }))
  const matrix = await renderDocx(buildBriefing(seed, { kind: 'matrix' }))

  it('A4 with the standard margins, in exact twips', () => {
    const xml = xmlOf(document, 'word/document.xml')
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/)
  })

  it('sets all four font slots with an East Asian hint, on the defaults and every heading style', () => {
    const styles = xmlOf(document, 'word/styles.xml')
    const fonts = [...styles.matchAll(/<w:rFonts ([^>]*)\/>/g)].map((m) => m[1]!)
    expect(fonts.length).toBeGreaterThanOrEqual(6)
    for (const f of fonts) expect(f).toMatch(/w:ascii="[^"]+".*w:hAnsi=.*w:eastAsia=.*w:cs=.*w:hint="eastAsia"|w:hint="eastAsia"/)
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"')
    expect(styles).toContain('w:eastAsia="方正小标宋简体"')
    expect(styles).toContain('w:eastAsia="黑体"')
    expect(styles).toContain('w:eastAsia="楷体_GB2312"')
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/)
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Heading4']) expect(styles).toContain(`w:styleId="${id}"`)
    // body 3号 (16 pt) on a fixed 22-lines-a-page pitch
    expect(styles).toMatch(/<w:sz w:val="32"\/>/)
    expect(styles).toMatch(/w:line="580" w:lineRule="exact"/)
  })

  it('uses real heading styles for the outline, kept with the text they introduce', () => {
    const xml = xmlOf(document, 'word/document.xml')
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>')
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>')
    const styles = xmlOf(document, 'word/styles.xml')
    for (const level of [1, 2, 3, 4]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="Heading${level}">.*?</w:style>`).exec(styles)![0]
      expect(style).toContain(`<w:name w:val="heading ${level}"/>`)
      expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`)
      expect(style).toContain('<w:keepNext/>')
    }
  })

  it('declares every part it holds and holds every part it declares, all well-formed XML', async () => {
    need('xmllint', 'libxml2-utils')
    const hostile = buildBriefing(opinionOf(SEED), { kind: 'agency', agency: '市发展改革委' })
    hostile.blocks.push({ type: 'paragraph', text: 'a < b & c > d "q" \u0001 \ud800 ]]> <w:t>x</w:t>' })
    for (const bytes of [document, matrix, await renderDocx(hostile)]) {
      const files = unzipSync(bytes)
      const names = Object.keys(files)
      const types = xmlOf(bytes, '[Content_Types].xml')
      const overrides = [...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]!)
      expect(overrides.sort()).toEqual(names.filter((n) => n.endsWith('.xml') && n !== '[Content_Types].xml').sort())
      const targets = [...xmlOf(bytes, 'word/_rels/document.xml.rels').matchAll(/Target="([^"]+)"/g)].map((m) => `word/${m[1]}`)
      for (const target of targets) expect(names).toContain(target)
      for (const name of names) run('xmllint', ['--noout', writeTemp('part.xml', files[name]!)])
    }
    const text = xmlOf(await renderDocx(hostile), 'word/document.xml')
    expect(text).toContain('a &lt; b &amp; c &gt; d &quot;q&quot; \ufffd \ufffd ]]&gt; &lt;w:t&gt;x&lt;/w:t&gt;')
  })

  it('numbers pages — n — with odd pages right and even pages left', () => {
    const files = Object.keys(unzipSync(document)).filter((f) => /^word\/footer\d+\.xml$/.test(f))
    expect(files).toHaveLength(2)
    const footers = files.map((f) => xmlOf(document, f))
    for (const f of footers) {
      expect(f).toMatch(/PAGE/)
      expect(f).toContain('— ')
      expect(f).toContain('w:eastAsia="宋体"')
    }
    expect(footers.map((f) => /<w:jc w:val="(right|left|end|start)"/.exec(f)![1]).sort()).toEqual(['left', 'right'])
    expect(xmlOf(document, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>')
  })

  it('the matrix is a table whose header repeats and whose rows do not split', () => {
    const xml = xmlOf(matrix, 'word/document.xml')
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1)
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(25)
    expect(xml.match(/<w:tr>/g)).toHaveLength(25)
  })

  it('fills in the document properties and gives identical bytes every time', async () => {
    const core = xmlOf(document, 'docProps/core.xml')
    expect(core).toContain('<dc:title>北京市人民政府关于积极推进“互联网+”行动的实施意见 — 文件简报</dc:title>')
    expect(core).toContain('<dc:subject>文件简报</dc:subject>')
    expect(core).toContain('<dc:creator>policybrief</dc:creator>')
    expect(core).toContain('2000-01-01T00:00:00Z')
    const again = await renderDocx(buildBriefing(seed, { kind: 'document' }))
    expect(Buffer.from(again).equals(Buffer.from(document))).toBe(true)
    const dated = await renderDocx(buildBriefing(seed, { kind: 'document' }), { date: '2016-01-09' })
    expect(xmlOf(dated, 'docProps/core.xml')).toContain('2016-01-09T00:00:00Z')
  })

  it('the compact layout has normal margins and smaller type', async () => {
    const compact = await renderDocx(buildBriefing(seed, { kind: 'document' }), { layout: 'compact', fontNames: { body: '仿宋' } })
    expect(xmlOf(compact, 'word/document.xml')).toMatch(/<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/)
    expect(xmlOf(compact, 'word/styles.xml')).toContain('w:eastAsia="仿宋"')
  })
})

describe('real readers agree', () => {
  it('pandoc recovers every task title and clause of every briefing of the seed', async () => {
    need('pandoc', 'pandoc')
    for (const b of allBriefings(SEED)) {
      const text = squash(run('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', writeTemp('b.docx', await renderDocx(b))]))
      for (const expected of expectedTexts(b)) expect(text, `${b.title}: ${expected}`).toContain(squash(expected))
    }
  })

  it('LibreOffice converts a document briefing and a matrix to PDF', async () => {
    need('soffice', 'libreoffice-writer-nogui')
    for (const kind of ['document', 'matrix'] as const) {
      const input = writeTemp(`${kind}.docx`, await renderDocx(buildBriefing(seed, { kind })))
      run('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dirname(input)}/lo`, '--convert-to', 'pdf', '--outdir', dirname(input), input], { timeout: 180_000 })
      const pdf = join(dirname(input), basename(input, '.docx') + '.pdf')
      expect(existsSync(pdf)).toBe(true)
      const text = squash(run('pdftotext', [pdf, '-']))
      expect(text).toContain(squash('“互联网+”金融'))
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    }
  })
})
