import { imageName } from '../core/outcome.js'
import { type Finding, compareFindings, formatEpss } from '../model/findings.js'
import { shortDigest } from '../model/image.js'
import { SEVERITIES, type Severity, totalOf } from '../model/severity.js'
import { clipChars, withoutWorkflowCommands } from '../model/text.js'
import type { ImageResult, JudgedImage, RunResult, UnjudgedImage } from '../core/results.js'
import { changeOf, unchangedFindings } from '../policy/baseline.js'
import { describeBreach, limitFor, plural } from '../policy/policy.js'
import { dispositionOf } from '../policy/triage.js'

export interface TerminalOptions {
  /** ANSI colours; decide with `colorEnabled`. */
  color: boolean
  /** Longest a cell of the findings table may be, in characters. Default 48. */
  cellChars?: number
}

/**
 * Colour on a terminal unless NO_COLOR is set (https://no-color.org); FORCE_COLOR (anything but
 * 0 or false) turns it on even in a pipe, and FORCE_COLOR=0 off even on a terminal.
 */
export function colorEnabled(isTTY: boolean | undefined, env: Record<string, string | undefined>) {
  const force = env.FORCE_COLOR
  if (force !== undefined && force !== '') return !['0', 'false'].includes(force.toLowerCase())
  if (env.NO_COLOR) return false
  return isTTY === true
}

// C0 and C1 controls (ESC starts a terminal command), DEL, and bidirectional overrides that can
// make a line read differently from what it holds.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/**
 * Text from ECR, Inspector or an ignore file made safe to print: no control character can reach
 * the terminal (an escape sequence could rewrite the screen or the window title), each value
 * stays on one line, and none is a workflow command when the CLI runs in a GitHub Actions job.
 */
export function terminalSafe(text: string): string {
  return withoutWorkflowCommands(
    text.replace(/\r\n|[\n\t\r\u2028\u2029]/g, ' ').replace(UNSAFE, '\uFFFD')
  )
}

type Style = 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan' | 'magenta'
const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39]
}

type Paint = (text: string, ...styles: Style[]) => string

function painter(color: boolean): Paint {
  if (!color) return text => text
  return (text, ...styles) =>
    styles.reduce(
      (out, style) => `\u001b[${CODES[style][0]}m${out}\u001b[${CODES[style][1]}m`,
      text
    )
}

const SEVERITY_STYLE: Record<Severity, Style[]> = {
  CRITICAL: ['red', 'bold'],
  HIGH: ['red'],
  MEDIUM: ['yellow'],
  LOW: ['cyan'],
  INFORMATIONAL: ['dim'],
  UNDEFINED: ['dim'],
  UNTRIAGED: ['dim']
}

function clip(text: string, max: number): string {
  return clipChars(terminalSafe(text), max)
}

interface Column {
  header: string
  right?: boolean
  cell: (finding: Finding) => string
  style?: (finding: Finding) => Style[]
  shown: (findings: readonly Finding[]) => boolean
}

/** Columns as plain text first, so widths are measured before any colour is added. */
function table(
  rows: readonly Finding[],
  columns: readonly Column[],
  paint: Paint,
  indent: string
): string[] {
  const visible = columns.filter(column => column.shown(rows))
  const cells = rows.map(row => visible.map(column => column.cell(row)))
  const widths = visible.map((column, index) =>
    Math.max(column.header.length, ...cells.map(line => (line[index] ?? '').length))
  )
  const pad = (text: string, index: number) =>
    visible[index]?.right ? text.padStart(widths[index] ?? 0) : text.padEnd(widths[index] ?? 0)
  const header = visible.map((column, index) => pad(column.header, index)).join('  ')
  const body = rows.map((row, rowIndex) =>
    visible
      .map((column, index) => {
        const text = pad(cells[rowIndex]?.[index] ?? '', index)
        return column.style ? paint(text, ...column.style(row)) : text
      })
      .join('  ')
      .trimEnd()
  )
  return [paint(header.trimEnd(), 'bold'), ...body].map(line => indent + line)
}

function countsTable(result: JudgedImage, run: RunResult, paint: Paint): string[] {
  const judged = result.verdict.counts
  const showJudged = SEVERITIES.some(severity => judged[severity] !== result.counts[severity])
  const rows = SEVERITIES.filter(
    severity => result.counts[severity] > 0 || limitFor(severity, run.thresholds) !== undefined
  )
  const header = ['Severity', 'Found', ...(showJudged ? ['Judged'] : []), 'Threshold']
  const lines = rows.map(severity => {
    const limit = limitFor(severity, run.thresholds)
    return [
      severity,
      String(result.counts[severity]),
      ...(showJudged ? [String(judged[severity])] : []),
      limit === undefined ? '-' : limit === 0 ? '0' : `<= ${limit}`
    ]
  })
  lines.push([
    'Total',
    String(totalOf(result.counts)),
    ...(showJudged ? [String(totalOf(judged))] : []),
    ''
  ])
  const widths = header.map((title, index) =>
    Math.max(title.length, ...lines.map(line => (line[index] ?? '').length))
  )
  const format = (line: string[]) =>
    line
      .map((cell, index) =>
        index === 0 || index === line.length - 1
          ? cell.padEnd(widths[index] ?? 0)
          : cell.padStart(widths[index] ?? 0)
      )
      .join('  ')
      .trimEnd()
  return [
    `  ${paint(format(header), 'bold')}`,
    ...lines.map((line, index) => {
      const severity = rows[index]
      const text = format(line)
      return `  ${severity ? paint(text, ...SEVERITY_STYLE[severity]) : paint(text, 'bold')}`
    })
  ]
}

function findingColumns(result: JudgedImage, cellChars: number): Column[] {
  const disposition = dispositionOf(result.triage)
  const baseline = result.baseline
  const has = (pick: (finding: Finding) => unknown) => (findings: readonly Finding[]) =>
    findings.some(finding => pick(finding))
  return [
    {
      header: 'SEVERITY',
      cell: finding => finding.severity,
      style: finding => SEVERITY_STYLE[finding.severity],
      shown: () => true
    },
    {
      header: 'ID',
      cell: finding => clip(finding.id, cellChars),
      shown: () => true
    },
    {
      header: 'PACKAGE',
      cell: finding => clip(finding.packageName ?? '-', cellChars),
      shown: has(finding => finding.packageName)
    },
    {
      header: 'INSTALLED',
      cell: finding => clip(finding.installedVersion ?? '-', cellChars),
      shown: has(finding => finding.installedVersion)
    },
    {
      header: 'FIXED IN',
      cell: finding => clip(finding.fixedInVersion ?? '-', cellChars),
      shown: has(finding => finding.fixedInVersion)
    },
    {
      header: 'PLATFORMS',
      cell: finding =>
        clip(finding.platforms?.map(entry => entry.platform).join(', ') || '-', cellChars),
      shown: has(finding => finding.platforms?.length)
    },
    {
      header: 'CVSS',
      right: true,
      cell: finding => finding.cvssScore?.toFixed(1) ?? '-',
      shown: has(finding => finding.cvssScore !== undefined)
    },
    {
      header: 'EPSS',
      right: true,
      cell: finding => (finding.epss === undefined ? '-' : formatEpss(finding.epss)),
      shown: has(finding => finding.epss !== undefined)
    },
    {
      header: 'KEV',
      cell: finding => (finding.kev ? 'KEV' : ''),
      style: () => ['red', 'bold'],
      shown: has(finding => finding.kev !== undefined)
    },
    {
      header: 'EXPLOIT',
      cell: finding => (finding.exploitAvailable === 'YES' ? 'yes' : ''),
      style: () => ['magenta'],
      shown: has(finding => finding.exploitAvailable === 'YES')
    },
    {
      header: 'CHANGE',
      cell: finding => (baseline ? changeOf(baseline, finding) : ''),
      style: finding => (baseline && changeOf(baseline, finding) === 'new' ? ['bold'] : ['dim']),
      shown: () => baseline !== undefined
    },
    {
      header: 'JUDGED',
      cell: finding => {
        const outcome = disposition(finding)
        return outcome.kind === 'counted'
          ? 'yes'
          : outcome.kind === 'ignored'
            ? 'ignored'
            : 'set aside'
      },
      style: finding => (disposition(finding).kind === 'counted' ? [] : ['dim']),
      shown: findings => findings.some(finding => disposition(finding).kind !== 'counted')
    }
  ]
}

function sortedFindings(result: JudgedImage): Finding[] {
  const unchanged = unchangedFindings(result.findings, result.baseline)
  const rank = (finding: Finding) => SEVERITIES.indexOf(finding.severity)
  const newFirst = (a: Finding, b: Finding) => Number(unchanged.has(a)) - Number(unchanged.has(b))
  return [...result.findings].sort(
    (a, b) => rank(a) - rank(b) || newFirst(a, b) || compareFindings(a, b)
  )
}

function heading(result: ImageResult, paint: Paint): string {
  const name = terminalSafe(imageName(result))
  const where = result.image ? ` (${terminalSafe(result.image.region)})` : ''
  if (result.kind === 'unjudged') return `${paint('NO VERDICT', 'yellow', 'bold')}  ${name}${where}`
  return result.verdict.passed
    ? `${paint('PASSED', 'green', 'bold')}  ${name}${where}`
    : `${paint('FAILED', 'red', 'bold')}  ${name}${where}`
}

function scanLine(result: ImageResult): string {
  const { scan } = result
  const completed = scan.completedAt ? `, completed ${scan.completedAt.toISOString()}` : ''
  const platforms = result.platforms
    .map(platform => platform.platform)
    .filter((platform): platform is string => !!platform)
  const across = platforms.length > 0 ? `, platforms ${terminalSafe(platforms.join(', '))}` : ''
  return `  Scan: ${scan.type}, status ${terminalSafe(scan.status)}${completed}${across}`
}

function unjudged(result: UnjudgedImage, paint: Paint): string[] {
  const description = result.scan.description
    ? [`  AWS: ${terminalSafe(result.scan.description)}`]
    : []
  return [
    heading(result, paint),
    scanLine(result),
    ...description,
    `  ${paint(terminalSafe(result.problem.message), 'yellow')}`
  ]
}

function judged(result: JudgedImage, run: RunResult, options: TerminalOptions): string[] {
  const paint = painter(options.color)
  const lines = [heading(result, paint)]
  for (const breach of result.verdict.breaches)
    lines.push(`  ${paint('-', 'red')} ${describeBreach(breach)}`)
  lines.push(scanLine(result))
  const { baseline, triage } = result
  if (baseline)
    lines.push(
      `  Against ${terminalSafe(baseline.reference)} (${shortDigest(baseline.digest)}): ${baseline.newCount} new, ${baseline.fixed.length} fixed, ${baseline.unchangedCount} unchanged`
    )
  lines.push('', ...countsTable(result, run, paint))
  const setAside = triage.filters.map(
    filter => `${terminalSafe(filter.filter)} set aside ${plural(filter.setAside, 'finding')}`
  )
  const notes = [
    ...(triage.ignored.length > 0
      ? [`${plural(triage.ignored.length, 'finding')} ignored by rules`]
      : []),
    ...setAside,
    ...triage.expiredRules.map(
      rule => `expired rule ${terminalSafe(rule.id)} (${terminalSafe(rule.origin)})`
    ),
    ...triage.staleRules.map(
      rule => `stale rule ${terminalSafe(rule.id)} (${terminalSafe(rule.origin)})`
    )
  ]
  if (notes.length > 0) lines.push('', `  Triage: ${notes.join('; ')}`)
  lines.push('')
  if (result.findings.length === 0) {
    lines.push('  The scan reported no vulnerabilities.')
    return lines
  }
  lines.push(`  ${paint(`Findings (${result.findings.length})`, 'bold')}`)
  lines.push(
    ...table(sortedFindings(result), findingColumns(result, options.cellChars ?? 48), paint, '  ')
  )
  return lines
}

function overview(run: RunResult, paint: Paint): string {
  const passed = run.images.filter(image => image.kind === 'judged' && image.verdict.passed).length
  const failed = run.images.filter(image => image.kind === 'judged' && !image.verdict.passed).length
  const noVerdict = run.images.length - passed - failed
  const parts = [
    paint(`${passed} passed`, passed > 0 ? 'green' : 'dim'),
    paint(`${failed} failed`, failed > 0 ? 'red' : 'dim'),
    paint(`${noVerdict} without a verdict`, noVerdict > 0 ? 'yellow' : 'dim')
  ]
  return `${plural(run.images.length, 'image')}: ${parts.join(', ')}`
}

/** The verdict and findings of a run, for a terminal or a CI log: one block per image. */
export function renderTerminal(run: RunResult, options: TerminalOptions): string {
  const paint = painter(options.color)
  const blocks = run.images.map(result =>
    (result.kind === 'judged' ? judged(result, run, options) : unjudged(result, paint)).join('\n')
  )
  if (run.images.length > 1) blocks.push(overview(run, paint))
  return `${blocks.join('\n\n')}\n`
}
