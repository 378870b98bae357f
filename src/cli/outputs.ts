import { type Format, UsageError } from './flags.js'

/** One report to write: a file, or stdout when `path` is undefined. */
export interface Destination {
  format: Format
  path?: string
}

const EXTENSIONS: [RegExp, Format][] = [
  [/\.sarif(\.json)?$/i, 'sarif'],
  [/\.json$/i, 'json'],
  [/\.(md|markdown)$/i, 'markdown'],
  [/\.xml$/i, 'junit'],
  [/\.(txt|log)$/i, 'text']
]

function formatOf(path: string): Format {
  if (path === '-') return 'text'
  const match = EXTENSIONS.find(([pattern]) => pattern.test(path))
  if (!match)
    throw new UsageError(
      `Cannot tell the format of --output ${path} from its extension (.json, .sarif, .md, .xml, .txt): add --format before it.`
    )
  return match[1]
}

/**
 * Where each report goes:
 * - no --format and no --output: the text report on stdout;
 * - --format alone: that format on stdout (one only: stdout holds one report);
 * - --output alone: each file's format from its extension;
 * - both: as many of each, paired in order (the first --format for the first --output).
 * `--output -` means stdout. Whenever no report goes to stdout, the text report does.
 */
export function planOutputs(formats: readonly Format[], outputs: readonly string[]): Destination[] {
  let planned: Destination[]
  if (outputs.length === 0) {
    if (formats.length > 1)
      throw new UsageError(
        `--format is given ${formats.length} times without --output: stdout holds one report, so give each format an --output.`
      )
    planned = [{ format: formats[0] ?? 'text' }]
  } else if (formats.length === 0) {
    planned = outputs.map(path => ({
      format: formatOf(path),
      path: path === '-' ? undefined : path
    }))
  } else {
    if (formats.length !== outputs.length)
      throw new UsageError(
        `${formats.length} --format and ${outputs.length} --output flags: give one --format per --output (paired in order), or leave --format out and let each extension decide.`
      )
    planned = outputs.map((path, index) => ({
      format: formats[index] ?? 'text',
      path: path === '-' ? undefined : path
    }))
  }
  const toStdout = planned.filter(destination => destination.path === undefined)
  if (toStdout.length > 1)
    throw new UsageError(
      'More than one report goes to stdout (--output -): send the others to files.'
    )
  const paths = planned.flatMap(destination => (destination.path ? [destination.path] : []))
  const twice = paths.find((path, index) => paths.indexOf(path) !== index)
  if (twice) throw new UsageError(`--output ${twice} is given more than once.`)
  return toStdout.length === 0 ? [...planned, { format: 'text' }] : planned
}
