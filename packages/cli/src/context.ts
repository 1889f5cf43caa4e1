import { readFileSync } from 'node:fs'
import {
  type AgencyRegistry,
  AgencyRegistrySchema,
  type Locale,
  type Message,
  type Opinion,
  builtinRegistry,
  mergeRegistries,
} from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'
import { UserError, describe, readInput } from './io.js'
import { report } from './report.js'

export interface CommonOptions {
  locale?: string
  layout?: string
  registry?: string
  font?: string[]
  strict?: boolean
  quiet?: boolean
  force?: boolean
  date?: string
}

export interface Loaded {
  opinion: Opinion
  messages: Message[]
  name: string
  registry: AgencyRegistry
  locale: Locale
  /** options every renderer receives; each reads the ones it knows */
  renderOptions: Record<string, unknown>
}

export function parseLocale(value: string | undefined): Locale {
  if (value === undefined || value === 'zh-CN' || value === 'zh') return 'zh-CN'
  if (value === 'en') return 'en'
  throw new UserError(`unknown locale ${value}; choose zh-CN or en`, 2)
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `${line}:${offset - before.lastIndexOf('\n')}`
}

export function loadRegistry(path: string | undefined): AgencyRegistry {
  if (!path) return builtinRegistry
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new UserError(`cannot read registry ${path}: ${describe(error)}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const at = /position (\d+)/.exec(String(error))
    const place = at ? lineColumn(text, Number(at[1])) : '1:1'
    throw new UserError(`${path}:${place}: the registry is not valid JSON (${error instanceof Error ? error.message : error})`)
  }
  const parsed = AgencyRegistrySchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new UserError(`${path}: registry entry ${issue.path.join('.') || '(root)'}: ${issue.message}`)
  }
  return mergeRegistries(builtinRegistry, parsed.data)
}

/** role=path pairs for --font, e.g. body=/usr/share/fonts/FangSong.ttf */
export function parseFonts(values: string[] | undefined): Record<string, string> {
  const fonts: Record<string, string> = {}
  for (const value of values ?? []) {
    const eq = value.indexOf('=')
    if (eq <= 0) throw new UserError(`--font expects role=path (e.g. body=FangSong.ttf), got ${value}`, 2)
    fonts[value.slice(0, eq)] = value.slice(eq + 1)
  }
  return fonts
}

/** Reads and parses the input, prints its messages, and fails on errors (and on warnings with --strict). */
export function load(file: string, options: CommonOptions): Loaded {
  const locale = parseLocale(options.locale)
  const layout = options.layout ?? 'gbt9704'
  if (layout !== 'gbt9704' && layout !== 'compact') throw new UserError(`unknown layout ${layout}; choose gbt9704 or compact`, 2)
  if (options.date !== undefined && Number.isNaN(Date.parse(options.date))) {
    throw new UserError(`--date expects an ISO date such as 2016-01-09, got ${options.date}`, 2)
  }
  const registry = loadRegistry(options.registry)
  const fonts = parseFonts(options.font)
  const input = readInput(file)
  const { opinion, messages } = parseOpinion(input.bytes, { name: input.name })
  if (report(messages, input.name, options)) {
    throw new UserError(
      messages.some((m) => m.severity === 'error') ? `${input.name} cannot be used (see the error above)` : `${input.name} has warnings and --strict is set`,
    )
  }
  const date = options.date ?? opinion.meta.date
  return {
    opinion,
    messages,
    name: input.name,
    registry,
    locale,
    renderOptions: { layout, fonts, ...(date !== undefined && { date }) },
  }
}
