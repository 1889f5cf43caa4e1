import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { type Briefing, type Renderer, buildBriefing, resolveAgencies } from '@policybrief/core'
import { escapeText } from '@policybrief/render-markdown/escape'
import { zipSync } from 'fflate'
import { type CommonOptions, load } from '../context.js'
import { UserError, describe, writeFileAtomic } from '../io.js'
import { Progress } from '../progress.js'
import { rendererFor } from '../renderers.js'
import { uniqueSafeNames } from '../safe-names.js'

export interface PackOptions extends CommonOptions {
  out: string
  formats: string
  zip?: boolean
}

interface Job {
  /** path inside the pack, without extension */
  stem: string
  build: () => Briefing
}

/** Files of the pack, relative path → content; written all at once at the end. */
type Files = Map<string, string | Uint8Array>

function isEmptyDir(path: string): boolean {
  return readdirSync(path).length === 0
}

/** Refuses to replace what is there unless --force; never replaces a file with a folder or the reverse. */
function checkTarget(target: string, zip: boolean, force: boolean): void {
  if (!existsSync(target)) return
  const stat = statSync(target)
  if (zip) {
    if (stat.isDirectory()) throw new UserError(`${target} is a folder; --zip writes a file`)
    if (!force) throw new UserError(`${target} exists; pass --force to replace it`)
    return
  }
  if (!stat.isDirectory()) throw new UserError(`--out ${target} is a file, not a folder`)
  if (!isEmptyDir(target) && !force) throw new UserError(`--out ${target} is not empty; pass --force to replace its contents`)
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/')

export async function packCommand(file: string, options: PackOptions): Promise<number> {
  const formats = [...new Set(options.formats.split(',').map((f) => f.trim()).filter(Boolean))]
  if (formats.length === 0) throw new UserError('--formats needs at least one format', 2)
  const renderers: Renderer[] = formats.map(rendererFor)
  let target = resolve(options.out)
  if (options.zip && !target.endsWith('.zip')) target += '.zip'
  checkTarget(target, options.zip === true, options.force === true)

  const loaded = load(file, options)
  const { opinion, locale, registry } = loaded
  const agencies = resolveAgencies(opinion, registry)
  const folders = uniqueSafeNames(agencies.map((a) => a.name))
  const base = { locale, registry }
  const jobs: Job[] = [
    { stem: 'document', build: () => buildBriefing(opinion, { kind: 'document', ...base }) },
    { stem: 'matrix', build: () => buildBriefing(opinion, { kind: 'matrix', ...base }) },
    ...agencies.map((a, i) => ({
      stem: `agencies/${folders[i]}/brief`,
      build: () => buildBriefing(opinion, { kind: 'agency', agency: a.name, ...base }),
    })),
  ]

  const files: Files = new Map()
  const progress = new Progress(jobs.length * renderers.length, options.quiet === true)
  for (const job of jobs) {
    const briefing = job.build()
    for (const renderer of renderers) {
      const path = `${job.stem}${renderer.extension}`
      progress.step(path)
      files.set(path, await renderer.render(briefing, loaded.renderOptions))
    }
  }
  progress.done()

  const index = {
    document: {
      title: opinion.meta.title,
      docNumber: opinion.meta.docNumber?.normalized ?? null,
      issuer: opinion.meta.issuer ?? null,
      date: opinion.meta.date ?? null,
      source: loaded.name,
      clauses: opinion.responsibilities.length,
    },
    formats: renderers.map((r) => r.name),
    document_files: renderers.map((r) => `document${r.extension}`),
    matrix_files: renderers.map((r) => `matrix${r.extension}`),
    agencies: agencies.map((a, i) => ({
      name: a.name,
      fullName: a.fullName ?? null,
      kind: a.kind,
      led: a.led,
      shared: a.shared,
      folder: `agencies/${folders[i]}`,
      files: renderers.map((r) => `agencies/${folders[i]}/brief${r.extension}`),
    })),
  }
  files.set('index.json', `${JSON.stringify(index, null, 2)}\n`)
  files.set('index.md', indexMarkdown(index, renderers))

  if (options.zip) {
    const entries: Record<string, Uint8Array> = {}
    for (const [path, data] of files) entries[path] = typeof data === 'string' ? new TextEncoder().encode(data) : data
    // a fixed time keeps the archive reproducible
    writeFileAtomic(target, zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }))
  } else {
    writeFolder(target, files, options.force === true)
  }
  if (!options.quiet) {
    process.stderr.write(`policybrief: wrote ${files.size} files for ${agencies.length} bodies to ${options.zip ? target : options.out}\n`)
  }
  return 0
}

function indexMarkdown(index: { document: { title: string; docNumber: string | null; issuer: string | null; date: string | null; clauses: number }; agencies: Array<{ name: string; fullName: string | null; kind: string; led: number; shared: number; files: string[] }>; document_files: string[]; matrix_files: string[] }, renderers: Renderer[]): string {
  const t = (s: string) => escapeText(s, { lineStart: false, inTable: true })
  const links = (paths: string[]) => paths.map((p, i) => `[${renderers[i]!.name}](${encodePath(p)})`).join(' ')
  const d = index.document
  const lines = [
    `# ${escapeText(d.title, { lineStart: false, inTable: false })}`,
    '',
    ...[d.docNumber && `- 文号：${d.docNumber}`, d.issuer && `- 发文机关：${t(d.issuer)}`, d.date && `- 成文日期：${d.date}`, `- 责任条款：${d.clauses}`].filter(Boolean),
    '',
    `- 文件简报：${links(index.document_files)}`,
    `- 重点任务分工表：${links(index.matrix_files)}`,
    '',
    '| 单位 | 全称 | 类型 | 牵头 | 参与 | 简报 |',
    '| --- | --- | --- | --- | --- | --- |',
    ...index.agencies.map((a) => `| ${t(a.name)} | ${t(a.fullName ?? '')} | ${a.kind === 'collective' ? '统称' : '单位'} | ${a.led} | ${a.shared} | ${links(a.files)} |`),
    '',
  ]
  return lines.join('\n')
}

/**
 * Creates a folder and its missing parents one level at a time. (Node's recursive mkdir can spin forever on
 * special file systems such as /proc; this reports the first level that cannot be made.)
 */
function makeFolders(path: string): void {
  const missing: string[] = []
  let at = resolve(path)
  while (!existsSync(at)) {
    missing.unshift(at)
    const up = dirname(at)
    if (up === at) break
    at = up
  }
  if (existsSync(at) && !statSync(at).isDirectory()) throw new UserError(`cannot create ${path}: ${at} is not a folder`)
  for (const folder of missing) {
    try {
      mkdirSync(folder)
    } catch (error) {
      throw new UserError(`cannot create ${folder}: ${describe(error)}`)
    }
  }
}

/**
 * Builds the pack in a staging folder beside the target and moves it into place at the end, so a failure or
 * Ctrl-C halfway leaves the previous contents intact and no partial files.
 */
function writeFolder(target: string, files: Files, force: boolean): void {
  const parent = dirname(target)
  makeFolders(parent)
  let staging: string
  try {
    staging = mkdtempSync(join(parent, `.${basename(target)}.staging-`))
  } catch (error) {
    throw new UserError(`cannot write to ${parent}: ${describe(error)}`)
  }
  const cleanup = () => rmSync(staging, { recursive: true, force: true })
  const onSignal = (signal: NodeJS.Signals) => {
    cleanup()
    process.stderr.write(`\npolicybrief: interrupted; ${target} is unchanged\n`)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    for (const [path, data] of files) {
      const full = join(staging, path)
      if (!resolve(full).startsWith(resolve(staging) + '/')) throw new UserError(`refusing to write outside the pack: ${path}`)
      makeFolders(dirname(full))
      writeFileSync(full, data)
    }
    let old: string | undefined
    if (existsSync(target)) {
      if (!force && !isEmptyDir(target)) throw new UserError(`--out ${target} is not empty; pass --force to replace its contents`)
      old = `${staging}.old`
      renameSync(target, old)
    }
    try {
      renameSync(staging, target)
    } catch (error) {
      if (old) renameSync(old, target)
      throw error
    }
    if (old) rmSync(old, { recursive: true, force: true })
  } catch (error) {
    cleanup()
    if (error instanceof UserError) throw error
    throw new UserError(`cannot write the pack to ${target}: ${describe(error)}`)
  } finally {
    process.removeListener('SIGINT', onSignal)
    process.removeListener('SIGTERM', onSignal)
  }
}
