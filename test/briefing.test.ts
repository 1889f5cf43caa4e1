import {
  type Block,
  type Briefing,
  UnknownAgencyError,
  buildBriefing,
  builtinRegistry,
  findDeadline,
  mergeRegistries,
} from '@policybrief/core'
import { describe, expect, it } from 'vitest'
import { SEED, allBriefings, opinionOf, seedFiles } from './helpers.js'

const seed = opinionOf(SEED)

describe('agency briefings on the seed', () => {
  it('市发展改革委 leads 2 tasks and shares 19, each with its path and source line', () => {
    const b = buildBriefing(seed, { kind: 'agency', agency: '市发展改革委' })
    const led = b.tasks.filter((t) => t.role === 'lead')
    expect(led.map((t) => `${t.path}${t.title}`)).toEqual(['三、(一)5.“互联网+”能源', '三、(四)15.“互联网+”创新创业'])
    expect(b.tasks.filter((t) => t.role === 'shared')).toHaveLength(19)
    expect(b.summary).toMatchObject({ led: 2, shared: 19 })
    expect(b.tasks.every((t) => t.path.length > 0 && t.source.line > 0)).toBe(true)
    expect(led[0]!.source.line).toBe(35)
    expect(b.audience).toEqual({ name: '市发展改革委', fullName: '北京市发展和改革委员会', kind: 'body' })
    expect(b.matrix).toHaveLength(21)
  })
  it('市金融局 leads “互联网+”金融 and shares 商务, 保障措施 (六) and (八)', () => {
    const b = buildBriefing(seed, { kind: 'agency', agency: '市金融局' })
    expect(b.tasks.filter((t) => t.role === 'lead').map((t) => t.title)).toEqual(['“互联网+”金融'])
    const shared = b.tasks.filter((t) => t.role === 'shared')
    expect(shared.map((t) => t.path)).toEqual(['三、(一)2.', '四、(六)', '四、(八)'])
    expect(shared[0]!.coordinateWith).toEqual(['市商务委'])
    expect(shared[1]!.coordinateWith).toEqual([])
  })
  it('finds a body by full name or alias, and lists the nearest names for an unknown one', () => {
    expect(buildBriefing(seed, { kind: 'agency', agency: '北京市金融工作局' }).audience?.name).toBe('市金融局')
    expect(buildBriefing(seed, { kind: 'agency', agency: '各区人民政府' }).audience?.name).toBe('各区政府')
    expect(() => buildBriefing(seed, { kind: 'agency', agency: '市发改委' })).toThrow(UnknownAgencyError)
    try {
      buildBriefing(seed, { kind: 'agency', agency: '市发改委' })
    } catch (e) {
      expect((e as UnknownAgencyError).suggestions[0]).toBe('市发展改革委')
    }
  })
  it('a user registry extends the built-in one', () => {
    const registry = {
      jurisdictions: { beijing: { issuers: [], bodies: { 市规划委: { fullName: '北京市规划委员会' } } } },
    }
    const b = buildBriefing(seed, { kind: 'agency', agency: '北京市规划委员会', registry: mergeRegistries(builtinRegistry, registry) })
    expect(b.audience?.name).toBe('市规划委')
  })
})

describe('document and matrix briefings', () => {
  it('the matrix has 24 rows and the document briefing shows all 24 clauses', () => {
    const matrix = buildBriefing(seed, { kind: 'matrix' })
    expect(matrix.matrix).toHaveLength(24)
    const table = matrix.blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table')!
    expect(table.columns.map((c) => c.label)).toEqual(['序号', '任务', '牵头单位', '责任单位', '时限', '出处'])
    expect(table.rows).toHaveLength(24)
    const doc = buildBriefing(seed, { kind: 'document' })
    const clauseBlocks = doc.blocks.filter((b) => b.type === 'fields' && b.items[0]?.label === '牵头单位')
    expect(clauseBlocks).toHaveLength(24)
  })
  it('states a deadline only where the text does', () => {
    expect(findDeadline('力争2019年底前完成改造')).toBe('2019年底前')
    expect(findDeadline('到2018年，形成体系')).toBe('到2018年')
    expect(findDeadline('2020年6月底前出台办法')).toBe('2020年6月底前')
    expect(findDeadline('持续推进改革')).toBeUndefined()
    expect(buildBriefing(seed, { kind: 'matrix' }).matrix.filter((r) => r.deadline)).toEqual([])
  })
  it("locale 'en' changes labels only", () => {
    const zh = buildBriefing(seed, { kind: 'agency', agency: '市金融局' })
    const en = buildBriefing(seed, { kind: 'agency', agency: '市金融局', locale: 'en' })
    const data = (b: Briefing) => ({ ...b, locale: undefined, title: undefined, blocks: undefined })
    expect(data(en)).toEqual(data(zh))
    expect(en.blocks.find((b) => b.type === 'heading')).toEqual({ type: 'heading', level: 1, text: 'At a glance' })
    const quotes = (b: Briefing) => b.blocks.filter((x) => x.type === 'quote').map((x) => (x as { text: string }).text)
    expect(quotes(en)).toEqual(quotes(zh))
  })
})

describe('every document in seeds/', () => {
  for (const file of seedFiles) {
    it(`${file}: briefings for the document, the matrix and every body`, () => {
      const briefings = allBriefings(file)
      expect(briefings.length).toBe(2 + opinionOf(file).agencies.length)
      for (const b of briefings) expect(b.blocks.length).toBeGreaterThan(1)
      if (opinionOf(file).responsibilities.length === 0) {
        const texts = briefings.flatMap((b) => b.blocks).filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text)
        expect(texts).toContain('本文件没有列明牵头或负责单位的责任分工条款。')
      }
    })
  }
})
