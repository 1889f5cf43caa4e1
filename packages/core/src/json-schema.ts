import { z } from 'zod'
import { OpinionSchema } from './model.js'

/** JSON Schema (draft 2020-12) of the Opinion model, generated from the zod schema. */
export function opinionJsonSchema(): Record<string, unknown> {
  return {
    $id: 'https://policybrief.dev/schema/opinion.schema.json',
    title: 'policybrief Opinion',
    ...z.toJSONSchema(OpinionSchema, { target: 'draft-2020-12' }),
  }
}
