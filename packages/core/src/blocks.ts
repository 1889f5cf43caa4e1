import { z } from 'zod'

/**
 * The renderer-neutral layout of a briefing. Content is decided once, in `buildBriefing`; a renderer maps each
 * block type to its format with a `Record<Block['type'], handler>`, so a new block type breaks the type-check of
 * every renderer until it handles it.
 */
export const SourceRefSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  path: z.string().optional().describe('section path, e.g. 三、(一)1.'),
})
export type SourceRef = z.infer<typeof SourceRefSchema>

export const BlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('title'), text: z.string(), subtitle: z.string().optional() }),
  z.object({ type: z.literal('heading'), level: z.number().int().min(1).max(4), text: z.string() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), lead: z.string().optional().describe('a run-in title shown before the text') }),
  z.object({ type: z.literal('fields'), items: z.array(z.object({ label: z.string(), value: z.string() })) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.string()) }),
  z.object({
    type: z.literal('table'),
    columns: z.array(z.object({ label: z.string(), weight: z.number().positive().describe('relative width') })),
    rows: z.array(z.array(z.string())),
  }),
  z.object({ type: z.literal('quote'), text: z.string(), cite: z.string() }),
])
export type Block = z.infer<typeof BlockSchema>
export type BlockType = Block['type']
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>
