import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** A failure the user can act on: printed as one line, never as a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message)
  }
}

export interface Input {
  bytes: Uint8Array
  /** the name used in messages: the path as given, or <stdin> */
  name: string
}

/** Reads a file, or stdin for `-`. */
export function readInput(path: string): Input {
  if (path === '-') {
    try {
      return { bytes: readFileSync(0), name: '<stdin>' }
    } catch (error) {
      throw new UserError(`cannot read standard input: ${describe(error)}`)
    }
  }
  let isDirectory = false
  try {
    isDirectory = statSync(path).isDirectory()
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${describe(error)}`)
  }
  if (isDirectory) throw new UserError(`${path} is a directory; pass a text file (or - for standard input)`)
  try {
    return { bytes: readFileSync(path), name: path }
  } catch (error) {
    throw new UserError(`cannot read ${path}: ${describe(error)}`)
  }
}

/**
 * Writes through a temporary file in the same folder and renames it, so a reader never sees half a file.
 * A device or pipe (/dev/stdout, a FIFO) is written directly: renaming over it would replace it.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  let existing: ReturnType<typeof statSync> | undefined
  try {
    existing = statSync(path)
  } catch {
    existing = undefined
  }
  if (existing?.isDirectory()) throw new UserError(`cannot write ${path}: it is a folder`)
  if (existing && !existing.isFile()) {
    try {
      writeFileSync(path, data)
      return
    } catch (error) {
      throw new UserError(`cannot write ${path}: ${describe(error)}`)
    }
  }
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    const fd = openSync(temp, 'wx')
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data
      let written = 0
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  } catch (error) {
    rmSync(temp, { force: true })
    throw new UserError(`cannot write ${path}: ${describe(error)}`)
  }
}

/** Writes to stdout, or to a file atomically. */
export function writeOutput(path: string | undefined, data: string | Uint8Array): void {
  if (path === undefined || path === '-') {
    process.stdout.write(data)
    return
  }
  writeFileAtomic(path, data)
}

export function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) {
    const code = String((error as { code: unknown }).code)
    const known: Record<string, string> = {
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      ENOSPC: 'no space left on device',
      EISDIR: 'is a directory',
      ENOTDIR: 'a part of the path is not a directory',
      EROFS: 'read-only file system',
      EEXIST: 'already exists',
    }
    if (known[code]) return known[code]
  }
  return error instanceof Error ? error.message : String(error)
}
