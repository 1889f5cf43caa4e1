import { z } from 'zod'

/** Bumped whenever the shape of `Opinion` changes in a way a consumer could notice. */
export const schemaVersion = 1

export const PointSchema = z.object({
  line: z.number().int().min(1).describe('1-based line'),
  column: z.number().int().min(1).describe('1-based column, in UTF-16 code units'),
  offset: z.number().int().min(0).describe('0-based offset into the decoded text, in UTF-16 code units'),
})
export type Point = z.infer<typeof PointSchema>

/** A span of the decoded source, as in unist. */
export const PositionSchema = z.object({ start: PointSchema, end: PointSchema })
export type Position = z.infer<typeof PositionSchema>

export const NumberingSchemeSchema = z
  .enum(['zh-dun', 'zh-paren', 'digit-dot', 'digit-paren', 'circled', 'decimal'])
  .describe('一、 | （一） | 1. | （1） | ① | 1 / 1.1 / 1.2.1')
export type NumberingScheme = z.infer<typeof NumberingSchemeSchema>

export const ParagraphSchema = z.object({
  text: z.string().describe('the paragraph as written, without a run-in title'),
  title: z.string().optional().describe('a run-in title such as 服务大局 or “互联网+”金融'),
  position: PositionSchema,
})
export type Paragraph = z.infer<typeof ParagraphSchema>

export const SectionNumberSchema = z.object({
  raw: z.string().describe('the number as written, e.g. (一) or 1.'),
  value: z.number().int().describe('its value; for decimal numbers the last component'),
  scheme: NumberingSchemeSchema,
})
export type SectionNumber = z.infer<typeof SectionNumberSchema>

export interface Section {
  id: string
  level: number
  number: SectionNumber
  title: string
  paragraphs: Paragraph[]
  children: Section[]
  position: Position
}

export const SectionSchema: z.ZodType<Section> = z.object({
  id: z.string().describe('path of 1-based indices in the tree, e.g. 3.1.1'),
  level: z.number().int().min(1),
  number: SectionNumberSchema,
  title: z.string(),
  paragraphs: z.array(ParagraphSchema),
  get children() {
    return z.array(SectionSchema)
  },
  position: PositionSchema,
})

export const DocNumberSchema = z.object({
  raw: z.string().describe('as written, e.g. 京政发[2016]4号'),
  normalized: z.string().describe('GB/T 9704 form, e.g. 京政发〔2016〕4号'),
  issuerCode: z.string(),
  year: z.number().int(),
  serial: z.number().int(),
})
export type DocNumber = z.infer<typeof DocNumberSchema>

export const ReferenceSchema = z.object({
  title: z.string().describe('the title inside 《》'),
  docNumber: DocNumberSchema.optional(),
  position: PositionSchema,
})
export type Reference = z.infer<typeof ReferenceSchema>

export const AttachedDocumentSchema = z.object({
  title: z.string(),
  docType: z.string().optional(),
  position: PositionSchema,
})
export type AttachedDocument = z.infer<typeof AttachedDocumentSchema>

export const MetaSchema = z.object({
  title: z.string().describe('multi-line titles joined'),
  docType: z.string().optional().describe('意见, 实施意见, 通知, 方案, 函 … from the title'),
  docNumber: DocNumberSchema.optional(),
  issuer: z.string().optional().describe('from the signature'),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  addressees: z.array(z.string()),
  references: z.array(ReferenceSchema),
  preface: z.array(ParagraphSchema).optional().describe('text before the document proper, e.g. a news wrapper'),
  attached: z
    .array(AttachedDocumentSchema)
    .optional()
    .describe('documents wrapped by this one (the 意见 a 通知 issues, a 附件)'),
})
export type Meta = z.infer<typeof MetaSchema>

export const GoalSchema = z.object({
  year: z.number().int(),
  text: z.string(),
  targets: z.array(z.object({ title: z.string(), text: z.string() })),
  section: z.string().optional().describe('id of the section holding the goal'),
  position: PositionSchema,
})
export type Goal = z.infer<typeof GoalSchema>

export const ResponsibilitySchema = z.object({
  id: z.string().describe('r1, r2, … in document order'),
  section: z.string().describe('id of the section the clause belongs to'),
  lead: z.array(z.string()).describe('bodies that lead (牵头, first listed by convention, subject of 会同)'),
  responsible: z.array(z.string()).describe('the other bodies named, lead excluded'),
  open: z.boolean().describe('the list ends in 等'),
  raw: z.string().describe('the clause as written, brackets included'),
  text: z.string().describe('the task the clause covers: the text since the previous clause'),
  position: PositionSchema,
})
export type Responsibility = z.infer<typeof ResponsibilitySchema>

export const AgencyKindSchema = z.enum(['body', 'collective'])
export type AgencyKind = z.infer<typeof AgencyKindSchema>

export const AgencySchema = z.object({
  name: z.string().describe('as written in the document'),
  kind: AgencyKindSchema,
  fullName: z.string().optional(),
  lead: z.array(z.string()).describe('ids of the sections it leads'),
  responsible: z.array(z.string()).describe('ids of the sections it shares'),
})
export type Agency = z.infer<typeof AgencySchema>

export const EncodingSchema = z.enum(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030', 'text'])
export type Encoding = z.infer<typeof EncodingSchema>

export const SourceSchema = z.object({
  name: z.string().optional(),
  encoding: EncodingSchema.describe('how the bytes were decoded; text when a string was passed'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  length: z.number().int().min(0).describe('length of the decoded text in UTF-16 code units'),
})
export type Source = z.infer<typeof SourceSchema>

export const OpinionSchema = z.object({
  schemaVersion: z.literal(schemaVersion),
  source: SourceSchema,
  meta: MetaSchema,
  preamble: z.array(ParagraphSchema),
  sections: z.array(SectionSchema),
  goals: z.array(GoalSchema),
  responsibilities: z.array(ResponsibilitySchema),
  agencies: z.array(AgencySchema),
})
export type Opinion = z.infer<typeof OpinionSchema>
