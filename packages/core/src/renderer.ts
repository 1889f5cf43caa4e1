import type { Briefing } from './briefing.js'

/** A format a briefing can be rendered to. Renderers map blocks; they never decide what a briefing says. */
export interface Renderer<Options = unknown> {
  /** short name used to look it up, e.g. 'docx' */
  name: string
  mediaType: string
  /** file extension with its dot, e.g. '.docx' */
  extension: string
  render(briefing: Briefing, options?: Options): Promise<string | Uint8Array>
}

const renderers = new Map<string, Renderer<never>>()

/** Adds a renderer, or replaces the one of the same name. */
export function registerRenderer<Options>(renderer: Renderer<Options>): void {
  if (!/^[a-z][a-z0-9-]*$/.test(renderer.name)) {
    throw new TypeError(`renderer name ${JSON.stringify(renderer.name)} must be lower-case letters, digits and -`)
  }
  if (!renderer.extension.startsWith('.')) throw new TypeError(`renderer extension ${renderer.extension} must start with a dot`)
  renderers.set(renderer.name, renderer as Renderer<never>)
}

export function getRenderer<Options = unknown>(name: string): Renderer<Options> {
  const renderer = renderers.get(name)
  if (!renderer) {
    const known = [...renderers.keys()]
    throw new Error(`no renderer named ${name}; registered: ${known.length ? known.join(', ') : 'none'}`)
  }
  return renderer as unknown as Renderer<Options>
}

export function listRenderers(): Renderer[] {
  return [...renderers.values()] as unknown as Renderer[]
}
