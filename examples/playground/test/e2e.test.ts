import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { unzipSync } from 'fflate'
import { type BrowserContext, chromium } from 'playwright-core'
import { type PreviewServer, build, preview } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const CHROMIUM = '/usr/bin/chromium'
const work = mkdtempSync(join(tmpdir(), 'policybrief-playground-'))
let server: PreviewServer
let browser: BrowserContext

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`)
  const outDir = join(work, 'dist')
  await build({ root, logLevel: 'error', build: { outDir, emptyOutDir: true } })
  server = await preview({ root, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } })
  // a fresh profile each run; the machine has no network beyond loopback, so nothing may phone home
  browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the playground in Chromium', () => {
  it('parses the seed, shows 24 clauses and 46 bodies, and downloads the 市发展改革委 briefing as DOCX and PDF', { timeout: 180_000 }, async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(server.resolvedUrls!.local[0]!)
    await page.click('#load-seed')
    await expect.poll(() => page.textContent('#clause-count')).toBe('(24)')
    expect(await page.textContent('#body-count')).toBe('(46)')
    expect(await page.locator('#matrix tr').count()).toBe(25)
    expect(await page.textContent('#meta')).toContain('京政发〔2016〕4号')
    await page.click('#messages li.warning')
    expect(await page.textContent('#source-line')).toContain('第28行')
    await page.selectOption('#target', 'agency:市发展改革委')

    const docxDownload = page.waitForEvent('download')
    await page.click('[data-format=docx]')
    const docxPath = join(work, 'brief.docx')
    await (await docxDownload).saveAs(docxPath)
    const xml = new TextDecoder().decode(unzipSync(readFileSync(docxPath))['word/document.xml'])
    expect(xml).toContain('北京市发展和改革委员会任务简报')
    expect(xml).toContain('“互联网+”能源')

    const pdfDownload = page.waitForEvent('download', { timeout: 120_000 })
    await page.click('[data-format=pdf]')
    const pdfPath = join(work, 'brief.pdf')
    await (await pdfDownload).saveAs(pdfPath)
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(text).toContain('北京市发展和改革委员会任务简报')
    expect(text).toContain('“互联网+”创新创业')

    const shot = await page.screenshot({ fullPage: false })
    writeFileSync(join(work, 'playground.png'), shot)
    if (process.env.UPDATE_SCREENSHOT) writeFileSync(join(root, '../../docs/images/playground.png'), shot)
    expect(errors).toEqual([])
  })
})
