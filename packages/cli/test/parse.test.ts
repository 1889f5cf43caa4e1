import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cli, seed } from './helpers.js'

describe('policybrief parse', () => {
  it('prints the model to stdout and messages to stderr', () => {
    const { code, stdout, stderr } = cli(['parse', 'seeds/beijing-internet-plus-2016.txt'])
    expect(code).toBe(0)
    const opinion = JSON.parse(stdout)
    expect(opinion.meta.docNumber.normalized).toBe('京政发〔2016〕4号')
    expect(opinion.responsibilities).toHaveLength(24)
    expect(stderr).toContain(
      'seeds/beijing-internet-plus-2016.txt:28:4: warning: Heading (四) runs into its body with no punctuation',
    )
    expect(stderr).toMatch(/\[heading-runs-into-body\]$/m)
  })
  it('reads standard input', () => {
    const { code, stdout } = cli(['parse', '-'], { input: readFileSync(seed('gf2019-03_zongbao.txt')) })
    expect(code).toBe(0)
    expect(JSON.parse(stdout).responsibilities).toHaveLength(21)
  })
  it('exits 1 on an error message, with the message on stderr', () => {
    const { code, stderr } = cli(['parse', '-'], { input: '%PDF-1.7\n' })
    expect(code).toBe(1)
    expect(stderr).toContain('<stdin>:1:1: error: The input is a PDF file')
  })
  it('fails with --strict on warnings', () => {
    expect(cli(['parse', '--strict', 'seeds/beijing-internet-plus-2016.txt']).code).toBe(1)
  })
  it('reports a missing file in one line, without a stack trace', () => {
    const { code, stderr } = cli(['parse', 'no-such-file.txt'])
    expect(code).toBe(1)
    expect(stderr.trim()).toBe('policybrief: cannot read no-such-file.txt: no such file or directory')
  })
  it('exits 2 on a usage error', () => {
    const { code, stderr } = cli(['parse'])
    expect(code).toBe(2)
    expect(stderr).toContain("missing required argument 'file'")
    expect(cli(['frobnicate']).code).toBe(2)
  })
})
