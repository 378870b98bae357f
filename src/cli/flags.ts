import { type ParseArgsConfig, parseArgs } from 'node:util'
import { INPUT, type InputReader } from '../config/inputs.js'

type InputName = (typeof INPUT)[keyof typeof INPUT]

/** One command-line flag: the parser's options, `--help` and docs/cli.md all come from this. */
export interface Flag {
  name: string
  /** The action input the flag stands for; absent for the CLI's own flags. */
  input?: InputName
  type: 'string' | 'boolean'
  /** May be given several times; the values are joined with `joinWith` for the input. */
  multiple?: boolean
  joinWith?: string
  short?: string
  /** The value's placeholder in `--help`. */
  value?: string
  /** The default as `--help` shows it; '' for none. */
  default: string
  description: string
}

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'comment', 'junit'] as const
export type Format = (typeof FORMATS)[number]

/** Every flag, in the order `--help` lists them. */
export const FLAGS: readonly Flag[] = [
  {
    name: 'repository',
    input: INPUT.repository,
    type: 'string',
    value: 'NAME',
    default: '',
    description: 'ECR repository name, e.g. my-team/web-api (with --image-tag or --image-digest).'
  },
  {
    name: 'image-tag',
    input: INPUT.imageTag,
    type: 'string',
    value: 'TAG',
    default: '',
    description: 'Tag of the image to check.'
  },
  {
    name: 'image-digest',
    input: INPUT.imageDigest,
    type: 'string',
    value: 'DIGEST',
    default: '',
    description: 'Digest (sha256:…) of the image to check; with a tag, both must match.'
  },
  {
    name: 'images',
    input: INPUT.images,
    type: 'string',
    multiple: true,
    joinWith: '\n',
    value: 'REFS',
    default: '',
    description:
      'Images to check instead of --repository: repository:tag, repository@sha256:… or a full ECR URI. Repeat the flag or give one per line.'
  },
  {
    name: 'registry-id',
    input: INPUT.registryId,
    type: 'string',
    value: 'ACCOUNT',
    default: '',
    description: "12-digit account id of the registry, when it is not the credentials' own."
  },
  {
    name: 'region',
    input: INPUT.region,
    type: 'string',
    value: 'REGION',
    default: 'AWS_REGION, else AWS_DEFAULT_REGION',
    description: 'AWS region of the registry.'
  },
  {
    name: 'timeout',
    input: INPUT.timeout,
    type: 'string',
    value: 'DURATION',
    default: '10m',
    description: 'How long to wait for the scan: seconds (600) or 30s, 10m, 1h30m.'
  },
  {
    name: 'settle-interval',
    input: INPUT.settleInterval,
    type: 'string',
    value: 'DURATION',
    default: '15s',
    description:
      'Enhanced scanning only: read the findings again this long after the first read, until two reads agree; 0 turns it off.'
  },
  {
    name: 'start-scan',
    input: INPUT.startScan,
    type: 'boolean',
    default: 'off',
    description: 'Start a basic scan when the image has none.'
  },
  {
    name: 'scan-failure',
    input: INPUT.scanFailure,
    type: 'string',
    value: 'fail|warn',
    default: 'fail',
    description:
      'A scan that ended without results (FAILED, UNSUPPORTED_IMAGE, …) or could not be read completely: fail (exit 2) or warn (exit 0 with a warning).'
  },
  {
    name: 'fail-on',
    input: INPUT.failOn,
    type: 'string',
    value: 'SEVERITY',
    default: 'HIGH',
    description:
      'Fail on any finding at this severity or above: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL or NONE.'
  },
  {
    name: 'max-findings',
    input: INPUT.maxFindings,
    type: 'string',
    multiple: true,
    joinWith: '\n',
    value: 'LIMITS',
    default: '',
    description:
      'Per-severity limits, e.g. CRITICAL=0,HIGH=5 (repeatable); a limit replaces --fail-on for its severity.'
  },
  {
    name: 'ignore-file',
    input: INPUT.ignoreFile,
    type: 'string',
    value: 'PATH',
    default: '.github/ecr-scan-ignore.yml',
    description:
      'YAML file of ignore rules. Missing at the default path: no rules; missing at a path you give: an error.'
  },
  {
    name: 'ignore',
    input: INPUT.ignore,
    type: 'string',
    value: 'YAML',
    default: '',
    description:
      'Ignore rules inline, as in the ignore file, e.g. \'[{id: CVE-2023-1234, reason: "not reachable"}]\'.'
  },
  {
    name: 'only-fixable',
    input: INPUT.onlyFixable,
    type: 'boolean',
    default: 'off',
    description:
      'Judge only findings with a fix available (basic scans do not say; those are kept).'
  },
  {
    name: 'min-cvss',
    input: INPUT.minCvss,
    type: 'string',
    value: 'SCORE',
    default: '',
    description: 'Judge only findings with a CVSS score at or above this (0-10).'
  },
  {
    name: 'fail-on-exploit',
    input: INPUT.failOnExploit,
    type: 'boolean',
    default: 'off',
    description: 'Fail on any finding with a known exploit (enhanced scanning only).'
  },
  {
    name: 'enrich',
    input: INPUT.enrich,
    type: 'string',
    value: 'none|inspector',
    default: 'none',
    description:
      'inspector: add EPSS and CISA KEV data from Amazon Inspector to enhanced-scan findings (inspector2:ListFindings, inspector2:BatchGetFindingDetails).'
  },
  {
    name: 'fail-on-kev',
    input: INPUT.failOnKev,
    type: 'boolean',
    default: 'off',
    description:
      'Fail on any finding on the CISA Known Exploited Vulnerabilities list, whatever its severity (needs --enrich inspector).'
  },
  {
    name: 'min-epss',
    input: INPUT.minEpss,
    type: 'string',
    value: 'PROBABILITY',
    default: '',
    description:
      'Judge only findings with an EPSS at or above this (0-1); findings without one are kept (needs --enrich inspector).'
  },
  {
    name: 'baseline',
    input: INPUT.baseline,
    type: 'string',
    value: 'REF',
    default: '',
    description:
      "Compare with this image: a tag or digest in the image's own repository, or another image reference."
  },
  {
    name: 'only-new',
    input: INPUT.onlyNew,
    type: 'boolean',
    default: 'off',
    description: 'Judge only findings the baseline does not have.'
  },
  {
    name: 'max-concurrency',
    input: INPUT.maxConcurrency,
    type: 'string',
    value: 'N',
    default: '5',
    description: 'How many images are waited on and read at once (1-50).'
  },
  {
    name: 'comment-max-rows',
    input: INPUT.commentMaxRows,
    type: 'string',
    value: 'N',
    default: '10',
    description:
      'Most rows --format comment lists under "What fails the check" and "How to fix" (1-100).'
  },
  {
    name: 'dockerfile',
    input: INPUT.dockerfile,
    type: 'string',
    value: 'PATH',
    default: 'Dockerfile',
    description: 'The file SARIF results point at, relative to the current directory.'
  },
  {
    name: 'format',
    type: 'string',
    multiple: true,
    value: FORMATS.join('|'),
    default: 'text',
    description:
      'Report format; repeat it with as many --output flags, paired in order. Without --output it goes to stdout.'
  },
  {
    name: 'output',
    short: 'o',
    type: 'string',
    multiple: true,
    value: 'PATH',
    default: '',
    description:
      "Write a report to PATH ('-' for stdout). Without --format the extension picks it: .json, .sarif, .md, .xml, .txt."
  },
  {
    name: 'verbose',
    short: 'v',
    type: 'boolean',
    default: 'off',
    description: 'Log every step on stderr instead of one progress line.'
  },
  {
    name: 'help',
    short: 'h',
    type: 'boolean',
    default: '',
    description: 'Show this help and exit.'
  },
  {
    name: 'version',
    type: 'boolean',
    default: '',
    description: 'Show the version and exit.'
  }
]

/** A mistake on the command line: exit code 2 with the message and a pointer to `--help`. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export type FlagValues = Record<string, string | boolean | string[] | undefined>

export interface ParsedFlags {
  values: FlagValues
  formats: Format[]
  outputs: string[]
}

function parserOptions(): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(
    FLAGS.map(flag => [
      flag.name,
      {
        type: flag.type,
        ...(flag.multiple ? { multiple: true } : {}),
        ...(flag.short ? { short: flag.short } : {})
      }
    ])
  )
}

/** Strict: an unknown flag, a missing value or a stray argument is a UsageError. */
export function parseFlags(argv: readonly string[]): ParsedFlags {
  let values: FlagValues
  try {
    values = parseArgs({
      args: [...argv],
      options: parserOptions(),
      strict: true,
      allowPositionals: false
    }).values as FlagValues
  } catch (error) {
    throw new UsageError(parseArgsMessage(error))
  }
  for (const flag of FLAGS) {
    const value = values[flag.name]
    // A string flag given twice would silently keep the last value: say so instead.
    if (!flag.multiple && flag.type === 'string' && argv.filter(isFlag(flag)).length > 1)
      throw new UsageError(`--${flag.name} is given more than once; give it once.`)
    if (typeof value === 'string' && value.startsWith('--') && FLAGS.some(isNamed(value)))
      throw new UsageError(`--${flag.name} needs a value, but is followed by ${value}.`)
  }
  const formats = ((values.format as string[] | undefined) ?? []).map(checkFormat)
  return { values, formats, outputs: (values.output as string[] | undefined) ?? [] }
}

const isFlag = (flag: Flag) => (arg: string) =>
  arg === `--${flag.name}` ||
  arg.startsWith(`--${flag.name}=`) ||
  (flag.short !== undefined && arg === `-${flag.short}`)

const isNamed = (value: string) => (flag: Flag) =>
  value === `--${flag.name}` || value.startsWith(`--${flag.name}=`)

function checkFormat(value: string): Format {
  const format = FORMATS.find(option => option === value.toLowerCase())
  if (!format)
    throw new UsageError(
      `Invalid --format: '${value}'. Possible options are: ${FORMATS.join(', ')}.`
    )
  return format
}

/** parseArgs says "Unknown option '--x'. To specify a positional argument, …": keep the first part. */
function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  const code = (error as { code?: string }).code
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message
    return `Unknown flag ${flag}.`
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? ''
    return `Unexpected argument '${argument}': every value goes after its flag, e.g. --image-tag ${argument}.`
  }
  return message.split('. ')[0]?.replace(/\.?$/, '.') ?? message
}

/** The flags as readConfig's inputs: a missing flag reads as '' like an unset input. */
export function inputReader(values: FlagValues): InputReader {
  const byInput = new Map(FLAGS.filter(flag => flag.input).map(flag => [flag.input, flag]))
  return name => {
    const flag = byInput.get(name as InputName)
    if (!flag) return ''
    const value = values[flag.name]
    if (value === undefined) return ''
    if (typeof value === 'boolean') return value ? 'true' : 'false'
    return Array.isArray(value) ? value.join(flag.joinWith ?? '\n') : value
  }
}

const FLAG_BY_INPUT = new Map(FLAGS.filter(flag => flag.input).map(flag => [flag.input, flag]))

/**
 * readConfig's messages name action inputs (`Invalid input 'fail-on'`, `set the 'region' input`,
 * `'fail-on-kev: true' needs …, or remove it`); on the command line they name the flags
 * (`Invalid --fail-on`, `set --region`, `--fail-on-kev needs …, or leave it out`).
 */
export function flagWording(message: string): string {
  const flagOf = (name: string) => {
    const flag = FLAG_BY_INPUT.get(name as InputName)
    return flag ? `--${flag.name}` : undefined
  }
  const named = (whole: string, name: string) => flagOf(name) ?? whole
  return (
    message
      .replace(/Input required and not supplied: '([a-z-]+)'/g, (whole, name: string) =>
        flagOf(name) ? `Missing flag: ${flagOf(name)}` : whole
      )
      .replace(/\b[Ii]nput '([a-z-]+)'/g, named)
      .replace(/\bthe '([a-z-]+)' input\b/g, named)
      // A boolean input quoted with its value ('fail-on-kev: true') is its flag given.
      .replace(/'([a-z-]+): true'/g, (whole, name: string) => {
        const flag = FLAG_BY_INPUT.get(name as InputName)
        return flag?.type === 'boolean' ? `--${flag.name}` : whole
      })
      .replace(/\bremove the input\b/g, 'leave the flag out')
      .replace(/, or remove (it|them)\.$/, ', or leave $1 out.')
      // Values are quoted after ': ' or '(' ("'fail-on': 'timeout'"): those stay as written.
      .replace(/(?<!: )(?<!\()'([a-z-]+)'/g, named)
  )
}

export function flagUsage(flag: Flag): string {
  const short = flag.short ? `-${flag.short}, ` : ''
  const value = flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : ''
  return `${short}--${flag.name}${value}`
}

const EXIT_CODES = [
  ['0', 'every image passed (or, with --scan-failure warn, a scan ended without results)'],
  [
    '1',
    'a policy failure: an image breaks --fail-on, --max-findings, --fail-on-exploit or --fail-on-kev'
  ],
  [
    '2',
    'an error or no verdict: a bad flag, AWS error, timeout, unreadable scan, unwritable report'
  ]
] as const

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.join(`\n${indent}`)
}

/** `--help`, generated from FLAGS so the parser and the help cannot disagree. */
export function helpText(version: string): string {
  const column = 32
  const indent = ' '.repeat(column + 2)
  const rows = FLAGS.map(flag => {
    const usage = flagUsage(flag)
    const fallback = flag.default ? ` (default: ${flag.default})` : ''
    const text = wrap(`${flag.description}${fallback}`, 100 - column - 2, indent)
    return usage.length < column
      ? `  ${usage.padEnd(column)}${text}`
      : `  ${usage}\n${indent}${text}`
  })
  return [
    `ecr-scan-findings ${version}: wait for an Amazon ECR image scan, report every finding, enforce severity thresholds.`,
    '',
    'Usage: ecr-scan-findings --repository NAME (--image-tag TAG | --image-digest DIGEST) [flags]',
    '       ecr-scan-findings --images REFS [flags]',
    '',
    'Flags:',
    ...rows,
    '',
    'Exit codes:',
    ...EXIT_CODES.map(([code, meaning]) => `  ${code}  ${meaning}`),
    '',
    'Credentials come from the AWS SDK chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, instance roles);',
    'AWS_ENDPOINT_URL_ECR points it at another endpoint. Colour: NO_COLOR turns it off, FORCE_COLOR on.',
    ''
  ].join('\n')
}
