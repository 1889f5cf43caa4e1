import { z } from 'zod'
import { BriefingSchema } from './briefing.js'
import { OpinionSchema } from './model.js'

const base = 'https://policybrief.dev/schema/'

/** The Briefing's semantic data: what the JSON renderer writes (the layout blocks stay out). */
export const BriefingDataSchema = BriefingSchema.omit({ blocks: true })
export type BriefingData = z.infer<typeof BriefingDataSchema>

export const briefingSchemaId = `${base}briefing.schema.json`
export const opinionSchemaId = `${base}opinion.schema.json`

/** JSON Schema (draft 2020-12) of the Opinion model, generated from the zod schema. */
export function opinionJsonSchema(): Record<string, unknown> {
  return { $id: opinionSchemaId, title: 'policybrief Opinion', ...z.toJSONSchema(OpinionSchema, { target: 'draft-2020-12' }) }
}

/** JSON Schema of the JSON renderer's output. */
export function briefingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(BriefingDataSchema, { target: 'draft-2020-12' }) as Record<string, unknown>
  const properties = { $schema: { type: 'string' }, ...(schema.properties as object) }
  return { $id: briefingSchemaId, title: 'policybrief Briefing', ...schema, properties }
}
