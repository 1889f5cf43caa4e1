export type Locale = 'zh-CN' | 'en'
export const locales: Locale[] = ['zh-CN', 'en']

/** Every label a briefing uses. The document's own text is never translated. */
export interface Labels {
  agencyBriefing: (name: string) => string
  documentBriefing: string
  matrixBriefing: string
  docNumber: string
  issuer: string
  date: string
  docType: string
  audience: string
  source: string
  atAGlance: string
  tasksLed: string
  tasksShared: string
  partners: string
  count: (n: number) => string
  led: string
  shared: string
  noneLed: string
  noneShared: string
  coordinateWith: string
  joint: string
  coResponsible: string
  leadBody: string
  responsibleBodies: string
  deadline: string
  goalsAndPrinciples: string
  goals: string
  principles: string
  matrix: string
  matrixColumns: [string, string, string, string, string, string]
  sourceLine: (path: string, line: number) => string
  noClauses: string
  openList: string
  preface: string
  preamble: string
  attached: string
  none: string
  listSeparator: string
}

const zh: Labels = {
  agencyBriefing: (name) => `${name}任务简报`,
  documentBriefing: '文件简报',
  matrixBriefing: '重点任务分工表',
  docNumber: '文号',
  issuer: '发文机关',
  date: '成文日期',
  docType: '文种',
  audience: '简报对象',
  source: '来源文件',
  atAGlance: '概览',
  tasksLed: '牵头任务',
  tasksShared: '参与任务',
  partners: '主要协同单位',
  count: (n) => `${n}项`,
  led: '牵头',
  shared: '参与',
  noneLed: '本单位在本文件中没有牵头任务。',
  noneShared: '本单位在本文件中没有参与任务。',
  coordinateWith: '协调对象（牵头单位）',
  joint: '共同负责（未明确牵头单位）',
  coResponsible: '其他责任单位',
  leadBody: '牵头单位',
  responsibleBodies: '责任单位',
  deadline: '时限',
  goalsAndPrinciples: '目标与原则',
  goals: '目标',
  principles: '基本原则',
  matrix: '分工表',
  matrixColumns: ['序号', '任务', '牵头单位', '责任单位', '时限', '出处'],
  sourceLine: (path, line) => (path ? `${path}（第${line}行）` : `第${line}行`),
  noClauses: '本文件没有列明牵头或负责单位的责任分工条款。',
  openList: '等',
  preface: '前言',
  preamble: '导语',
  attached: '附件文件',
  none: '无',
  listSeparator: '、',
}

const en: Labels = {
  agencyBriefing: (name) => `Briefing for ${name}`,
  documentBriefing: 'Document briefing',
  matrixBriefing: 'Responsibility matrix',
  docNumber: 'Document number',
  issuer: 'Issuer',
  date: 'Date',
  docType: 'Document type',
  audience: 'Prepared for',
  source: 'Source file',
  atAGlance: 'At a glance',
  tasksLed: 'Tasks led',
  tasksShared: 'Tasks shared',
  partners: 'Main partners',
  count: (n) => String(n),
  led: 'lead',
  shared: 'shared',
  noneLed: 'This body leads no task in this document.',
  noneShared: 'This body shares no task in this document.',
  coordinateWith: 'Coordinate with (lead)',
  joint: 'Joint responsibility (no lead named)',
  coResponsible: 'Other responsible bodies',
  leadBody: 'Lead',
  responsibleBodies: 'Responsible',
  deadline: 'Deadline',
  goalsAndPrinciples: 'Goals and principles',
  goals: 'Goals',
  principles: 'Principles',
  matrix: 'Responsibility matrix',
  matrixColumns: ['No.', 'Task', 'Lead', 'Responsible', 'Deadline', 'Source'],
  sourceLine: (path, line) => (path ? `${path} (line ${line})` : `line ${line}`),
  noClauses: 'This document names no lead or responsible bodies for its tasks.',
  openList: 'etc.',
  preface: 'Preface',
  preamble: 'Preamble',
  attached: 'Attached document',
  none: 'none',
  listSeparator: ', ',
}

export function labelsFor(locale: Locale): Labels {
  return locale === 'en' ? en : zh
}
