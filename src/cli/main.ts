import { relative, resolve, sep } from 'node:path'
import { writePlainFile } from '../io/files.js'
import { explainImageError, judgeImages, readIgnoreRules } from '../io/scan-request.js'
import { type Config, readConfig } from '../config/inputs.js'
import { DEFAULT_BACKOFF, type BackoffOptions } from '../core/backoff.js'
import type { ScanSource } from '../core/ports.js'
import { type ImageOutcome, decideOutcomes } from '../core/outcome.js'
import type { IgnoreRule, RunResult } from '../core/results.js'
import { errorMessage } from '../model/text.js'
import { buildJsonReport, serializeJsonReport } from '../report/json-report.js'
import { renderJunit } from '../report/junit.js'
import { renderRunComment, renderRunSummary } from '../report/report.js'
import { sarifFile, serializeSarif } from '../report/sarif.js'
import { colorEnabled, renderTerminal, terminalSafe } from '../report/terminal.js'
import { ACTION_VERSION } from '../version.js'
import { type Format, UsageError, flagWording, helpText, inputReader, parseFlags } from './flags.js'
import { type Destination, planOutputs } from './outputs.js'
import { ProgressLog, type Sink } from './progress.js'

export const EXIT = { passed: 0, policyFailed: 1, error: 2 } as const

export interface CliIo {
  stdout: Sink
  stderr: Sink
}

/** What tests may swap: the clock, sleep and the ECR source, so no test really waits. */
export interface CliOptions {
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  backoff?: BackoffOptions
  sourceFor?: (region: string) => ScanSource
  /** Without a terminal, the least time between two progress lines of an image. */
  progressEveryMs?: number
  /** Where relative paths (--dockerfile for SARIF) are relative to. */
  cwd?: string
}

const realSleep = (ms: number) => new Promise<void>(done => setTimeout(done, ms))

/** The Action's advice names the workflow step; on the command line it names the SDK's chain. */
function explainForCli(error: unknown, explained: string): string {
  const name = (error as { name?: unknown } | undefined)?.name
  if (name !== 'CredentialsProviderError') return explained
  return `No AWS credentials found (${errorMessage(error)}). Set AWS_PROFILE (after aws sso login), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance or task role applies.`
}

/** A report's text and the notices for stderr, or why it is not written (the Action's reasons). */
type Rendered = { text: string; notices?: string[] } | { text?: undefined; notWritten: string }

function render(
  format: Format,
  run: RunResult,
  config: Config,
  color: boolean,
  cwd: string
): Rendered {
  if (format !== 'sarif') return { text: renderText(format, run, config, color) }
  // SARIF as the Action writes it: none without a run, and what a run leaves out said on stderr.
  const dockerfile = relative(cwd, resolve(cwd, config.dockerfile)).split(sep).join('/')
  const sarif = sarifFile(run, { dockerfile })
  if (sarif.kind === 'none') return { notWritten: `SARIF report not written: ${sarif.reason}.` }
  return { text: serializeSarif(sarif.log), notices: sarif.notices }
}

function renderText(
  format: Exclude<Format, 'sarif'>,
  run: RunResult,
  config: Config,
  color: boolean
): string {
  switch (format) {
    case 'text':
      return renderTerminal(run, { color })
    case 'markdown':
      return renderRunSummary(run, { scanFailure: config.scanFailure })
    case 'comment':
      return renderRunComment(run, {
        maxRows: config.commentMaxRows,
        scanFailure: config.scanFailure
      })
    case 'junit':
      return renderJunit(run, {
        softenScanFailures: config.scanFailure === 'warn',
        timestamp: new Date()
      })
    case 'json': {
      return serializeJsonReport(buildJsonReport(run))
    }
  }
}

function describeDestination(destination: Destination): string {
  return destination.path ? `${destination.format} report to ${destination.path}` : 'stdout'
}

/** One line per image on stderr, for when stdout carries a machine-readable report. */
function verdictLines(outcomes: ImageOutcome[]): string[] {
  return outcomes.map(outcome => {
    const name = terminalSafe(outcome.name)
    if (outcome.kind === 'no-verdict') return `No verdict for ${name}.`
    if (outcome.kind === 'passed') return `Passed: ${name}.`
    return `Failed: ${name}: ${terminalSafe(outcome.breaches)}.`
  })
}

/**
 * The command line: parses flags, runs the same core as the Action and writes the reports.
 * Returns the exit code: 0 passed, 1 policy failure, 2 error or no verdict.
 */
export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: CliIo,
  overrides: CliOptions = {}
): Promise<number> {
  const say = (text: string) => io.stderr.write(`${text}\n`)
  const fail = (message: string, hint = '') => {
    say(`ecr-scan-findings: ${message}${hint}`)
    return EXIT.error
  }
  let config: Config
  let rules: IgnoreRule[]
  let destinations: Destination[]
  let verbose: boolean
  try {
    const flags = parseFlags(argv)
    if (flags.values.help) {
      io.stdout.write(helpText(ACTION_VERSION))
      return EXIT.passed
    }
    if (flags.values.version) {
      io.stdout.write(`${ACTION_VERSION}\n`)
      return EXIT.passed
    }
    destinations = planOutputs(flags.formats, flags.outputs)
    verbose = flags.values.verbose === true
    // Untrimmed, so line numbers in --ignore rules match what was written.
    config = readConfig(inputReader(flags.values), env, { surface: 'cli' })
    rules = await readIgnoreRules(config, '--ignore')
  } catch (error) {
    // Ignore-rule errors quote the file, which comes from the repository: no escape codes.
    const message = terminalSafe(error instanceof Error ? error.message : String(error))
    if (error instanceof UsageError)
      return fail(message, '\nRun ecr-scan-findings --help for every flag.')
    return fail(flagWording(message))
  }

  const options = {
    now: Date.now,
    sleep: realSleep,
    random: Math.random,
    backoff: DEFAULT_BACKOFF,
    cwd: process.cwd(),
    ...overrides
  }
  const progress = new ProgressLog(io.stderr, config.images.length, {
    now: options.now,
    verbose,
    everyMs: options.progressEveryMs,
    color: colorEnabled(io.stderr.isTTY, env)
  })
  const run = await judgeImages(config, rules, {
    clock: { now: options.now, sleep: options.sleep, random: options.random },
    backoff: options.backoff,
    sourceFor: options.sourceFor,
    logFor: target => progress.open(target.reference),
    explainError: (error, target) => explainForCli(error, explainImageError(error, target))
  })
  progress.finish()

  const outcomes = decideOutcomes(run, config.scanFailure)
  let code: number = EXIT.passed
  for (const destination of destinations) {
    const toStdout = destination.path === undefined
    const color = toStdout && colorEnabled(io.stdout.isTTY, env)
    const rendered = render(destination.format, run, config, color, options.cwd)
    if (rendered.text === undefined) {
      say(`warning: ${rendered.notWritten}`)
      continue
    }
    for (const notice of rendered.notices ?? []) say(`warning: ${terminalSafe(notice)}`)
    const { text } = rendered
    if (!destination.path) {
      io.stdout.write(text)
      continue
    }
    try {
      await writePlainFile(destination.path, text)
    } catch (error) {
      say(
        `ecr-scan-findings: could not write the ${describeDestination(destination)}: ${errorMessage(error)}`
      )
      code = EXIT.error
    }
  }
  if (!destinations.some(destination => !destination.path && destination.format === 'text'))
    for (const line of verdictLines(outcomes)) say(line)

  for (const outcome of outcomes) {
    if (outcome.kind === 'passed') continue
    if (outcome.kind === 'policy-failed') {
      if (code === EXIT.passed) code = EXIT.policyFailed
      continue
    }
    const message = `${terminalSafe(outcome.name)}: ${terminalSafe(outcome.message)}`
    if (outcome.softened) {
      say(`warning: ${message} (--scan-failure warn: not a failure)`)
    } else {
      say(`ecr-scan-findings: no verdict for ${message}`)
      code = EXIT.error
    }
  }
  return code
}
