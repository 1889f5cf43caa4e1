import { describe, expect, it } from 'vitest'
import { builtinRenderers, formatNames } from '../src/renderers.js'

describe('the built-in formats', () => {
  it('are offered in pack order', () => {
    expect(formatNames()).toEqual(['md', 'json', 'docx', 'pdf'])
  })

  it('name, media type and extension match the renderer each one loads', async () => {
    for (const { load, ...meta } of builtinRenderers) {
      const renderer = await load()
      expect({ name: renderer.name, mediaType: renderer.mediaType, extension: renderer.extension }).toEqual(meta)
    }
  })
})
