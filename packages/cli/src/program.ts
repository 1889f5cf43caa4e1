import { Command, CommanderError, Option } from 'commander'
import { agenciesCommand } from './commands/agencies.js'
import { briefCommand } from './commands/brief.js'
import { packCommand } from './commands/pack.js'
import { parseCommand } from './commands/parse.js'
import { schemaCommand } from './commands/schema.js'
import { UserError } from './io.js'
import { formatNames } from './renderers.js'

export const VERSION = '0.1.0'

/** Exit codes: 0 ok; 1 failed (an error in the input, a warning with --strict, an I/O failure); 2 usage. */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const

const collect = (value: string, previous: string[] = []) => [...previous, value]

/** Options shared by the commands that read a document. */
function withCommon(command: Command, options: { render?: boolean } = {}): Command {
  command
    .addOption(new Option('--locale <locale>', 'labels in zh-CN or en (the document text is never translated)').choices(['zh-CN', 'en']).default('zh-CN'))
    .option('--registry <file.json>', 'agency registry (JSON) that extends or overrides the built-in one')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('-q, --quiet', 'print no info messages and no progress')
  if (options.render) {
    command
      .addOption(new Option('--layout <layout>', 'DOCX/PDF page layout').choices(['gbt9704', 'compact']).default('gbt9704'))
      .option('--font <role=path>', 'a font file for a role of the PDF (title, body, heading1 … heading4); repeatable', collect)
      .option('--date <YYYY-MM-DD>', 'date stamped into DOCX/PDF properties (default: the document’s date), for reproducible files')
  }
  return command
}

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`

export function buildProgram(): Command {
  const program = new Command('policybrief')
    .description('Turn a Chinese government policy document into a typed model and briefing packs.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .addHelpText(
      'after',
      `${examples([
        'policybrief pack seeds/beijing-internet-plus-2016.txt --out out',
        'policybrief brief seeds/beijing-internet-plus-2016.txt --agency 市商务委 --format md',
      ])}\nExit codes: 0 ok, 1 failed, 2 usage error.\n`,
    )

  program
    .command('parse')
    .description('Print the parsed document model (JSON) to stdout and messages to stderr.')
    .argument('<file>', 'a text file in UTF-8, UTF-16 (with BOM) or GB18030; - for standard input')
    .option('-o, --output <path>', 'write the JSON to a file instead of stdout')
    .option('--strict', 'fail (exit 1) on warnings too')
    .option('-q, --quiet', 'print no info messages')
    .addHelpText('after', examples(['policybrief parse seeds/beijing-internet-plus-2016.txt > opinion.json', 'cat notice.txt | policybrief parse -']))
    .action((file: string, options) => {
      process.exitCode = parseCommand(file, options)
    })

  withCommon(
    program
      .command('agencies')
      .description('List the responsible bodies: name, full name, kind, tasks led and shared.')
      .argument('<file>', 'the document; - for standard input')
      .option('--json', 'print JSON instead of a table'),
  )
    .addHelpText('after', examples(['policybrief agencies seeds/gf2019-03_zongbao.txt']))
    .action((file: string, options) => {
      process.exitCode = agenciesCommand(file, options)
    })

  withCommon(
    program
      .command('brief')
      .description('Render one briefing: for a body (--agency), the whole document (--document) or the matrix (--matrix).')
      .argument('<file>', 'the document; - for standard input')
      .option('--agency <name>', 'the body, by its name as written, full name or alias')
      .option('--document', 'the whole document with every clause')
      .option('--matrix', 'the responsibility matrix (重点任务分工表)')
      .option('-f, --format <format>', `output format: ${formatNames().join(', ')}`, 'md')
      .option('-o, --output <path>', 'write to a file (atomically) instead of stdout'),
    { render: true },
  )
    .addHelpText(
      'after',
      examples([
        'policybrief brief seeds/beijing-internet-plus-2016.txt --agency 市商务委 --format md',
        'policybrief brief seeds/beijing-internet-plus-2016.txt --matrix --format json -o matrix.json',
      ]),
    )
    .action(async (file: string, options) => {
      process.exitCode = await briefCommand(file, options)
    })

  withCommon(
    program
      .command('pack')
      .description('Write a briefing pack: index, document, matrix and a briefing for every body, in every format.')
      .argument('<file>', 'the document; - for standard input')
      .requiredOption('--out <dir>', 'the folder to write (built aside and moved into place at the end)')
      .option('--formats <list>', 'comma-separated formats', formatNames().join(','))
      .option('--zip', 'write one ZIP archive (<dir>.zip) instead of a folder')
      .option('--force', 'replace a non-empty --out'),
    { render: true },
  )
    .addHelpText('after', examples(['policybrief pack seeds/beijing-internet-plus-2016.txt --out out --force', 'policybrief pack notice.txt --out pack --formats md,json --zip']))
    .action(async (file: string, options) => {
      process.exitCode = await packCommand(file, options)
    })

  program
    .command('schema')
    .description('Print the JSON Schema of the parsed model (opinion) or of the JSON briefing (briefing).')
    .argument('<which>', 'opinion or briefing')
    .action((which: string) => {
      process.exitCode = schemaCommand(which)
    })
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
    // a renderer's own errors (a font that cannot be used, an invalid date) say what to do; no stack trace
    process.stderr.write(`policybrief: ${error instanceof Error ? error.message : String(error)}\n`)
    return exitCodes.failed
  }
}
