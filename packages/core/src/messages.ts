import { z } from 'zod'
import { PositionSchema } from './model.js'

/**
 * The closed list of message rule ids. Each says what was found and what the parser did about it.
 * Only input that cannot be read as text at all gives an `error`.
 */
export const ruleIds = {
  'empty-input': 'The input holds no text.',
  'binary-input': 'The input is a binary file (PDF, DOCX/ZIP, image …), not text; convert it to text first.',
  'undecodable-input': 'The bytes are neither UTF-8, UTF-16 with a BOM, nor GB18030.',
  'decoded-gb18030': 'The bytes are not UTF-8; they were decoded as GB18030.',
  'parser-failure': 'The parser met a case it does not handle; the text is kept as the preamble. Please report it.',
  'missing-title': 'No document title was found.',
  'normalized-doc-number': 'The document number was written in a non-standard form and was normalized.',
  'empty-heading': 'A numbered heading has no title.',
  'heading-runs-into-body': 'A heading runs into its body with no punctuation between them.',
  'numbering-gap': 'A numbered item does not follow the one before it.',
  'unparsed-clause': 'A bracket mentions 负责 or 牵头 but could not be read as a responsibility clause.',
  'no-clauses': 'The document holds no responsibility clauses.',
  'lead-convention': 'The document states that the first body listed leads; leads follow that convention from here on.',
  'missing-signature': 'No issuer and date signature was found.',
} as const

export type RuleId = keyof typeof ruleIds

export const RuleIdSchema = z.enum(Object.keys(ruleIds) as [RuleId, ...RuleId[]])

export const SeveritySchema = z.enum(['error', 'warning', 'info'])
export type Severity = z.infer<typeof SeveritySchema>

export const MessageSchema = z.object({
  ruleId: RuleIdSchema,
  severity: SeveritySchema,
  reason: z.string(),
  position: PositionSchema.optional(),
})
export type Message = z.infer<typeof MessageSchema>

/** `file:line:column: severity: reason [ruleId]`, the form compilers and editors understand. */
export function formatMessage(message: Message, file = '<input>'): string {
  const place = message.position ? `${message.position.start.line}:${message.position.start.column}` : '1:1'
  return `${file}:${place}: ${message.severity}: ${message.reason} [${message.ruleId}]`
}
