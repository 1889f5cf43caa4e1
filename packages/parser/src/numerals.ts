const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/** 一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105; undefined when it is not a numeral. */
export function chineseToInt(text: string): number | undefined {
  if (text.length === 0 || text.length > 8) return undefined
  let total = 0
  let current = 0
  let seenUnit = false
  for (const ch of text) {
    const d = DIGITS[ch]
    if (d !== undefined) {
      current = d
    } else if (ch === '十') {
      total += (current || 1) * 10
      current = 0
      seenUnit = true
    } else if (ch === '百') {
      total += (current || 1) * 100
      current = 0
      seenUnit = true
    } else {
      return undefined
    }
  }
  if (!seenUnit && text.length > 1) {
    // digit by digit, as in years: 二〇一一
    let value = 0
    for (const ch of text) value = value * 10 + DIGITS[ch]!
    return value
  }
  return total + current
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'
export function circledToInt(ch: string): number | undefined {
  const i = CIRCLED.indexOf(ch)
  return i < 0 ? undefined : i + 1
}

const CN_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/
const ARABIC_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/

/** A signature date (`2016年1月9日`, `二〇一一年六月八日`, spaces ignored) as YYYY-MM-DD. */
export function parseDate(text: string): string | undefined {
  const compact = text.replace(/ /g, '')
  let y: number | undefined
  let m: number | undefined
  let d: number | undefined
  const arabic = ARABIC_DATE.exec(compact)
  if (arabic) {
    y = Number(arabic[1])
    m = Number(arabic[2])
    d = Number(arabic[3])
  } else {
    const cn = CN_DATE.exec(compact)
    if (!cn) return undefined
    y = chineseToInt(cn[1]!)
    m = chineseToInt(cn[2]!)
    d = chineseToInt(cn[3]!)
  }
  if (y === undefined || m === undefined || d === undefined) return undefined
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
