// npm run bench: parse throughput, render times, the whole pack, and the tools a user would otherwise reach for
// (pandoc for DOCX, LibreOffice for PDF), measured side by side in one run. Writes bench/RESULTS.md.
// Every figure is a median over several runs after a warm-up; the machine is shared, so compare ratios.
import { transcode } from 'node:buffer'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildBriefing } from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'
import { renderDocx } from '@policybrief/render-docx'
import { renderJson } from '@policybrief/render-json'
import { renderMarkdown } from '@policybrief/render-markdown'
import { renderPdf } from '@policybrief/render-pdf'
import { SEED, median, root } from './common.mjs'

const quick = process.argv.includes('--quick')
const seedFiles = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt'))
const work = mkdtempSync(join(tmpdir(), 'policybrief-bench-'))
const bin = join(root, 'packages/cli/bin/policybrief.js')
const lines = []
const out = (s = '') => {
  lines.push(s)
  console.log(s)
}

// in-process figures are for code the JIT has compiled, as in a pack (48 briefings a format) or a long-running service
async function time(fn, { runs = quick ? 5 : 21, warmup = quick ? 5 : 20 } = {}) {
  for (let i = 0; i < warmup; i++) await fn()
  const times = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return median(times)
}
function wall(command, args, runs = quick ? 2 : 5) {
  const times = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    const r = spawnSync(command, args, { stdio: 'ignore' })
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`)
    times.push(performance.now() - t)
  }
  return median(times)
}
const has = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
const version = (command, args) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0].trim()
  } catch {
    return 'not installed'
  }
}
const pkgVersion = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`
const mbps = (bytes, t) => `${(bytes / 1e6 / (t / 1000)).toFixed(1)} MB/s`

out('# Benchmark results')
out()
out(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench${quick ? ' -- --quick' : ''}\`. Medians over several runs after a warm-up.`)
out()
out(`- Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`)
out(`- Node ${process.version}; fflate ${pkgVersion('fflate')}, pdfkit ${pkgVersion('pdfkit')}, remark-stringify ${pkgVersion('remark-stringify')}`)
out(`- ${version('pandoc', ['--version'])}; ${version('soffice', ['--version'])}`)
out()

// ---------------------------------------------------------------- parsing
out('## Parsing')
out()
out('| input | size | median | throughput |')
out('| --- | ---: | ---: | ---: |')
for (const file of seedFiles) {
  const bytes = readFileSync(join(root, 'seeds', file))
  // a long warm-up: a 10-30 KB document parses in well under a millisecond, and for its first 150 or so parses the
  // figure measures the JIT compiling the parser
  const t = await time(() => parseOpinion(bytes), { runs: quick ? 11 : 51, warmup: quick ? 50 : 300 })
  out(`| ${file} | ${(bytes.length / 1024).toFixed(1)} KB | ${ms(t)} | ${mbps(bytes.length, t)} |`)
}
const all = seedFiles.map((f) => readFileSync(join(root, 'seeds', f), 'utf8')).join('\n')
let corpusText = ''
while (Buffer.byteLength(corpusText) < 10e6) corpusText += `${all}\n`
const corpus = new TextEncoder().encode(corpusText)
const corpusFile = join(work, 'corpus.txt')
writeFileSync(corpusFile, corpus)
const tCorpus = await time(() => parseOpinion(corpus), { runs: quick ? 3 : 15, warmup: 3 })
out(`| corpus: every document in seeds/, concatenated | ${(corpus.length / 1e6).toFixed(1)} MB | ${ms(tCorpus)} | **${mbps(corpus.length, tCorpus)}** |`)
out()

// what the corpus costs before any parsing: turning its bytes into a string, and V8's own JSON parser building a
// model of the same shape and size (the parse result, serialised). Both are native code and a floor for us.
const tDecode = await time(() => transcode(corpus, 'utf8', 'utf16le').toString('utf16le'), { runs: quick ? 3 : 9, warmup: 2 })
const modelJson = JSON.stringify(parseOpinion(corpus).opinion)
const tJson = await time(() => JSON.parse(modelJson), { runs: quick ? 3 : 9, warmup: 2 })
out('For scale, on the same corpus:')
out()
out('| native work on the 10 MB corpus | median | share of our parse |')
out('| --- | ---: | ---: |')
out(`| decoding the bytes to a string (ICU's transcoder, as the parser does in Node) | ${ms(tDecode)} | ${((100 * tDecode) / tCorpus).toFixed(0)}% |`)
out(`| building the same model from its JSON (JSON.parse of ${(modelJson.length / 1e6).toFixed(0)} MB) | ${ms(tJson)} | ${((100 * tJson) / tCorpus).toFixed(0)}% |`)
out()

// growth: the seed repeated 1, 10 and 100 times. "One call" parses one input and drops the model, so at 1x the model
// dies young and costs the garbage collector nothing, while at 100x (a 9 MB model) it is promoted to the old
// generation. "Equal work" parses 3 MB in every row - 100 calls of 1x, 10 of 10x, 1 of 100x - and keeps every model
// until the row ends, so each row pays the same memory cost and the ratio shows how the parser itself scales.
// Measured in a process of its own (bench/growth.mjs), so the corpus runs above leave nothing in its heap.
const { rows: growth, pageMicros } = JSON.parse(
  execFileSync(process.execPath, [join(root, 'bench/growth.mjs'), ...(quick ? ['--quick'] : [])], { encoding: 'utf8' }),
)
out('| seed repeated | size | one call | ÷ 1× | equal work, per call | ÷ 1× | fresh pages per call |')
out('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const g of growth) {
  out(
    `| ${g.n}× | ${(g.size / 1024).toFixed(0)} KB | ${ms(g.single)} | ${(g.single / growth[0].single).toFixed(0)} | ${ms(g.equal)} | **${(g.equal / growth[0].equal).toFixed(0)}** | ${g.faults.toFixed(0)} |`,
  )
}
out()
out('“One call” drops each model at once, so at 1× it never leaves the young generation while at 100× it is promoted;')
out('“equal work” parses 3 MB in every row and keeps the models, so the memory cost is the same and the ratio shows how')
out(`the parser scales. From 10× to 100× (both past the point where the model stays in the young generation), one call`)
out(`grows ${(growth[2].single / growth[1].single).toFixed(1)}× and equal work ${(growth[2].equal / growth[1].equal).toFixed(1)}× per 10× input.`)
out('“Fresh pages” are the minor page faults of the equal-work calls: memory touched for the first time. A large input')
out('is decoded into one string of its own, which at 10× and up no longer fits the pages the young generation reuses;')
out(`on a virtual machine each such page can cost more than the parsing done in it (${pageMicros === undefined ? 'not measured' : `${pageMicros.toFixed(1)} µs a page here`}).`)
out()

// peak memory: a child that parses the corpus, against one that only loads the parser and reads the file. On Linux
// the child reads its own high-water mark (VmHWM): resourceUsage().maxRSS also counts the parent it was forked from,
// and by now this process is larger than either child.
const rss = (parse) => {
  const script = `import { readFileSync } from 'node:fs'; import { parseOpinion } from '@policybrief/parser';
    const bytes = readFileSync(${JSON.stringify(corpusFile)}); ${parse ? 'globalThis.keep = parseOpinion(bytes);' : ''}
    let kib = process.resourceUsage().maxRSS
    try { kib = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]) } catch {}
    console.log(kib)`
  return Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim()) * 1024
}
// medians of five children each: a single reading of the peak RSS varies by tens of MiB on this machine
const base = median(Array.from({ length: quick ? 1 : 5 }, () => rss(false)))
const peak = median(Array.from({ length: quick ? 1 : 5 }, () => rss(true)))
out(`Peak memory while parsing the ${(corpus.length / 1e6).toFixed(1)} MB corpus: ${((peak - base) / 2 ** 20).toFixed(0)} MiB above the process baseline, **${((peak - base) / 2 ** 20 / (corpus.length / 1e6)).toFixed(1)} MiB per MB of input** (the model, with a position for every node, is held in memory).`)
out()

// ---------------------------------------------------------------- rendering
const { opinion } = parseOpinion(readFileSync(join(root, 'seeds', SEED)), { name: SEED })
const briefings = {
  'agency (市发展改革委)': buildBriefing(opinion, { kind: 'agency', agency: '市发展改革委' }),
  document: buildBriefing(opinion, { kind: 'document' }),
  matrix: buildBriefing(opinion, { kind: 'matrix' }),
}
const renderers = { md: renderMarkdown, json: renderJson, docx: renderDocx, pdf: renderPdf }
out('## Rendering the seed (in process, fonts already loaded)')
out()
out('| briefing | md | json | docx | pdf |')
out('| --- | ---: | ---: | ---: | ---: |')
for (const [name, b] of Object.entries(briefings)) {
  const cells = []
  for (const render of Object.values(renderers)) cells.push(ms(await time(() => render(b))))
  out(`| ${name} | ${cells.join(' | ')} |`)
}
out()

const everyBriefing = () => [
  buildBriefing(opinion, { kind: 'document' }),
  buildBriefing(opinion, { kind: 'matrix' }),
  ...opinion.agencies.map((a) => buildBriefing(opinion, { kind: 'agency', agency: a.name })),
]
const tPack = await time(async () => {
  for (const b of everyBriefing()) for (const render of Object.values(renderers)) await render(b)
}, { runs: quick ? 1 : 3, warmup: 1 })
const packOut = join(work, 'pack')
const packArgs = [bin, 'pack', join(root, 'seeds', SEED), '--out', packOut, '--force', '--quiet']
const tCli = wall(process.execPath, packArgs, quick ? 2 : 3)
let packRss = 'not measured (no /usr/bin/time)'
if (has('/usr/bin/time')) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...packArgs], { encoding: 'utf8' })
  packRss = `${(Number(r.stderr.trim().split('\n').pop()) / 1024).toFixed(0)} MiB`
}
const packFiles = readdirSync(join(packOut, 'agencies')).length
out('## The whole pack of the seed: document, matrix and 46 agency briefings, in md, json, docx and pdf')
out()
out(`| measure | value |`)
out(`| --- | ---: |`)
out(`| in process (parse once, ${2 + opinion.agencies.length} briefings × 4 formats) | ${ms(tPack)} |`)
out(`| through the CLI, cold (\`policybrief pack … --force\`, new process each run) | **${ms(tCli)}** |`)
out(`| peak RSS of the CLI pack | **${packRss}** |`)
out(`| agency folders written | ${packFiles} |`)
out()

// ---------------------------------------------------------------- side by side
out('## Side by side with the tools a user would otherwise use')
out()
const agency = briefings['agency (市发展改革委)']
const mdFile = join(work, 'brief.md')
writeFileSync(mdFile, renderMarkdown(agency))
const docxFile = join(work, 'brief.docx')
writeFileSync(docxFile, await renderDocx(agency))
out('| task (agency briefing of 市发展改革委) | them | us, in process | us, CLI cold | ratio (them ÷ us in process) |')
out('| --- | ---: | ---: | ---: | ---: |')
const cliBrief = (format) =>
  wall(process.execPath, [bin, 'brief', join(root, 'seeds', SEED), '--agency', '市发展改革委', '--format', format, '-o', join(work, `cli.${format}`), '--quiet'], quick ? 2 : 3)
if (has('pandoc')) {
  const tPandoc = wall('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(work, 'pandoc.docx'), mdFile])
  const tOurs = await time(() => renderDocx(agency))
  out(`| DOCX: pandoc turns our Markdown briefing into DOCX | ${ms(tPandoc)} | ${ms(tOurs)} | ${ms(cliBrief('docx'))} | **${(tPandoc / tOurs).toFixed(0)}×** |`)
} else out('| DOCX: pandoc | skipped: pandoc is not installed | | | |')
if (has('soffice')) {
  const profile = `-env:UserInstallation=file://${join(work, 'lo')}`
  wall('soffice', ['--headless', '--norestore', profile, '--convert-to', 'pdf', '--outdir', work, docxFile], 1) // first start builds the profile
  const tLo = wall('soffice', ['--headless', '--norestore', profile, '--convert-to', 'pdf', '--outdir', work, docxFile], quick ? 2 : 3)
  const tOurs = await time(() => renderPdf(agency))
  out(`| PDF: LibreOffice turns our DOCX briefing into PDF | ${ms(tLo)} | ${ms(tOurs)} | ${ms(cliBrief('pdf'))} | **${(tLo / tOurs).toFixed(0)}×** |`)
} else out('| PDF: LibreOffice | skipped: soffice is not installed | | | |')
out()
out('“Them” is a new process per run (that is how those tools are used); “CLI cold” is ours the same way, including')
out('Node start-up and loading the fonts.')

writeFileSync(join(root, 'bench/RESULTS.md'), `${lines.join('\n')}\n`)
console.error(`\nwrote bench/RESULTS.md`)
