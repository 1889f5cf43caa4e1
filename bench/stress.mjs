// npm run stress: adversarial inputs at 1 MB and 10 MB; parse time must grow linearly (10 MB within 12× of 1 MB).
import { parseOpinion } from '@policybrief/parser'
import { median } from './common.mjs'

const MB = 1 << 20
const inputs = {
  '(': (n) => '('.repeat(n),
  '（': (n) => '（'.repeat(n / 3),
  '、': (n) => '、'.repeat(n / 3),
  牵头: (n) => '牵头'.repeat(n / 6),
  'one line, no punctuation': (n) => '互'.repeat(n / 3),
  'headings (一、 lines)': (n) => '一、标题\n'.repeat(n / 14),
  'nested brackets': (n) => `${'（'.repeat(n / 6)}${'）'.repeat(n / 6)}`,
  'clauses (市X局负责)': (n) => '1.任务。（市发展改革委、市财政局负责）\n'.repeat(n / 60),
  'goal lines (到2018年,)': (n) => '到2018年,目标\n——成效。文本\n'.repeat(n / 40),
  'LF lines, one CR at the end': (n) => `${'一行文字。\n'.repeat(n / 16)}\r`,
}
function time(text) {
  const bytes = new TextEncoder().encode(text)
  const runs = []
  // five runs: the machine is shared, and one slow run must not decide a ratio
  for (let i = 0; i < 5; i++) {
    const t = performance.now()
    parseOpinion(bytes)
    runs.push(performance.now() - t)
  }
  return median(runs)
}
console.log('| input | 1 MB | 10 MB | ratio |')
console.log('| --- | ---: | ---: | ---: |')
let worst = 0
for (const [name, make] of Object.entries(inputs)) {
  time(make(MB / 8))
  const small = time(make(MB))
  const large = time(make(10 * MB))
  worst = Math.max(worst, large / small)
  console.log(`| ${name} | ${small.toFixed(0)} ms | ${large.toFixed(0)} ms | ${(large / small).toFixed(1)} |`)
}
console.log(`\nworst ratio ${worst.toFixed(1)} (linear would be 10; the target is at most 12)`)
process.exitCode = worst <= 12 ? 0 : 1
