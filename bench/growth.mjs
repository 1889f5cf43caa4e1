// The growth rows of npm run bench, in a process of their own so that no earlier measurement leaves anything in the
// heap; prints them as JSON. The rows take turns, round after round, so a machine that slows down for a while slows
// every row alike.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseOpinion } from '@policybrief/parser'
import { SEED, median, root } from './common.mjs'

const quick = process.argv.includes('--quick')

const seedText = readFileSync(join(root, 'seeds', SEED), 'utf8')
const inputs = new Map([1, 10, 100].map((n) => [n, new TextEncoder().encode(Array(n).fill(seedText).join('\n'))]))
for (let i = 0; i < 300; i++) parseOpinion(inputs.get(1))
const singles = new Map([...inputs.keys()].map((n) => [n, []]))
const equals = new Map([...inputs.keys()].map((n) => [n, []]))
const rounds = quick ? 4 : 15
for (let round = 0; round <= rounds; round++) {
  for (const [n, input] of inputs) {
    // one call: the median of a few calls in a row (a 1x call takes a fraction of a millisecond)
    const calls = n === 100 ? 1 : n === 10 ? 3 : 9
    const ts = []
    for (let k = 0; k < calls; k++) {
      const t = performance.now()
      parseOpinion(input)
      ts.push(performance.now() - t)
    }
    const t = performance.now()
    const keep = []
    for (let k = 0; k < 100 / n; k++) keep.push(parseOpinion(input))
    const equal = (performance.now() - t) / (100 / n)
    // round 0 is a warm-up
    if (round > 0) {
      singles.get(n).push(median(ts))
      equals.get(n).push(equal)
    }
  }
}
const growth = [...inputs].map(([n, input]) => ({ n, size: input.length, single: median(singles.get(n)), equal: median(equals.get(n)) }))
console.log(JSON.stringify(growth))
