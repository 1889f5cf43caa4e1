import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Section } from '@policybrief/core'
import { describe, expect, it } from 'vitest'
import { parseOpinion } from '../src/index.js'

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../../../seeds/${name}`, import.meta.url)))
const { opinion, messages } = parseOpinion(seed('beijing-internet-plus-2016.txt'), { name: 'seed' })

function find(sections: Section[], id: string): Section {
  for (const s of sections) {
    if (s.id === id) return s
    if (id.startsWith(`${s.id}.`)) return find(s.children, id)
  }
  throw new Error(`no section ${id}`)
}

describe('the seed: 北京市人民政府关于积极推进“互联网+”行动的实施意见', () => {
  it('reads the metadata', () => {
    expect(opinion.meta.title).toBe('北京市人民政府关于积极推进“互联网+”行动的实施意见')
    expect(opinion.meta.docType).toBe('实施意见')
    expect(opinion.meta.docNumber).toEqual({
      raw: '京政发[2016]4号',
      normalized: '京政发〔2016〕4号',
      issuerCode: '京政发',
      year: 2016,
      serial: 4,
    })
    expect(opinion.meta.issuer).toBe('北京市人民政府')
    expect(opinion.meta.date).toBe('2016-01-09')
    expect(opinion.meta.addressees).toEqual(['各区人民政府', '市政府各委、办、局', '各市属机构'])
    expect(opinion.source).toMatchObject({ name: 'seed', encoding: 'utf-8' })
  })

  it('keeps the news wrapper as the preface and starts the preamble at 为全面落实', () => {
    expect(opinion.meta.preface?.map((p) => p.text.slice(0, 2))).toEqual(['近日', '附:'])
    expect(opinion.preamble[0]?.text.startsWith('为全面落实')).toBe(true)
    const ref = opinion.meta.references.find((r) => r.title === '国务院关于积极推进“互联网+”行动的指导意见')
    expect(ref?.docNumber?.normalized).toBe('国发〔2015〕40号')
  })

  it('builds the numbered tree', () => {
    expect(opinion.sections.map((s) => s.title)).toEqual(['总体要求', '主要任务', '重点领域', '保障措施'])
    const areas = opinion.sections[2]!
    expect(areas.children.map((g) => g.children.length)).toEqual([6, 4, 4, 1])
    expect(areas.children.flatMap((g) => g.children.map((i) => i.number.value))).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    )
    expect(find(opinion.sections, '3.1.1').title).toBe('“互联网+”金融')
    expect(opinion.sections[3]!.children).toHaveLength(9)
    expect(find(opinion.sections, '1.2').paragraphs.map((p) => p.title)).toEqual(['服务大局', '融合创新', '完善机制', '安全可控'])
  })

  it('reads the goals with their targets', () => {
    expect(opinion.goals.map((g) => g.year)).toEqual([2018, 2025])
    expect(opinion.goals[0]!.targets).toHaveLength(4)
    expect(opinion.goals[0]!.targets[0]!.title).toBe('产业转型升级取得显著成效')
  })

  it('reads all 24 responsibility clauses exactly as written', () => {
    const rs = opinion.responsibilities
    expect(rs).toHaveLength(24)
    const finance = rs.find((r) => r.section === '3.1.1')!
    expect(finance.lead).toEqual(['市金融局'])
    expect(finance.responsible).toEqual([
      '人民银行营业管理部', '北京银监局', '北京证监局', '北京保监局', '市发展改革委', '市科委', '市经济信息化委',
      '中关村管委会', '市工商局', '市网信办',
    ])
    const safety = rs.find((r) => r.section === '3.2.2')!
    expect(safety.lead).toEqual([])
    expect(safety.responsible).toHaveLength(12)
    const last = rs.find((r) => r.section === '4.9')!
    expect(last.responsible).toEqual(['各有关部门', '各区政府'])
    expect(rs.every((r) => !r.open)).toBe(true)
    // (P2P), (RFID), (国发〔2015〕40号) and 街道(乡镇) are not clauses
    expect(rs.some((r) => /P2P|RFID|乡镇|国发/.test(r.raw))).toBe(false)
    expect(finance.text.startsWith('全面提升互联网金融服务能力')).toBe(true)
    expect(finance.text).not.toContain('负责')
  })

  it('lists 46 distinct bodies with their sections', () => {
    expect(opinion.agencies).toHaveLength(46)
    expect(opinion.agencies.filter((a) => a.kind === 'collective').map((a) => a.name)).toEqual(['各有关部门', '各区政府'])
    const ndrc = opinion.agencies.find((a) => a.name === '市发展改革委')!
    expect(ndrc.lead).toEqual(['3.1.5', '3.4.1'])
    expect(ndrc.responsible).toHaveLength(19)
  })

  it('warns about the heading that runs into its body, with its position', () => {
    const warning = messages.find((m) => m.ruleId === 'heading-runs-into-body')
    expect(warning?.position?.start).toMatchObject({ line: 28, column: 4 })
    expect(messages.filter((m) => m.severity === 'error')).toEqual([])
  })
})

describe('the corpus', () => {
  const expected: Array<[string, string, string, string, string, number]> = [
    ['gf2019-03_zongbao.txt', '国务院关于促进综合保税区高水平开放高质量发展的若干意见', '国发〔2019〕3号', '国务院', '2019-01-12', 21],
    ['gf2018-39_jiuye.txt', '国务院关于做好当前和今后一个时期促进就业工作的若干意见', '国发〔2018〕39号', '国务院', '2018-11-16', 15],
    ['gbf2018-121_tiyu.txt', '国务院办公厅关于加快发展体育竞赛表演产业的指导意见', '国办发〔2018〕121号', '国务院办公厅', '2018-12-11', 21],
    ['gbf2018-117_jili.txt', '国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知', '国办发〔2018〕117号', '国务院办公厅', '2018-12-06', 30],
    ['gf2014-40_nongmingong.txt', '国务院关于进一步做好为农民工服务工作的意见', '国发〔2014〕40号', '国务院', '2014-09-12', 25],
    ['gf2019-05_shuangsuiji.txt', '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '国发〔2019〕5号', '国务院', '2019-01-27', 0],
    ['bj-jzbf2011-31_jianzhulaji.txt', '北京市人民政府办公厅关于印发全面推进建筑垃圾综合管理循环利用工作意见的通知', '京政办发〔2011〕31号', '北京市人民政府办公厅', '2011-06-08', 0],
    ['gbh2005-57_liangshi-yuan.txt', '国务院办公厅关于印发国家粮食应急预案的函', '国办函〔2005〕57号', '国务院办公厅', '2005-06-11', 0],
  ]
  for (const [file, title, number, issuer, date, clauses] of expected) {
    it(`${number}: metadata and ${clauses} clauses`, () => {
      const { opinion: o } = parseOpinion(seed(file))
      expect([o.meta.title, o.meta.docNumber?.normalized, o.meta.issuer, o.meta.date]).toEqual([title, number, issuer, date])
      expect(o.responsibilities).toHaveLength(clauses)
    })
  }

  it('follows each document’s lead convention', () => {
    const zongbao = parseOpinion(seed('gf2019-03_zongbao.txt')).opinion.responsibilities
    expect(zongbao[0]).toMatchObject({ lead: ['税务总局'], responsible: ['财政部', '海关总署'] })
    expect(zongbao[1]).toMatchObject({ lead: ['海关总署'], responsible: ['财政部', '税务总局'] })
    const jiuye = parseOpinion(seed('gf2018-39_jiuye.txt')).opinion.responsibilities
    expect(jiuye[3]).toMatchObject({
      lead: ['人力资源社会保障部'],
      responsible: ['科技部', '财政部', '住房城乡建设部', '市场监管总局', '各省级人民政府'],
    })
    expect(jiuye[4]).toMatchObject({ lead: ['人力资源社会保障部'], responsible: [], open: true })
    // no convention stated: a plain list has no lead
    const tiyu = parseOpinion(seed('gbf2018-121_tiyu.txt')).opinion.responsibilities
    expect(tiyu[0]!.lead).toEqual([])
  })

  it('reads 会同, 分别会同, 分别负责 and 以下简称', () => {
    const rs = parseOpinion(seed('gf2014-40_nongmingong.txt')).opinion
    // 国务院农民工工作领导小组办公室〔以下简称农民工办〕: one body, listed under its short name in every clause
    expect(rs.responsibilities[0]!.lead).toEqual(['人力资源社会保障部', '农民工办'])
    expect(rs.responsibilities[0]!.raw).toContain('国务院农民工工作领导小组办公室〔以下简称农民工办〕')
    const both = rs.responsibilities.find((r) => r.raw.includes('分别会同') && r.raw.startsWith('（安全监管总局'))!
    expect(both.lead).toEqual(['安全监管总局', '卫生计生委'])
    expect(both.responsible[0]).toBe('发展改革委')
    const each = rs.responsibilities.find((r) => r.raw === '（全国总工会、共青团中央、全国妇联分别负责）')!
    expect(each).toMatchObject({ lead: [], responsible: ['全国总工会', '共青团中央', '全国妇联'] })
    expect(rs.agencies.find((a) => a.name === '农民工办')?.fullName).toBe('国务院农民工工作领导小组办公室')
    expect(rs.agencies.filter((a) => a.name.includes('农民工工作领导小组办公室'))).toEqual([])
    expect(rs.responsibilities.filter((r) => r.lead.includes('农民工办'))).toHaveLength(9)
  })

  it('splits several clauses inside one item, each covering the text before it', () => {
    const o = parseOpinion(seed('gbf2018-121_tiyu.txt')).opinion
    const inTen = o.responsibilities.filter((r) => r.section === '3.2')
    expect(inTen).toHaveLength(3)
    expect(inTen[1]!.text.startsWith('加强体育产业创新创业教育服务')).toBe(true)
  })

  it('keeps the outer and the attached title of a 通知 that issues an 意见', () => {
    const o = parseOpinion(seed('bj-jzbf2011-31_jianzhulaji.txt')).opinion
    expect(o.meta.attached?.[0]?.title).toBe('关于全面推进建筑垃圾综合管理循环利用工作的意见')
    expect(o.sections.map((s) => s.title)).toEqual(['指导思想', '工作目标', '重点任务', '保障措施'])
  })

  it('reads decimal numbering and skips the 目录', () => {
    const o = parseOpinion(seed('gbh2005-57_liangshi-yuan.txt')).opinion
    expect(o.sections.map((s) => s.title)).toEqual(['总则', '组织机构和职责', '预警监测', '应急响应', '应急保障', '后期处置', '附则'])
    expect(o.sections[0]!.children.map((s) => s.number.raw)).toEqual(['1.1', '1.2', '1.3', '1.4'])
  })
})
