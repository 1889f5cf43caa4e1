/**
 * The parts of a WordprocessingML package other than the body: content types, relationships, document properties
 * and settings. Only what a briefing uses is declared, so every part listed is present and every part present is listed.
 */

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
export const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

// characters XML 1.0 cannot carry (C0 controls other than tab and the line breaks, U+FFFE/U+FFFF, lone surrogates)
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

/** Text and attribute values: markup characters escaped, characters XML cannot carry replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!).replace(NOT_XML, '\ufffd')
}

export interface PackageParts {
  document: string
  styles: string
  settings: string
  footers: string[]
  core: string
}

/** Part name → XML, in the order they are written to the ZIP ([Content_Types].xml first, as Word writes it). */
export function packageFiles(parts: PackageParts): Record<string, string> {
  const footerName = (i: number) => `footer${i + 1}.xml`
  const override = (name: string, type: string) =>
    `<Override PartName="${name}" ContentType="application/vnd.openxmlformats-${type}"/>`
  const relationship = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`
  return {
    '[Content_Types].xml':
      `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      override('/word/document.xml', 'officedocument.wordprocessingml.document.main+xml') +
      override('/word/styles.xml', 'officedocument.wordprocessingml.styles+xml') +
      override('/word/settings.xml', 'officedocument.wordprocessingml.settings+xml') +
      parts.footers.map((_, i) => override(`/word/${footerName(i)}`, 'officedocument.wordprocessingml.footer+xml')).join('') +
      override('/docProps/core.xml', 'package.core-properties+xml') +
      override('/docProps/app.xml', 'officedocument.extended-properties+xml') +
      '</Types>',
    '_rels/.rels':
      `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      relationship('rId1', `${REL}/officeDocument`, 'word/document.xml') +
      relationship('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
      relationship('rId3', `${REL}/extended-properties`, 'docProps/app.xml') +
      '</Relationships>',
    'docProps/core.xml': parts.core,
    'docProps/app.xml':
      `${DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
      '<Application>policybrief</Application></Properties>',
    'word/_rels/document.xml.rels':
      `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      relationship('rId1', `${REL}/styles`, 'styles.xml') +
      relationship('rId2', `${REL}/settings`, 'settings.xml') +
      parts.footers.map((_, i) => relationship(footerRelationship(i), `${REL}/footer`, footerName(i))).join('') +
      '</Relationships>',
    'word/document.xml': parts.document,
    'word/styles.xml': parts.styles,
    'word/settings.xml': parts.settings,
    ...Object.fromEntries(parts.footers.map((xml, i) => [`word/${footerName(i)}`, xml])),
  }
}

/** The relationship id of the i-th footer, as the section properties refer to it. */
export function footerRelationship(i: number): string {
  return `rIdFooter${i + 1}`
}

/** A root element with the WordprocessingML namespaces. */
export function wordPart(tag: string, content: string): string {
  return `${DECLARATION}<w:${tag} xmlns:w="${W_NS}" xmlns:r="${R_NS}">${content}</w:${tag}>`
}

/**
 * Even and odd footers; Chinese line-breaking rules (no closing punctuation at the start of a line) and punctuation
 * compression, as Word sets them for a zh-CN document.
 */
export function settingsXml(): string {
  return wordPart(
    'settings',
    '<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>' +
      '<w:characterSpacingControl w:val="compressPunctuation"/>' +
      '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
      '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>',
  )
}

export interface CoreProperties {
  title: string
  subject: string
  description: string
  keywords: string
  /** W3CDTF, e.g. 2000-01-01T00:00:00Z */
  date: string
}

/** docProps/core.xml with the date given, so the same briefing gives the same bytes. */
export function coreXml(p: CoreProperties): string {
  const el = (tag: string, value: string) => `<${tag}>${escapeXml(value)}</${tag}>`
  return (
    DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', p.title) +
    el('dc:subject', p.subject) +
    el('dc:creator', 'policybrief') +
    el('cp:keywords', p.keywords) +
    el('dc:description', p.description) +
    el('cp:lastModifiedBy', 'policybrief') +
    el('cp:revision', '1') +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${p.date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${p.date}</dcterms:modified>` +
    '</cp:coreProperties>'
  )
}
