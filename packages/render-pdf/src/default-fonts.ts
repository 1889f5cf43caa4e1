import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { FileReader, FontSource, PdfFontRole } from './fonts.js'

const require = createRequire(import.meta.url)

/** Node only: the OFL fonts that arrive with `npm install`, by role, and a file reader for font paths. */
export const readFile: FileReader = (path) => readFileSync(path)


function resolveFont(pkg: string, dir: string, name: string): string {
  return require.resolve(`@expo-google-fonts/${pkg}/${dir}/${name}`)
}

let defaults: Record<PdfFontRole, FontSource> | undefined

export function defaultFonts(): Record<PdfFontRole, FontSource> {
  if (!defaults) {
    const serif = resolveFont('noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf')
    const serifBold = resolveFont('noto-serif-sc', '700Bold', 'NotoSerifSC_700Bold.ttf')
    const sans = resolveFont('noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf')
    defaults = {
      title: serifBold,
      body: serif,
      bold: serifBold,
      heading1: sans,
      heading2: serifBold,
      heading3: serif,
      heading4: serif,
      pageNumber: serif,
      latin: resolveFont('noto-serif', '400Regular', 'NotoSerif_400Regular.ttf'),
      latinBold: resolveFont('noto-serif', '700Bold', 'NotoSerif_700Bold.ttf'),
    }
  }
  return defaults
}
