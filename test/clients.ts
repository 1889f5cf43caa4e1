import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Real readers of our files. In CI they must be installed (.ci/run does); on a developer machine without them the
 * tests that need them fail with a message that says what to install.
 */
export function need(tool: string, apt: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0
  if (!found) throw new Error(`${tool} is not installed: apt-get install ${apt} (as .ci/run does)`)
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'policybrief-test-'))

export function writeTemp(name: string, data: string | Uint8Array): string {
  const path = join(tempDir(), name)
  writeFileSync(path, data)
  return path
}

export function run(command: string, args: string[], options: { timeout?: number } = {}): string {
  return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: options.timeout ?? 120_000 })
}

/** Text without any whitespace, for comparing what different readers recover. */
export const squash = (s: string) => s.replace(/[\s\u3000]+/g, '')
