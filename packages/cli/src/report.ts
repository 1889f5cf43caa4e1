import { type Message, formatMessage } from '@policybrief/core'

export interface ReportOptions {
  quiet?: boolean
  strict?: boolean
}

/** Prints messages to stderr; returns true when they make the command fail. */
export function report(messages: Message[], file: string, options: ReportOptions = {}): boolean {
  for (const m of messages) {
    if (options.quiet && m.severity === 'info') continue
    process.stderr.write(`${formatMessage(m, file)}\n`)
  }
  return messages.some((m) => m.severity === 'error' || (options.strict === true && m.severity === 'warning'))
}
