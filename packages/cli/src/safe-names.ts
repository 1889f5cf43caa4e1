const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i
// path separators, characters Windows forbids, controls, and bidi/format controls that disguise a name
const UNSAFE = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g
const MAX_LENGTH = 60

/** One folder name for a body: nothing in it can leave the output folder or confuse a file system. */
export function safeName(name: string): string {
  let safe = name.normalize('NFKC').replace(UNSAFE, '_').replace(/\s+/g, ' ').trim()
  safe = safe.replace(/^\.+/, '_').replace(/[. ]+$/, '')
  if ([...safe].length > MAX_LENGTH) safe = [...safe].slice(0, MAX_LENGTH).join('')
  if (safe === '' || safe === '.' || safe === '..') safe = '_'
  if (WINDOWS_RESERVED.test(safe)) safe = `_${safe}`
  return safe
}

/**
 * Folder names for a list of bodies, distinct even on case-insensitive file systems and after width folding:
 * a name that would collide gets -2, -3 ….
 */
export function uniqueSafeNames(names: string[]): string[] {
  const taken = new Set<string>()
  return names.map((name) => {
    const base = safeName(name)
    let candidate = base
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`
    taken.add(candidate.toLowerCase())
    return candidate
  })
}
