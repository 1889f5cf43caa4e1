import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../../../', import.meta.url))
export const bin = fileURLToPath(new URL('../bin/policybrief.js', import.meta.url))
export const seed = (name = 'beijing-internet-plus-2016.txt') => `${root}seeds/${name}`

/** Runs the built command as a user would. */
export function cli(args: string[], options: { input?: string | Uint8Array; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    input: typeof options.input === 'string' ? Buffer.from(options.input) : options.input,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  })
  return {
    code: result.status,
    stdout: result.stdout.toString('utf8'),
    stdoutBytes: result.stdout,
    stderr: result.stderr.toString('utf8'),
  }
}
