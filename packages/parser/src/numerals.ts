const DIGITS = new Map([...'〇零一二两三四五六七八九'].map((ch, i) => [ch.charCodeAt(0), [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9][i]!]))
const TEN = 0x5341 // 十
const HUNDRED = 0x767e // 百

/** 一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105 in text[from, to); undefined when it is not a numeral. */
export function chineseToInt(text: string, from = 0, to = text.length): number | undefined {
  const length = to - from
  if (length <= 0 || length > 8) return undefined
  let total = 0
  let current = 0
  let seenUnit = false
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    const d = DIGITS.get(c)
    if (d !== undefined) {
      current = d
    } else if (c === TEN || c === HUNDRED) {
      total += (current || 1) * (c === TEN ? 10 : 100)
      current = 0
      seenUnit = true
    } else {
      return undefined
    }
  }
  if (!seenUnit && length > 1) {
    // digit by digit, as in years: 二〇一一
    let value = 0
    for (let i = from; i < to; i++) value = value * 10 + DIGITS.get(text.charCodeAt(i))!
    return value
  }
  return total + current
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
