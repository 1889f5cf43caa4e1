import { readFileSync } from 'node:fs'
import { type Block, type Briefing, buildBriefing } from '@policybrief/core'
import { parseOpinion } from '@policybrief/parser'
import { renderJson } from '@policybrief/render-json'
import { renderMarkdown } from '@policybrief/render-markdown'
import Ajv2020 from 'ajv/dist/2020.js'
import type { Heading, Root, RootContent, Table } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { SEED, allBriefings, root, seedFiles } from './helpers.js'

const schema = JSON.parse(readFileSync(`${root}packages/core/schema/briefing.schema.json`, 'utf8'))
// ajv ships CommonJS: under ESM its class is the default export's `default`
const Ajv = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

const parseMd = (md: string) => unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(md) as Root

function toText(node: RootContent | Root): string {
  if (node.type === 'yaml') return ''
  if ('value' in node && typeof node.value === 'string') return node.value
  if ('children' in node) return (node.children as RootContent[]).map(toText).join('')
  return ''
}

function walk(node: Root | RootContent, visit: (n: RootContent) => void) {
  if (node.type !== 'root') visit(node)
  if (node.type === 'yaml') return
  if ('children' in node) for (const c of node.children as RootContent[]) walk(c, visit)
}

function mdStructure(tree: Root) {
  const headings: string[] = []
  const tables: string[][][] = []
  walk(tree, (n) => {
    if (n.type === 'heading') headings.push(toText(n as Heading))
    if (n.type === 'table') tables.push((n as Table).children.map((r) => r.children.map((c) => toText(c))))
  })
  return { headings, tables }
}

function blockStructure(blocks: Block[]) {
  const headings: string[] = []
  const tables: string[][][] = []
  for (const b of blocks) {
    if (b.type === 'title') headings.push(b.text)
    if (b.type === 'heading') headings.push(b.text)
    if (b.type === 'table') tables.push([b.columns.map((c) => c.label), ...b.rows])
  }
  return { headings, tables }
}

/** Task titles as the Markdown shows them: agency task headings, matrix rows, document section headings. */
function markdownTaskTitles(b: Briefing, tree: Root): Set<string> {
  const { headings, tables } = mdStructure(tree)
  const titles = new Set<string>()
  for (const t of b.tasks) {
    const shown =
      b.kind === 'agency'
        ? headings.some((h) => h === `${t.path} ${t.title}` || h === t.title)
        : b.kind === 'matrix'
          ? tables.some((table) => table.some((row) => row[1] === `${t.path}${t.title}`))
          : headings.some((h) => h.endsWith(t.title)) || t.title.endsWith('…')
    if (shown) titles.add(t.title)
  }
  return titles
}

describe('JSON and Markdown renderers on every briefing of every seed document', () => {
  for (const file of seedFiles) {
    it(file, () => {
      for (const b of allBriefings(file)) {
        const json = renderJson(b)
        const data = JSON.parse(json)
        expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
        expect(json.endsWith('}\n')).toBe(true)
        expect(data.$schema).toBe('https://policybrief.dev/schema/briefing.schema.json')
        expect(data.blocks).toBeUndefined()

        const md = renderMarkdown(b)
        const tree = parseMd(md)
        expect(mdStructure(tree)).toEqual(blockStructure(b.blocks))
        // the same set of task titles in both outputs
        const jsonTitles = new Set<string>(data.tasks.map((t: { title: string }) => t.title))
        expect(markdownTaskTitles(b, tree)).toEqual(jsonTitles)
      }
    })
  }

  it('is deterministic', () => {
    const [a] = allBriefings(SEED)
    expect(renderJson(a!)).toBe(renderJson(a!))
    expect(renderMarkdown(a!)).toBe(renderMarkdown(a!))
  })

  it('writes ordinary Chinese text without stray escapes', () => {
    const md = allBriefings(SEED).map(renderMarkdown).join('\n')
    expect(md).not.toMatch(/\\\[|&#x|http\\:|www\\\./)
    expect(md).toContain('市政府各委、办、局')
    expect(md).toMatch(/^---\ntitle: "北京市人民政府关于积极推进“互联网\+”行动的实施意见"\n/)
  })

  it('lets nothing in the source become Markdown or HTML', () => {
    const hostile = [
      '一、<script>alert(1)</script>标题',
      '（一）[点我](javascript:alert(1))。**粗体**_斜体_`代码`&amp;&#x41;<b>x</b>',
      '# 井号开头',
      '- 减号开头',
      '1. 数字开头',
      '> 引用开头',
      '| a | b |',
      '![img](x.png) ~~删除~~ 3~5年 \\* 反斜杠 [2016] http://www.gov.cn/a_b_c',
      '二、做好工作。（市商务委负责）',
    ].join('\n')
    const opinion = parseOpinion(`关于测试的意见\n${hostile}\n`).opinion
    for (const kind of ['document', 'matrix'] as const) {
      const b = buildBriefing(opinion, { kind })
      const tree = parseMd(renderMarkdown(b))
      const kinds = new Set<string>()
      walk(tree, (n) => kinds.add(n.type))
      for (const bad of ['html', 'image', 'inlineCode', 'emphasis', 'delete', 'code', 'definition']) expect(kinds.has(bad)).toBe(false)
      const links: string[] = []
      walk(tree, (n) => {
        if (n.type === 'link') links.push(n.url)
      })
      expect(links.every((u) => /^https?:\/\/www\.gov\.cn/.test(u))).toBe(true)
      // every paragraph of the source comes back as the same text
      const text = toText(tree)
      if (kind === 'document') {
        expect(text).toContain('<script>alert(1)</script>标题')
        expect(text).toContain('[点我](javascript:alert(1))')
        expect(text).toContain('**粗体**_斜体_`代码`&amp;&#x41;<b>x</b>')
        for (const line of ['# 井号开头', '- 减号开头', '1.数字开头', '> 引用开头', '| a | b |', '3~5年 \\* 反斜杠 [2016]']) {
          expect(text).toContain(line)
        }
      }
    }
  })
})
