import { type Block, type BlockOf, type Briefing, type Renderer } from '@policybrief/core'
import type { BlockContent, Heading, List, PhrasingContent, Root, RootContent, Table, Text } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkStringify from 'remark-stringify'
import stringWidth from 'string-width'
import { unified } from 'unified'
import { u } from 'unist-builder'
import { escapeText } from './escape.js'

type Handlers = { [T in Block['type']]: (block: BlockOf<T>) => RootContent[] }

const text = (value: string): Text => u('text', value)

/** `**label**：value` — the punctuation right after the strong keeps it strong next to CJK text. */
function labelled(label: string, value: string, separator = '：'): PhrasingContent[] {
  return [u('strong', [text(label)]), text(`${separator}${value}`)]
}

const handlers: Handlers = {
  title: (b) => [
    u('heading', { depth: 1 as const }, [text(b.text)]) as Heading,
    ...(b.subtitle ? [u('paragraph', [u('strong', [text(b.subtitle)])])] : []),
  ],
  heading: (b) => [u('heading', { depth: Math.min(b.level + 1, 6) as Heading['depth'] }, [text(b.text)]) as Heading],
  paragraph: (b) => [u('paragraph', b.lead ? labelled(b.lead, b.text, '。') : [text(b.text)])],
  fields: (b) => [
    u('list', { ordered: false, spread: false }, b.items.map((f) => u('listItem', { spread: false }, [u('paragraph', labelled(f.label, f.value))]))) as List,
  ],
  list: (b) => [
    u('list', { ordered: b.ordered, spread: false }, b.items.map((item) => u('listItem', { spread: false }, [u('paragraph', [text(item)])]))) as List,
  ],
  table: (b) => [
    u('table', { align: b.columns.map(() => null) }, [
      u('tableRow', b.columns.map((c) => u('tableCell', [text(c.label)]))),
      ...b.rows.map((row) => u('tableRow', row.map((cell) => u('tableCell', cell ? [text(cell)] : [])))),
    ]) as Table,
  ],
  quote: (b) => [
    u('blockquote', [
      ...b.text.split('\n').map((line) => u('paragraph', [text(line)]) as BlockContent),
      u('paragraph', [text(`—— ${b.cite}`)]) as BlockContent,
    ]),
  ],
}

/** Block → mdast, through the typed map (a new block type fails the type-check here until handled). */
export function toMdast(blocks: Block[]): Root {
  return u('root', blocks.flatMap((b) => (handlers[b.type] as (block: Block) => RootContent[])(b)))
}

/** YAML front matter; JSON strings are valid YAML double-quoted scalars, so no value can break out. */
function frontMatter(briefing: Briefing): string {
  const d = briefing.document
  const fields: Array<[string, string | undefined]> = [
    ['title', d.title],
    ['briefing', briefing.title],
    ['docNumber', d.docNumber?.normalized],
    ['issuer', d.issuer],
    ['date', d.date],
    ['audience', briefing.audience?.fullName ?? briefing.audience?.name],
    ['kind', briefing.kind],
    ['locale', briefing.locale],
  ]
  const lines = fields.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
  return `---\n${lines.join('\n')}\n---\n\n`
}

export function renderMarkdown(briefing: Briefing): string {
  const processor = unified()
    .use(remarkGfm, { stringLength: stringWidth, tablePipeAlign: true })
    .use(remarkStringify, {
      bullet: '-',
      rule: '-',
      handlers: {
        text: (node: Text, parent, state, info) =>
          escapeText(node.value, {
            lineStart: info.before === '\n' || info.before === '' || parent?.children[0] === node,
            inTable: state.stack.includes('tableCell'),
          }),
      },
    })
  const body = processor.stringify(toMdast(briefing.blocks))
  return frontMatter(briefing) + body
}

export const markdownRenderer: Renderer = {
  name: 'md',
  mediaType: 'text/markdown; charset=utf-8',
  extension: '.md',
  render: async (briefing) => renderMarkdown(briefing),
}
