import { resolveAgencies } from '@policybrief/core'
import stringWidth from 'string-width'
import { type CommonOptions, load } from '../context.js'

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)))
}

/** A plain-text table, aligned for CJK (double-width) characters. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? ''))))
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n'
}

export function agenciesCommand(file: string, options: CommonOptions & { json?: boolean }): number {
  const { opinion, registry } = load(file, options)
  const agencies = resolveAgencies(opinion, registry)
  if (options.json) {
    const data = agencies.map((a) => ({ name: a.name, fullName: a.fullName ?? null, kind: a.kind, led: a.led, shared: a.shared }))
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`)
    return 0
  }
  if (agencies.length === 0) {
    process.stdout.write('This document names no responsible bodies.\n')
    return 0
  }
  process.stdout.write(
    formatTable(
      ['name', 'full name', 'kind', 'led', 'shared'],
      agencies.map((a) => [a.name, a.fullName ?? '', a.kind, String(a.led), String(a.shared)]),
    ),
  )
  return 0
}
