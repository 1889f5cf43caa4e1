import sansUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url'
import serifUrl from '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf?url'
import { type BriefingOptions, type Opinion, type Section, buildBriefing, resolveAgencies } from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'
import { renderDocx } from '@policybrief/render-docx'
import { renderJson } from '@policybrief/render-json'
import { renderMarkdown } from '@policybrief/render-markdown'
import { renderPdf } from '@policybrief/render-pdf'
import seedUrl from '../../../seeds/beijing-internet-plus-2016.txt?url'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const source = $<HTMLTextAreaElement>('source')
const status = $<HTMLSpanElement>('status')
let current: { opinion: Opinion; text: string; name: string } | undefined

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className) node.className = className
  return node
}

function table(target: HTMLTableElement, header: string[], rows: string[][]): void {
  target.replaceChildren()
  const head = el('tr')
  for (const h of header) head.append(el('th', h))
  target.append(head)
  for (const row of rows) {
    const tr = el('tr')
    for (const cell of row) tr.append(el('td', cell))
    target.append(tr)
  }
}

function outline(sections: Section[]): HTMLOListElement {
  const list = el('ol')
  for (const s of sections) {
    const item = el('li', `${s.number.raw}${s.title}`)
    if (s.children.length) item.append(outline(s.children))
    list.append(item)
  }
  return list
}

/** Parses the input (text or bytes, UTF-8 or GB18030) and shows everything the model holds. */
function show(input: string | Uint8Array, name: string): void {
  const { opinion, messages } = parseOpinion(input, { name })
  const text = typeof input === 'string' ? input : new TextDecoder(opinion.source.encoding === 'gb18030' ? 'gb18030' : 'utf-8').decode(input)
  current = { opinion, text, name }
  if (typeof input !== 'string') source.value = text
  $('output').hidden = false
  const m = opinion.meta
  const meta = $('meta')
  meta.replaceChildren(el('h2', m.title || '（无标题）'))
  const dl = el('dl')
  for (const [k, v] of [
    ['文号', m.docNumber?.normalized],
    ['文种', m.docType],
    ['发文机关', m.issuer],
    ['成文日期', m.date],
    ['主送', m.addressees.join('，')],
    ['编码', opinion.source.encoding],
  ] as const) {
    if (!v) continue
    dl.append(el('dt', k), el('dd', v))
  }
  meta.append(dl)
  $('outline').replaceChildren(...outline(opinion.sections).children)
  const list = $('messages')
  list.replaceChildren()
  for (const msg of messages) {
    const line = msg.position?.start.line
    const item = el('li', `${line ? `${line}:${msg.position!.start.column} ` : ''}${msg.reason} [${msg.ruleId}]`, msg.severity)
    if (line) item.addEventListener('click', () => showLine(line))
    list.append(item)
  }
  if (messages.length === 0) list.append(el('li', '没有提示 No messages', 'info'))
  const agencies = resolveAgencies(opinion)
  $('body-count').textContent = `(${agencies.length})`
  table($('bodies'), ['单位', '全称', '类型', '牵头', '参与'], agencies.map((a) => [a.name, a.fullName ?? '', a.kind === 'collective' ? '统称' : '单位', String(a.led), String(a.shared)]))
  const matrix = buildBriefing(opinion, { kind: 'matrix' }).matrix
  $('clause-count').textContent = `(${matrix.length})`
  table($('matrix'), ['序号', '任务', '牵头单位', '责任单位', '时限', '行'], matrix.map((r) => [String(r.index), r.task, r.lead.join('、'), r.responsible.join('、'), r.deadline ?? '', String(r.source.line)]))
  const target = $<HTMLSelectElement>('target')
  target.replaceChildren(new Option('文件简报 Document', 'document'), new Option('分工表 Matrix', 'matrix'))
  for (const a of agencies) target.append(new Option(a.name, `agency:${a.name}`))
}

function showLine(line: number): void {
  if (!current) return
  const pre = $<HTMLPreElement>('source-line')
  pre.hidden = false
  pre.textContent = `第${line}行: ${current.text.split(/\r\n|\r|\n/)[line - 1] ?? ''}`
}

let fonts: Promise<{ body: Uint8Array; heading1: Uint8Array }> | undefined
const fetchBytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer())
function loadFonts() {
  fonts ??= Promise.all([fetchBytes(serifUrl), fetchBytes(sansUrl)]).then(([body, heading1]) => ({ body, heading1 }))
  return fonts
}

async function download(format: string): Promise<void> {
  if (!current) return
  const value = $<HTMLSelectElement>('target').value
  const options: BriefingOptions = value.startsWith('agency:') ? { kind: 'agency', agency: value.slice(7) } : { kind: value as 'document' | 'matrix' }
  const briefing = buildBriefing(current.opinion, options)
  status.textContent = '生成中 Rendering…'
  let data: string | Uint8Array
  let type: string
  if (format === 'docx') {
    data = await renderDocx(briefing)
    type = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  } else if (format === 'pdf') {
    data = await renderPdf(briefing, { fonts: await loadFonts() })
    type = 'application/pdf'
  } else if (format === 'md') {
    data = renderMarkdown(briefing)
    type = 'text/markdown'
  } else {
    data = renderJson(briefing)
    type = 'application/json'
  }
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }))
  const a = el('a')
  a.href = url
  a.download = `${value.replace(/^agency:/, '')}.${format}`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  status.textContent = `已生成 ${a.download}`
}

$('load-seed').addEventListener('click', async () => {
  const bytes = await fetchBytes(seedUrl)
  show(bytes, 'beijing-internet-plus-2016.txt')
})
$<HTMLInputElement>('file').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0]
  if (file) show(new Uint8Array(await file.arrayBuffer()), file.name)
})
source.addEventListener('input', () => show(source.value, 'pasted'))
source.addEventListener('dragover', (e) => {
  e.preventDefault()
  source.classList.add('drop')
})
source.addEventListener('dragleave', () => source.classList.remove('drop'))
source.addEventListener('drop', async (e) => {
  e.preventDefault()
  source.classList.remove('drop')
  const file = e.dataTransfer?.files[0]
  if (file) show(new Uint8Array(await file.arrayBuffer()), file.name)
})
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-format]')) {
  button.addEventListener('click', () =>
    download(button.dataset.format!).catch((error: unknown) => {
      status.textContent = `失败 Failed: ${error instanceof Error ? error.message : String(error)}`
    }),
  )
}
