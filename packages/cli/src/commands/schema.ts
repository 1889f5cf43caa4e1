import { briefingJsonSchema, opinionJsonSchema } from '@policybrief/core'
import { UserError } from '../io.js'

export function schemaCommand(which: string): number {
  const schemas: Record<string, () => Record<string, unknown>> = { opinion: opinionJsonSchema, briefing: briefingJsonSchema }
  const make = schemas[which]
  if (!make) throw new UserError(`unknown schema ${which}; choose opinion or briefing`, 2)
  process.stdout.write(`${JSON.stringify(make(), null, 2)}\n`)
  return 0
}
