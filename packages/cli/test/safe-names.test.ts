import { describe, expect, it } from 'vitest'
import { safeName, uniqueSafeNames } from '../src/safe-names.js'

describe('folder names made safe', () => {
  it('removes every way out of the folder', () => {
    for (const evil of ['../../etc', '..', '.', 'a/b', 'a\\b', 'C:evil', 'a*b?c', '"q"', '<x>', 'a|b', 'x\u0000y', 'x\u202Egnp.exe', '\u001b[31mred']) {
      const safe = safeName(evil)
      expect(safe).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u202e]/)
      expect(safe === '.' || safe === '..' || safe.startsWith('.')).toBe(false)
      expect(safe.length).toBeGreaterThan(0)
    }
    expect(safeName('CON')).toBe('_CON')
    expect([...safeName('很'.repeat(300))]).toHaveLength(60)
  })
  it('never gives two names one folder, across case and width', () => {
    const folders = uniqueSafeNames(['ＡＢＣ局', 'ABC局', 'abc局', 'a/b', 'a\\b', 'a:b'])
    expect(new Set(folders.map((f) => f.toLowerCase())).size).toBe(6)
  })
})
