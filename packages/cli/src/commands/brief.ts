import { type BriefingOptions, UnknownAgencyError, buildBriefing } from '@policybrief/core'
import { type CommonOptions, load } from '../context.js'
import { UserError, writeOutput } from '../io.js'
import { rendererFor } from '../renderers.js'

export interface BriefOptions extends CommonOptions {
  agency?: string
  document?: boolean
  matrix?: boolean
  format: string
  output?: string
}

export async function briefCommand(file: string, options: BriefOptions): Promise<number> {
  const chosen = [options.agency !== undefined, options.document === true, options.matrix === true].filter(Boolean).length
  if (chosen !== 1) throw new UserError('choose exactly one of --agency <name>, --document or --matrix', 2)
  const renderer = rendererFor(options.format)
  const toStdout = options.output === undefined || options.output === '-'
  const binary = !renderer.mediaType.startsWith('text/') && renderer.mediaType !== 'application/json'
  if (toStdout && binary && process.stdout.isTTY) {
    throw new UserError(`refusing to write ${renderer.name.toUpperCase()} to a terminal; pass -o file${renderer.extension}`, 2)
  }
  const loaded = load(file, options)
  const base = { locale: loaded.locale, registry: loaded.registry }
  const briefingOptions: BriefingOptions =
    options.agency !== undefined
      ? { kind: 'agency', agency: options.agency, ...base }
      : { kind: options.document ? 'document' : 'matrix', ...base }
  let briefing
  try {
    briefing = buildBriefing(loaded.opinion, briefingOptions)
  } catch (error) {
    if (error instanceof UnknownAgencyError) throw new UserError(error.message)
    throw error
  }
  writeOutput(options.output, await renderer.render(briefing, loaded.renderOptions))
  return 0
}
