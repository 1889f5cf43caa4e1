import { Command, CommanderError, Option } from 'commander'
import { parseCommand } from './commands/parse.js'
import { UserError } from './io.js'

export const VERSION = '0.1.0'

/** Exit codes: 0 ok, 1 failed (an error in the input, or with --strict a warning; an I/O failure), 2 usage. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const

export function buildProgram(): Command {
  const program = new Command('policybrief')
    .description('Turn a Chinese government policy document into a typed model and briefing packs.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })

  program
    .command('parse')
    .description('Print the parsed document model (JSON) to stdout and messages to stderr.')
    .argument('<file>', 'a text file in UTF-8, UTF-16 (with BOM) or GB18030; - for standard input')
    .option('-o, --output <path>', 'write the JSON to a file instead of stdout')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('-q, --quiet', 'do not print info messages')
    .addHelpText('after', '\nExamples:\n  policybrief parse seeds/beijing-internet-plus-2016.txt > opinion.json\n  cat notice.txt | policybrief parse -\n')
    .action((file: string, options) => {
      process.exitCode = parseCommand(file, options)
    })
  void Option
  return program
}

/** Runs the command line; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv, { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : 0
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0
      return exitCodes.usage
    }
    if (error instanceof UserError) {
      process.stderr.write(`policybrief: ${error.message}\n`)
      return error.exitCode
    }
    process.stderr.write(`policybrief: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`)
    return exitCodes.failed
  }
}
