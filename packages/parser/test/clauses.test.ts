import { describe, expect, it } from 'vitest'
import { parseOpinion } from '../src/index.js'

const doc = (body: string) =>
  `国务院关于测试的意见\n国发〔2020〕1号\n各省、自治区、直辖市人民政府：\n${body}\n国务院\n2020年1月1日\n`
const clauses = (body: string) => parseOpinion(doc(body)).opinion.responsibilities

describe('responsibility clauses', () => {
  it('reads X牵头 and A、B负责', () => {
    expect(clauses('一、任务\n（一）做好工作。推进。(市金融局牵头,市科委、市财政局负责)')[0]).toMatchObject({
      lead: ['市金融局'],
      responsible: ['市科委', '市财政局'],
      open: false,
      raw: '(市金融局牵头,市科委、市财政局负责)',
    })
  })
  it('reads 牵头负责, 会同, 配合 and 等', () => {
    expect(clauses('一、做好工作。（商务部牵头负责）')[0]).toMatchObject({ lead: ['商务部'], responsible: [] })
    expect(clauses('一、做好工作。（国家发展改革委会同有关部门负责）')[0]).toMatchObject({
      lead: ['国家发展改革委'],
      responsible: ['有关部门'],
    })
    expect(clauses('一、做好工作。（财政部负责，税务总局配合）')[0]).toMatchObject({ responsible: ['财政部', '税务总局'] })
    expect(clauses('一、做好工作。（海关总署、商务部等有关部门负责）')[0]).toMatchObject({ open: true, responsible: ['海关总署', '商务部'] })
  })
  it('lists a body introduced with 以下简称 under its short name, wherever the clause introduces it', () => {
    const o = parseOpinion(doc('一、做好工作。（财政部牵头国务院扶贫开发领导小组办公室〔以下简称扶贫办〕负责）\n二、落实。（扶贫办负责）')).opinion
    expect(o.responsibilities.map((r) => r.responsible)).toEqual([['扶贫办'], ['扶贫办']])
    expect(o.agencies.find((a) => a.name === '扶贫办')).toMatchObject({ fullName: '国务院扶贫开发领导小组办公室', responsible: ['1', '2'] })
  })
  it('follows a convention stated in prose, also for bare lists', () => {
    const rs = clauses('各项任务中排在第一位的部门为牵头部门。\n一、做好工作。（海关总署、商务部负责）\n二、做好工作。（海关总署、财政部）')
    expect(rs.map((r) => r.lead)).toEqual([['海关总署'], ['海关总署']])
    expect(rs[1]!.responsible).toEqual(['财政部'])
  })
  it('does not follow a convention before it is stated', () => {
    const rs = clauses('一、做好工作。（海关总署、商务部负责）\n二、做好工作。（财政部、商务部负责，排在第一位的部门为牵头部门，下同）')
    expect(rs.map((r) => r.lead)).toEqual([[], ['财政部']])
  })
  it('ignores brackets and sentences that are not clauses', () => {
    const body = [
      '一、做好工作。稳妥推进个人对个人(P2P)小额借贷和(RFID)应用，落实《指导意见》(国发〔2015〕40号)。',
      '二、支持各类职业院校（含技工院校）开展培训（技工院校内由人力资源社会保障行政部门负责）。',
      '三、建立由发展改革委牵头的联席会议制度，街道(乡镇)负责具体落实。(试行)',
    ].join('\n')
    expect(clauses(body)).toEqual([])
  })
  it('a bare list without a stated convention is not a clause', () => {
    expect(clauses('一、做好工作。（海关总署、商务部）')).toEqual([])
  })
  it('gives each of several clauses in one item the text since the previous one', () => {
    const rs = clauses('一、做好工作。甲事项。（商务部负责）乙事项。（财政部负责）')
    expect(rs.map((r) => r.text)).toEqual(['甲事项。', '乙事项。'])
  })
})
