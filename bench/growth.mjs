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
const faults = new Map([...inputs.keys()].map((n) => [n, []]))
const rounds = quick ? 4 : 15
// one call: the median of a few calls in a row, each model dropped (nine at 1x, where a call takes a fraction of a
// millisecond)
const oneCall = (n, input) => {
  const calls = n === 1 ? 9 : 3
  const ts = []
  for (let k = 0; k < calls; k++) {
    const t = performance.now()
    parseOpinion(input)
    ts.push(performance.now() - t)
  }
  return median(ts)
}
// equal work: 100 / n calls, every model kept until the row ends; per call, with the fresh pages the calls touched
const equalWork = (n, input) => {
  const calls = 100 / n
  const pages = process.resourceUsage().minorPageFault
  const t = performance.now()
  const keep = []
  for (let k = 0; k < calls; k++) keep.push(parseOpinion(input))
  return { time: (performance.now() - t) / calls, faults: (process.resourceUsage().minorPageFault - pages) / calls }
}
for (let round = 0; round <= rounds; round++) {
  for (const [n, input] of inputs) {
    // The two measures take turns at going first: the second inherits the first one's garbage, and at 100x that is
    // a whole model, so a fixed order would make one of them pay for the other in every round.
    let single
    let equal
    if (round % 2 === 0) {
      single = oneCall(n, input)
      equal = equalWork(n, input)
    } else {
      equal = equalWork(n, input)
      single = oneCall(n, input)
    }
    // round 0 is a warm-up
    if (round > 0) {
      singles.get(n).push(single)
      equals.get(n).push(equal.time)
      faults.get(n).push(equal.faults)
    }
  }
}
const growth = [...inputs].map(([n, input]) => ({
  n,
  size: input.length,
  single: median(singles.get(n)),
  equal: median(equals.get(n)),
  faults: median(faults.get(n)),
}))
// what touching a fresh page costs on this machine: 16 MB allocated and written one byte a page, median of five
const pageCosts = []
for (let k = 0; k < 5; k++) {
  const pages = process.resourceUsage().minorPageFault
  const t = performance.now()
  const fresh = new Uint8Array(16 << 20)
  for (let i = 0; i < fresh.length; i += 4096) fresh[i] = 1
  const faulted = process.resourceUsage().minorPageFault - pages
  if (faulted > 0) pageCosts.push(((performance.now() - t) * 1000) / faulted)
}
console.log(JSON.stringify({ rows: growth, pageMicros: pageCosts.length > 0 ? median(pageCosts) : undefined }))
