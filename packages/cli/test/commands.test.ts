import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { bin, cli, root, seed } from './helpers.js'

const temp = () => mkdtempSync(join(tmpdir(), 'policybrief-cli-'))
const SEED = 'seeds/beijing-internet-plus-2016.txt'

function walkFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walkFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  )
}

describe('policybrief agencies', () => {
  it('lists every body with full name, kind and counts', () => {
    const { code, stdout } = cli(['agencies', SEED])
    expect(code).toBe(0)
    expect(stdout.split('\n')[0]).toMatch(/^name\s+full name\s+kind\s+led\s+shared$/)
    expect(stdout).toMatch(/市发展改革委\s+北京市发展和改革委员会\s+body\s+2\s+19/)
    expect(stdout).toMatch(/各区政府\s+collective\s+0\s+1/)
    expect(JSON.parse(cli(['agencies', SEED, '--json']).stdout)).toHaveLength(46)
  })
})

describe('policybrief brief', () => {
  it('prints an agency briefing to stdout', () => {
    const { code, stdout } = cli(['brief', SEED, '--agency', '市商务委', '--format', 'md'])
    expect(code).toBe(0)
    expect(stdout).toContain('# 北京市人民政府关于积极推进“互联网+”行动的实施意见')
    expect(stdout).toContain('### 三、(一)2. “互联网+”商务')
  })
  it('fails on an unknown agency, listing the nearest names', () => {
    const { code, stderr } = cli(['brief', SEED, '--agency', '市发改委'])
    expect(code).toBe(1)
    expect(stderr).toContain('policybrief: no body named 市发改委 in this document; nearest: 市发展改革委')
  })
  it('writes a matrix as JSON to a file, with English labels on request', () => {
    const dir = temp()
    const { code } = cli(['brief', SEED, '--matrix', '--format', 'json', '--locale', 'en', '-o', join(dir, 'm.json')])
    expect(code).toBe(0)
    const data = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'))
    expect(data.matrix).toHaveLength(24)
    expect(data.title).toBe('Responsibility matrix')
    expect(readdirSync(dir)).toEqual(['m.json'])
  })
  it('reads the document from stdin', () => {
    const { code, stdout } = cli(['brief', '-', '--document', '--format', 'md'], { input: readFileSync(seed()) })
    expect(code).toBe(0)
    expect(stdout).toContain('## 四、保障措施')
  })
  it('rejects usage errors with exit 2', () => {
    expect(cli(['brief', SEED, '--format', 'md']).code).toBe(2)
    expect(cli(['brief', SEED, '--document', '--format', 'rtf']).code).toBe(2)
    expect(cli(['brief', SEED, '--document', '--locale', 'fr']).code).toBe(2)
  })
  it('reports a registry file that is not JSON with its position', () => {
    const dir = temp()
    writeFileSync(join(dir, 'r.json'), '{\n  "jurisdictions": {,}\n}\n')
    const { code, stderr } = cli(['brief', SEED, '--document', '--registry', join(dir, 'r.json')])
    expect(code).toBe(1)
    expect(stderr).toMatch(/r\.json:2:\d+: the registry is not valid JSON/)
  })
})

describe('policybrief schema', () => {
  it('prints both schemas', () => {
    expect(JSON.parse(cli(['schema', 'opinion']).stdout).$id).toMatch(/opinion\.schema\.json$/)
    expect(JSON.parse(cli(['schema', 'briefing']).stdout).$id).toMatch(/briefing\.schema\.json$/)
    expect(cli(['schema', 'nope']).code).toBe(2)
  })
})

describe('policybrief pack', () => {
  it('writes index, document, matrix and every body’s briefing', () => {
    const out = join(temp(), 'pack')
    const { code, stderr } = cli(['pack', SEED, '--out', out, '--formats', 'md,json', '--quiet'])
    expect(code).toBe(0)
    expect(stderr).not.toContain('info:')
    const files = walkFiles(out)
    expect(files).toContain('index.md')
    expect(files).toContain('index.json')
    expect(files).toContain('document.md')
    expect(files).toContain('matrix.json')
    expect(readdirSync(join(out, 'agencies'))).toHaveLength(46)
    expect(files).toContain('agencies/市发展改革委/brief.md')
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))
    expect(index.agencies).toHaveLength(46)
    for (const a of index.agencies) for (const f of a.files) expect(existsSync(join(out, f))).toBe(true)
    expect(readFileSync(join(out, 'index.md'), 'utf8')).toContain('[md](agencies/')
  })
  it('refuses a non-empty --out without --force and replaces it with --force', () => {
    const out = temp()
    writeFileSync(join(out, 'keep.txt'), 'old')
    const refused = cli(['pack', SEED, '--out', out, '--formats', 'json'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('is not empty; pass --force')
    expect(readdirSync(out)).toEqual(['keep.txt'])
    expect(cli(['pack', SEED, '--out', out, '--formats', 'json', '--force']).code).toBe(0)
    expect(readdirSync(out)).not.toContain('keep.txt')
    expect(readdirSync(out)).toContain('matrix.json')
  })
  it('writes one ZIP with --zip', () => {
    const dir = temp()
    expect(cli(['pack', SEED, '--out', join(dir, 'pack'), '--formats', 'md', '--zip']).code).toBe(0)
    const entries = unzipSync(readFileSync(join(dir, 'pack.zip')))
    expect(Object.keys(entries)).toContain('agencies/市金融局/brief.md')
    expect(readdirSync(dir)).toEqual(['pack.zip'])
  })
  it('keeps every body in its own folder inside --out, whatever its name', () => {
    const names = ['ＡＢＣ局', 'ABC局', 'abc局', '测试委员会'.repeat(8)]
    const doc = `关于测试的意见\n一、做好工作。（${names.join('、')}负责）\n`
    const out = join(temp(), 'pack')
    expect(cli(['pack', '-', '--out', out, '--formats', 'json'], { input: doc }).code).toBe(0)
    const folders = readdirSync(join(out, 'agencies'))
    expect(folders).toHaveLength(4)
    expect(new Set(folders.map((f) => f.toLowerCase())).size).toBe(4)
    expect(folders.every((f) => [...f].length <= 60)).toBe(true)
  })
  it('leaves the previous --out intact when killed halfway', { timeout: 60_000 }, async () => {
    // a document with many bodies, so the pack takes long enough to be interrupted
    const bodies = Array.from({ length: 400 }, (_, i) => `测试${i}局`)
    const items = bodies.map((b, i) => `${i + 1}.任务${i}。做好工作。（${b}、${bodies[(i + 1) % 400]}负责）`).join('\n')
    const dir = temp()
    const input = join(dir, 'big.txt')
    writeFileSync(input, `关于测试的意见\n一、任务\n${items}\n`)
    const out = join(dir, 'out')
    expect(cli(['pack', input, '--out', out, '--formats', 'json', '--quiet']).code).toBe(0)
    writeFileSync(join(out, 'marker.txt'), 'previous pack')
    for (const signal of ['SIGKILL', 'SIGINT'] as const) {
      const child = spawn(process.execPath, [bin, 'pack', input, '--out', out, '--formats', 'md,json', '--force', '--quiet'], { cwd: root })
      await new Promise((r) => setTimeout(r, 400))
      child.kill(signal)
      await new Promise((r) => child.on('exit', r))
      // either the old pack, untouched, or (if it finished first) a complete new one — never a mix
      const files = walkFiles(out)
      if (files.includes('marker.txt')) {
        expect(readFileSync(join(out, 'marker.txt'), 'utf8')).toBe('previous pack')
        expect(files).not.toContain('document.md')
      } else {
        const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'))
        for (const a of index.agencies) for (const f of a.files) expect(existsSync(join(out, f))).toBe(true)
      }
      if (signal === 'SIGINT') expect(readdirSync(dir).filter((f) => f.includes('staging'))).toEqual([])
    }
  })
})

describe('file-system faults', () => {
  it('a directory as input', () => {
    const { code, stderr } = cli(['brief', 'seeds', '--document'])
    expect(code).toBe(1)
    expect(stderr).toContain('policybrief: seeds is a directory; pass a text file')
  })
  it('a full device as output: a clear message, the device untouched', () => {
    const { code, stderr } = cli(['brief', SEED, '--matrix', '-o', '/dev/full', '--quiet'])
    expect(code).toBe(1)
    expect(stderr).toContain('policybrief: cannot write /dev/full: no space left on device')
  })
  it('an output location that cannot be created, or a folder that does not exist', () => {
    const pack = cli(['pack', SEED, '--out', '/proc/policybrief/out', '--formats', 'md', '--quiet'])
    expect(pack.code).toBe(1)
    expect(pack.stderr).toMatch(/policybrief: cannot create \/proc\/policybrief/)
    const brief = cli(['brief', SEED, '--matrix', '-o', '/nonexistent-dir/x.md', '--quiet'])
    expect(brief.code).toBe(1)
    expect(brief.stderr).toContain('cannot write /nonexistent-dir/x.md: no such file or directory')
  })
  it('an output folder inside the input’s folder', () => {
    const dir = temp()
    writeFileSync(join(dir, 'doc.txt'), readFileSync(seed()))
    expect(cli(['pack', join(dir, 'doc.txt'), '--out', join(dir, 'pack'), '--formats', 'json', '--quiet']).code).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['doc.txt', 'pack'])
  })
})
