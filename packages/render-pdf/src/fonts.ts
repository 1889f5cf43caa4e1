import * as fontkit from 'fontkit'

/** Where a font comes from: a file path (Node), or the bytes of a TTF/OTF (anywhere, including the browser). */
export type FontSource = string | Uint8Array

/** Roles a PDF briefing sets type in. `bold` is used for run-in titles and labels; `latin*` for Latin text and digits. */
export type PdfFontRole = 'title' | 'body' | 'bold' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'pageNumber' | 'latin' | 'latinBold'
export const pdfFontRoles: PdfFontRole[] = ['title', 'body', 'bold', 'heading1', 'heading2', 'heading3', 'heading4', 'pageNumber', 'latin', 'latinBold']

export class FontError extends Error {
  override name = 'FontError'
}

export type ParsedFont = fontkit.Font

/** Reads a file; supplied by the Node entry, absent in the browser. */
export type FileReader = (path: string) => Uint8Array

const byPath = new Map<string, ParsedFont>()
const byBytes = new WeakMap<Uint8Array, Map<string, ParsedFont>>()

function describeFormat(bytes: Uint8Array): 'woff' | 'woff2' | 'ttc' | 'sfnt' | 'unknown' {
  const tag = String.fromCharCode(...bytes.subarray(0, 4))
  if (tag === 'wOFF') return 'woff'
  if (tag === 'wOF2') return 'woff2'
  if (tag === 'ttcf') return 'ttc'
  if (tag === 'OTTO' || tag === 'true' || (bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0)) return 'sfnt'
  return 'unknown'
}

/**
 * Parses a TTF/OTF once per process (a pack renders dozens of PDFs) and checks it is one pdfkit can embed well:
 * WOFF/WOFF2 give huge or slow PDFs, and a TrueType collection needs the name of one face (`file.ttc#PostScriptName`).
 */
export function loadFont(source: FontSource, role: string, readFile?: FileReader): ParsedFont {
  let face = ''
  let bytes: Uint8Array
  let label: string
  if (typeof source === 'string') {
    const hash = source.lastIndexOf('#')
    const path = hash > 0 ? source.slice(0, hash) : source
    face = hash > 0 ? source.slice(hash + 1) : ''
    const cached = byPath.get(source)
    if (cached) return cached
    if (!readFile) throw new FontError(`font for ${role}: cannot read a file path here; pass the font's bytes (Uint8Array)`)
    try {
      bytes = readFile(path)
    } catch {
      throw new FontError(`font for ${role}: ${path} cannot be read; pass the path of a TTF or OTF file`)
    }
    label = path
    const font = parse(bytes, face, role, label)
    byPath.set(source, font)
    return font
  }
  bytes = source
  label = 'the bytes given'
  let faces = byBytes.get(bytes)
  const cached = faces?.get(face)
  if (cached) return cached
  const font = parse(bytes, face, role, label)
  if (!faces) byBytes.set(bytes, (faces = new Map()))
  faces.set(face, font)
  return font
}

function parse(bytes: Uint8Array, face: string, role: string, label: string): ParsedFont {
  const format = describeFormat(bytes)
  if (format === 'woff' || format === 'woff2') {
    throw new FontError(
      `font for ${role}: ${label} is ${format.toUpperCase()}, which makes CJK PDFs huge or slow; pass the TTF or OTF of the same font`,
    )
  }
  if (format === 'unknown') throw new FontError(`font for ${role}: ${label} is not a TTF, OTF or TTC font file`)
  let parsed: fontkit.Font | fontkit.FontCollection
  try {
    parsed = fontkit.create(bytes as Buffer, face || undefined) as fontkit.Font | fontkit.FontCollection
  } catch (error) {
    throw new FontError(`font for ${role}: ${label} cannot be read (${error instanceof Error ? error.message : String(error)})`)
  }
  if (!parsed || 'fonts' in parsed) {
    const names = parsed && 'fonts' in parsed ? parsed.fonts.map((f) => f.postscriptName) : []
    throw new FontError(
      `font for ${role}: ${label} is a TrueType collection; name one face as ${label}#PostScriptName${names.length ? ` (faces: ${names.join(', ')})` : ''}`,
    )
  }
  return parsed
}
