import { parseOpinion } from '@policybrief/parser'
import { readInput, writeOutput } from '../io.js'
import { type ReportOptions, report } from '../report.js'

export interface ParseCommandOptions extends ReportOptions {
  output?: string
}

export function parseCommand(file: string, options: ParseCommandOptions): number {
  const input = readInput(file)
  const { opinion, messages } = parseOpinion(input.bytes, { name: input.name })
  const failed = report(messages, input.name, options)
  writeOutput(options.output, `${JSON.stringify(opinion, null, 2)}\n`)
  return failed ? 1 : 0
}
