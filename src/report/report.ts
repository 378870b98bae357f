import { type Finding, compareFindings, formatEpss } from '../model/findings.js'
import { shortDigest } from '../model/image.js'
import { escapeText, renderCode, renderId } from './markdown.js'
import { oneLine } from '../model/text.js'
import { describeBreach, limitFor, plural } from '../policy/policy.js'
import {
  SUMMARY_MAX_PLATFORMS,
  SUMMARY_MAX_ROWS,
  SUMMARY_TARGET_BYTES,
  countWithin
} from './limits.js'
import { type CommentOptions, renderRunComment } from './comment.js'
import { type ImageOutcome, decideOutcomes, isSoftened, tallyOutcomes } from '../core/outcome.js'
import type { ScanFailureMode } from '../config/inputs.js'
import {
  type IgnoreRule,
  type ImageResult,
  type PlatformScan,
  type ReportData,
  type RunResult,
  imageReport
} from '../core/results.js'
import { type BaselineDiff, changeOf, unchangedFindings } from '../policy/baseline.js'
import { type Disposition, dispositionOf } from '../policy/triage.js'
import {
  SEVERITIES,
  type Severity,
  type SeverityCounts,
  countBySeverity,
  emptyCounts,
  totalOf
} from '../model/severity.js'

/** Severities listed in the open, with the most severe present; the rest fold into `<details>`. */
const ALWAYS_VISIBLE: readonly Severity[] = ['CRITICAL', 'HIGH']
/** AWS's descriptions are free text of any length; the report quotes only this much of them. */
const PROBLEM_CHARS = 1_000
const BLOCK_SEPARATOR = '\n\n'

export { type CommentOptions, renderRunComment }

/** Options of the job summary. */
export interface SummaryOptions {
  /** Bytes the summary stays under; default `SUMMARY_TARGET_BYTES` (900 KiB). */
  limitBytes?: number
  /** Finding rows listed at most, over the whole run; default `SUMMARY_MAX_ROWS`. */
  maxRows?: number
  /**
   * The `scan-failure` input: with `fail` (the default) an image without a verdict fails the step;
   * `warn` makes it a warning, but a timeout or an error still fails it (see `isSoftenable`), and
   * is marked so.
   */
  scanFailure?: ScanFailureMode
}

/** Options of one image's summary, whose outcome the run has already decided. */
export interface ImageSummaryOptions extends Omit<SummaryOptions, 'scanFailure'> {
  /** Whether the image's no-verdict, if it has one, fails the step; default true. */
  noVerdictFails?: boolean
}

/** How the job summary renders: its room in bytes, its row cap and where the full list is. */
interface Target {
  /** Room for the whole report, in the unit `measure` counts. */
  limit: number
  measure: (text: string) => number
  /** Longest a single free-text field (description, ignore reason) may be, in characters. */
  fieldChars: number
  /** Where readers find the findings this report had no room for. */
  fullListPointer: string
  /** Finding rows listed at most. */
  maxRows: number
  /** Platforms of an index listed at most; the rest are counted. */
  maxPlatforms: number
  noVerdictFails: boolean
}

/** Room left in the report; every part is charged before it is added, so nothing is cut later. */
class Budget {
  constructor(
    private left: number,
    private readonly measure: (text: string) => number
  ) {}

  get remaining(): number {
    return this.left
  }

  /** Charges for the text when it fits, and says whether it did. */
  take(text: string): boolean {
    const size = this.measure(text)
    if (size > this.left) return false
    this.left -= size
    return true
  }

  /** Charges for a part the report cannot do without. */
  spend(text: string): void {
    this.left -= this.measure(text)
  }
}

function isoTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function imageName(data: ReportData): string {
  const tag = data.image.tag ? `:${data.image.tag}` : ''
  return escapeText(`${data.image.repository}${tag}`)
}

function cliCommand(data: ReportData): string {
  const { image } = data
  const registry = image.registryId ? ` --registry-id ${image.registryId}` : ''
  return renderCode(
    `aws ecr describe-image-scan-findings${registry} --repository-name ${image.repository} --image-id imageDigest=${image.digest} --region ${image.region}`
  )
}

function renderVerdict(data: ReportData, target: Target): string {
  const { verdict, scan } = data
  if (!verdict) {
    // The problem text of a scan that ended already quotes AWS's description: say it once.
    const quoted = !!scan.description && !!data.problem?.includes(oneLine(scan.description))
    const description =
      scan.description && !quoted
        ? ` (AWS: ${escapeText(scan.description, target.fieldChars)})`
        : ''
    const problem = data.problem
      ? `${BLOCK_SEPARATOR}${escapeText(data.problem, PROBLEM_CHARS)}`
      : ''
    const mark = target.noVerdictFails ? '❌' : '⚠️'
    return `## ${mark} No verdict for ${imageName(data)}${BLOCK_SEPARATOR}ECR scan status: **${escapeText(scan.status)}**${description}${problem}`
  }
  if (verdict.passed) return `## ✅ Passed: ${imageName(data)} breaks no severity threshold`
  const reasons = verdict.breaches.map(breach => `- ${describeBreach(breach)}`).join('\n')
  // The exploit and KEV rules are not severity thresholds: the list below names every rule broken.
  const broke = verdict.breaches.every(
    breach => breach.rule === 'fail-on' || breach.rule === 'max-count'
  )
    ? 'breaks the severity thresholds'
    : 'breaks the policy'
  return `## ❌ Failed: ${imageName(data)} ${broke}${BLOCK_SEPARATOR}${reasons}`
}

/** The image's own lines; its platforms follow, charged apart (see `renderPlatforms`). */
function renderImage(data: ReportData): string {
  const { image, scan } = data
  const tag = image.tag ? `, tag ${renderCode(image.tag)}` : ''
  const account = image.registryId ? `account ${escapeText(image.registryId)}` : 'this account'
  const times = [
    scan.completedAt ? `completed ${isoTime(scan.completedAt)}` : undefined,
    scan.vulnerabilitySourceUpdatedAt
      ? `vulnerability database from ${isoTime(scan.vulnerabilitySourceUpdatedAt)}`
      : undefined
  ].filter(part => part !== undefined)
  // One paragraph with hard line breaks, not a list: a list here would merge with the breach list.
  return [
    `**Image:** ${renderCode(image.repository)}${tag}, digest ${renderCode(shortDigest(image.digest), image.digest)}`,
    `**Registry:** ${account}, region ${escapeText(image.region)}`,
    `**Scan:** ${scan.type}, status ${escapeText(scan.status)}${times.map(time => `, ${time}`).join('')}`
  ].join('<br>\n')
}

/**
 * Each platform of an index with its status and its own counts, before the merge, as lines to
 * append to the image's paragraph. An index can have hundreds: they go in, in order, up to
 * `maxPlatforms` and while `budget` has room; the rest are counted, and the JSON report has all.
 */
function renderPlatforms(
  platforms: readonly PlatformScan[],
  budget: Budget,
  target: Target
): string {
  const named = platforms.filter(platform => platform.platform)
  if (named.length === 0) return ''
  const more = (count: number) =>
    `<br>\n…and ${plural(count, 'more platform')} (${named.length} in all); the JSON report (the \`json-report\` output) lists every one.`
  // Reserved at its longest form, every platform unlisted, before any is listed.
  budget.spend(more(named.length))
  const lines: string[] = []
  for (const platform of named) {
    if (lines.length >= target.maxPlatforms) break
    const counts = platform.counts ? `: ${severityTally(platform.counts) || 'no findings'}` : ''
    const line = `<br>\n**Platform ${escapeText(platform.platform ?? '', target.fieldChars)}:** ${renderCode(shortDigest(platform.digest), platform.digest)}, status ${escapeText(platform.scan.status, target.fieldChars)}${counts}`
    if (!budget.take(line)) break
    lines.push(line)
  }
  const rest = named.length - lines.length
  return `${lines.join('')}${rest > 0 ? more(rest) : ''}`
}

/** `2 CRITICAL, 5 HIGH`: only the severities present. */
function severityTally(counts: SeverityCounts): string {
  return SEVERITIES.filter(severity => counts[severity] > 0)
    .map(severity => `${counts[severity]} ${severity}`)
    .join(', ')
}

function thresholdCell(limit: number | undefined): string {
  if (limit === undefined) return '—'
  return limit === 0 ? '0' : `≤ ${limit}`
}

function renderCounts(data: ReportData): string {
  const judged = data.verdict?.counts
  const showJudged =
    !!judged && SEVERITIES.some(severity => judged[severity] !== data.counts[severity])
  const header = showJudged
    ? '| Severity | Found | Judged | Threshold |\n|---|---:|---:|---|'
    : '| Severity | Found | Threshold |\n|---|---:|---|'
  const rows = SEVERITIES.map(severity => {
    const judgedCell = showJudged ? ` ${judged[severity]} |` : ''
    return `| ${severity} | ${data.counts[severity]} |${judgedCell} ${thresholdCell(limitFor(severity, data.thresholds))} |`
  })
  const judgedTotal = showJudged ? ` **${totalOf(judged)}** |` : ''
  rows.push(`| **Total** | **${totalOf(data.counts)}** |${judgedTotal} |`)
  return `${header}\n${rows.join('\n')}`
}

function describeRule(rule: IgnoreRule): string {
  const scope = rule.package ? ` for ${escapeText(rule.package)}` : ''
  return `${escapeText(rule.id)}${scope} (${escapeText(rule.origin)})`
}

/** The triage entries, shortest and most actionable first; ignored findings can be thousands. */
function* triageLines(data: ReportData, fieldChars: number): Generator<string> {
  const { triage } = data
  for (const { filter, setAside, keptUnknown } of triage.filters) {
    const unknown =
      keptUnknown > 0
        ? ` and kept ${plural(keptUnknown, 'finding')} the scan gave it nothing to judge by`
        : ''
    yield `- Filter **${escapeText(filter)}** set aside ${plural(setAside, 'finding')}${unknown}.`
  }
  for (const rule of triage.expiredRules) {
    const expiry = rule.expires ? ` expired after ${escapeText(rule.expires)} and` : ''
    yield `- Expired rule ${describeRule(rule)}${expiry} no longer applies.`
  }
  for (const rule of triage.staleRules) {
    yield `- Stale rule ${describeRule(rule)} matched no finding in this image.`
  }
  for (const { finding, rule } of triage.ignored) {
    const where = finding.packageName ? ` in ${escapeText(finding.packageName, fieldChars)}` : ''
    const expiry = rule.expires ? `, until ${escapeText(rule.expires)}` : ''
    yield `- Ignored ${finding.severity} ${renderId(finding.id, finding.link, fieldChars)}${where}: ${escapeText(rule.reason, fieldChars)} (${escapeText(rule.origin)}${expiry})`
  }
}

function triageEntryCount({ triage }: ReportData): number {
  return (
    triage.filters.length +
    triage.expiredRules.length +
    triage.staleRules.length +
    triage.ignored.length
  )
}

function renderTriage(
  data: ReportData,
  budget: Budget,
  fieldChars: number,
  maxLines: number
): string {
  const entryCount = triageEntryCount(data)
  const heading = `### Ignored and filtered${BLOCK_SEPARATOR}The policy judged ${data.triage.counted.length} of ${plural(data.findings.length, 'finding')}.${BLOCK_SEPARATOR}`
  const moreLine = (count: number) => `\n- …and ${count} more, not listed.`
  budget.spend(heading + moreLine(entryCount))
  const lines: string[] = []
  // An entry too long for the room left is skipped, not a reason to stop listing shorter ones.
  for (const line of triageLines(data, fieldChars)) {
    if (lines.length >= maxLines) break
    if (budget.take(`\n${line}`)) lines.push(line)
  }
  const more = lines.length < entryCount ? moreLine(entryCount - lines.length) : ''
  return `${heading}${lines.join('\n')}${more}`
}

interface Column {
  header: string
  numeric?: boolean
  /** Whether the finding has a value here; a column no finding has a value for is hidden. */
  hasValue: (finding: Finding) => boolean
  cell: (finding: Finding, fieldChars: number) => string
}

const orDash = (value: string | undefined, fieldChars: number) =>
  value ? escapeText(value, fieldChars) : '—'
const availability = (value: string) => (value === 'UNKNOWN' ? '—' : value.toLowerCase())

const COLUMNS: Column[] = [
  {
    header: 'ID',
    hasValue: () => true,
    cell: (finding, fieldChars) => renderId(finding.id, finding.link, fieldChars)
  },
  {
    header: 'Package',
    hasValue: finding => !!finding.packageName,
    cell: (finding, fieldChars) => orDash(finding.packageName, fieldChars)
  },
  {
    header: 'Installed',
    hasValue: finding => !!finding.installedVersion,
    cell: (finding, fieldChars) => orDash(finding.installedVersion, fieldChars)
  },
  {
    header: 'Platforms',
    hasValue: finding => (finding.platforms?.length ?? 0) > 0,
    cell: (finding, fieldChars) => orDash(platformCell(finding), fieldChars)
  },
  {
    header: 'Fixed in',
    hasValue: finding => !!finding.fixedInVersion,
    cell: (finding, fieldChars) => orDash(finding.fixedInVersion, fieldChars)
  },
  {
    header: 'CVSS',
    numeric: true,
    hasValue: finding => finding.cvssScore !== undefined,
    cell: finding => finding.cvssScore?.toFixed(1) ?? '—'
  },
  {
    header: 'EPSS',
    numeric: true,
    hasValue: finding => finding.epss !== undefined,
    cell: finding => formatEpss(finding.epss) || '—'
  },
  {
    header: 'CISA KEV',
    hasValue: finding => !!finding.kev,
    cell: finding =>
      finding.kev
        ? `**yes**${finding.kev.dateAdded ? `, added ${escapeText(finding.kev.dateAdded)}` : ''}`
        : '—'
  },
  {
    header: 'Fix',
    hasValue: finding => finding.fixAvailable !== 'UNKNOWN',
    cell: finding => availability(finding.fixAvailable)
  },
  {
    header: 'Exploit',
    hasValue: finding => finding.exploitAvailable !== 'UNKNOWN',
    cell: finding => availability(finding.exploitAvailable)
  },
  {
    header: 'Description',
    hasValue: finding => !!finding.description,
    cell: (finding, fieldChars) => orDash(finding.description, fieldChars)
  }
]

/** `linux/amd64, linux/arm64/v8`, with each platform's version when they differ. */
function platformCell(finding: Finding): string | undefined {
  const platforms = finding.platforms ?? []
  const versions = new Set(platforms.map(entry => entry.installedVersion))
  return platforms
    .map(entry =>
      versions.size > 1 && entry.installedVersion
        ? `${entry.platform} (${entry.installedVersion})`
        : entry.platform
    )
    .join(', ')
}

/** Most severe group first; with a baseline, new findings lead each group. */
function groupBySeverity(
  findings: readonly Finding[],
  baseline?: BaselineDiff
): [Severity, Finding[]][] {
  const groups = new Map<Severity, Finding[]>(SEVERITIES.map(severity => [severity, []]))
  for (const finding of findings) groups.get(finding.severity)?.push(finding)
  // Looked up once per finding, not once per comparison: 50,000 findings sort in milliseconds.
  const unchanged = unchangedFindings(findings, baseline)
  const newFirst = (a: Finding, b: Finding) => Number(unchanged.has(a)) - Number(unchanged.has(b))
  return [...groups]
    .filter(([, group]) => group.length > 0)
    .map(([severity, group]) => [
      severity,
      group.sort((a, b) => newFirst(a, b) || compareFindings(a, b))
    ])
}

function changeColumn(baseline: BaselineDiff): Column {
  return {
    header: 'Change',
    hasValue: () => true,
    cell: finding => (changeOf(baseline, finding) === 'new' ? '**new**' : 'unchanged')
  }
}

/** "N new, M fixed, K unchanged" against the baseline, right under the verdict. */
function renderBaseline(baseline: BaselineDiff): string {
  return `**Against ${escapeText(baseline.reference)}** (${renderCode(shortDigest(baseline.digest), baseline.digest)}): **${baseline.newCount} new**, ${baseline.fixed.length} fixed, ${baseline.unchangedCount} unchanged.`
}

const DISPOSITION_LABEL: Record<Disposition['kind'], string> = {
  counted: 'yes',
  'set-aside': 'set aside',
  ignored: 'ignored'
}

/** A "Judged" column, shown only when ignore rules or filters took findings out. */
function judgedColumn(disposition: (finding: Finding) => Disposition): Column {
  return {
    header: 'Judged',
    hasValue: finding => disposition(finding).kind !== 'counted',
    cell: finding => DISPOSITION_LABEL[disposition(finding).kind]
  }
}

interface Listing {
  blocks: string[]
  listed: SeverityCounts
}

/**
 * Rows go in most severe first until the budget or the row cap runs out, so a cut list is always
 * a prefix; a cut group says how many of its findings it shows.
 */
function renderFindings(data: ReportData, budget: Budget, target: Target): Listing {
  const { fieldChars } = target
  const listed = emptyCounts()
  const heading = `### Findings (${data.findings.length})`
  budget.spend(heading + BLOCK_SEPARATOR)
  if (data.findings.length === 0) {
    const none = 'The scan reported no vulnerabilities.'
    budget.spend(none + BLOCK_SEPARATOR)
    return { blocks: [heading, none], listed }
  }
  const disposition = dispositionOf(data.triage)
  const baseline = data.baseline
  const extra = baseline ? [changeColumn(baseline)] : []
  const columns = [...extra, ...COLUMNS, judgedColumn(disposition)].filter(column =>
    data.findings.some(column.hasValue)
  )
  const tableHeader = `| ${columns.map(column => column.header).join(' | ')} |\n|${columns.map(column => (column.numeric ? '---:' : '---')).join('|')}|`
  const blocks = [heading]
  let rowsLeft = target.maxRows
  for (const [severity, group] of groupBySeverity(data.findings, baseline)) {
    const visible = ALWAYS_VISIBLE.includes(severity) || blocks.length === 1
    // Charged at its longest form, "(N of N shown)", before the rows are known.
    const title = (shown: number) =>
      shown < group.length
        ? `${severity} (${shown} of ${group.length} shown)`
        : `${severity} (${group.length})`
    const opening = (shown: number) =>
      visible
        ? `#### ${title(shown)}${BLOCK_SEPARATOR}${tableHeader}`
        : `<details><summary><b>${title(shown)}</b></summary>${BLOCK_SEPARATOR}${tableHeader}`
    const closing = visible ? '' : `${BLOCK_SEPARATOR}</details>`
    const rows: string[] = []
    for (const finding of group) {
      if (rows.length >= rowsLeft) break
      const row = `\n| ${columns.map(column => column.cell(finding, fieldChars)).join(' | ')} |`
      const cost =
        rows.length === 0 ? opening(group.length - 1) + row + closing + BLOCK_SEPARATOR : row
      if (!budget.take(cost)) break
      rows.push(row)
    }
    if (rows.length === 0) break
    rowsLeft -= rows.length
    listed[severity] = rows.length
    blocks.push(`${opening(rows.length)}${rows.join('')}${closing}`)
    if (rows.length < group.length) break
  }
  return { blocks, listed }
}

function renderNotListed(data: ReportData, notListed: SeverityCounts, target: Target): string {
  const breakdown = SEVERITIES.filter(severity => notListed[severity] > 0)
    .map(severity => `${notListed[severity]} ${severity}`)
    .join(', ')
  return `**${totalOf(notListed)} of ${plural(data.findings.length, 'finding')} not listed** (${breakdown}): the summary lists at most ${target.maxRows.toLocaleString('en-US')} rows and stays well under GitHub's size limit; every count above is exact. ${target.fullListPointer}`
}

function renderFooter(data: ReportData): string {
  return `---${BLOCK_SEPARATOR}<sub>ecr-scan-findings ${escapeText(data.actionVersion)} · Reproduce locally: ${cliCommand(data)}, or ${renderCode('npm ci && npm run demo')} in a clone of the action.</sub>`
}

function renderReport(data: ReportData, target: Target): string {
  const budget = new Budget(target.limit, target.measure)
  const verdict = renderVerdict(data, target)
  const baseline = data.baseline ? [renderBaseline(data.baseline)] : []
  const image = renderImage(data)
  const footer = renderFooter(data)
  for (const block of [verdict, ...baseline, image, footer]) budget.spend(block + BLOCK_SEPARATOR)
  // The platforms are charged after every part the report cannot do without, each with a check.
  if (!data.verdict) {
    const platforms = renderPlatforms(data.platforms, budget, target)
    return `${[verdict, ...baseline, image + platforms, footer].join(BLOCK_SEPARATOR)}\n`
  }

  const counts = renderCounts(data)
  budget.spend(counts + BLOCK_SEPARATOR)
  const found = countBySeverity(data.findings)
  // Reserved before listing anything: the notice with every finding unlisted is its longest form.
  budget.spend(renderNotListed(data, found, target) + BLOCK_SEPARATOR)
  // At most a quarter of the room, so hundreds of platforms cannot crowd out the findings.
  const platformBudget = new Budget(Math.floor(budget.remaining / 4), target.measure)
  const platforms = renderPlatforms(data.platforms, platformBudget, target)
  budget.spend(platforms)
  const head = [verdict, ...baseline, image + platforms, counts]
  if (triageEntryCount(data) > 0) {
    // At most a quarter of the room, so thousands of ignored findings cannot crowd out those judged.
    const triageBudget = new Budget(Math.floor(budget.remaining / 4), target.measure)
    const triage = renderTriage(data, triageBudget, target.fieldChars, target.maxRows)
    budget.spend(triage + BLOCK_SEPARATOR)
    head.push(triage)
  }
  const { blocks, listed } = renderFindings(data, budget, target)
  const notListed = emptyCounts()
  for (const severity of SEVERITIES) notListed[severity] = found[severity] - listed[severity]
  const tail = totalOf(notListed) > 0 ? [renderNotListed(data, notListed, target)] : []
  return `${[...head, ...blocks, ...tail, footer].join(BLOCK_SEPARATOR)}\n`
}

export function renderSummary(data: ReportData, options: ImageSummaryOptions = {}): string {
  return renderReport(data, {
    limit: options.limitBytes ?? SUMMARY_TARGET_BYTES,
    measure: text => Buffer.byteLength(text, 'utf8'),
    fieldChars: 300,
    fullListPointer:
      'The full list is in the JSON report (the `json-report` output; keep it with actions/upload-artifact), or run the AWS CLI command below.',
    maxRows: Math.max(1, options.maxRows ?? SUMMARY_MAX_ROWS),
    maxPlatforms: SUMMARY_MAX_PLATFORMS,
    noVerdictFails: options.noVerdictFails ?? true
  })
}

function overviewRow(
  data: ReportData,
  result: ImageResult,
  outcome: ImageOutcome,
  baselineColumn: boolean
): string {
  const verdict =
    result.kind === 'judged'
      ? result.verdict.passed
        ? '✅ passed'
        : '❌ failed'
      : `${isSoftened(outcome) ? '⚠️' : '❌'} no verdict`
  const platforms = result.platforms.map(platform => platform.platform).filter(Boolean)
  const shown = platforms.slice(0, SUMMARY_MAX_PLATFORMS)
  const more =
    platforms.length > shown.length ? `, …and ${platforms.length - shown.length} more` : ''
  const counts = result.kind === 'judged' ? severityTally(result.counts) || 'none' : '—'
  const change = baselineColumn ? ` ${data.baseline ? `${data.baseline.newCount} new` : '—'} |` : ''
  return `| ${escapeText(result.target.reference)} | ${platforms.length > 0 ? `${escapeText(shown.join(', '))}${more}` : '—'} | ${escapeText(result.scan.status)} | ${counts} |${change} ${verdict} |`
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

/**
 * Several images: one row each, so the reader sees which failed before the details. The table
 * takes at most `room` bytes; rows past it are counted, and the JSON report has every image.
 */
function renderOverview(
  run: RunResult,
  reports: ReportData[],
  outcomes: ImageOutcome[],
  room: number
): string {
  // A no-verdict that scan-failure: warn softened leaves the step green: it is counted apart.
  const { images, failing, softened, noVerdict } = tallyOutcomes(outcomes)
  const headline =
    failing === 0 && softened === 0
      ? `## ✅ Passed: ${images} images break no severity threshold`
      : failing === 0
        ? `## ⚠️ ${softened} of ${images} images ${noVerdict}`
        : `## ❌ ${failing} of ${images} images failed or have no verdict${softened > 0 ? `; ⚠️ ${softened} more ${noVerdict}` : ''}`
  const baselineColumn = reports.some(data => data.baseline)
  const rows = run.images.map((image, index) =>
    overviewRow(
      reports[index] as ReportData,
      image,
      outcomes[index] as ImageOutcome,
      baselineColumn
    )
  )
  const shown = countWithin(rows, room, row => bytes(row) + 1)
  const more =
    shown < rows.length
      ? [`${rows.length - shown} more images are not listed here; the JSON report has them all.`]
      : []
  return [
    headline,
    [
      `| Image | Platforms | Scan status | Findings |${baselineColumn ? ' Baseline |' : ''} Verdict |`,
      `| --- | --- | --- | --- |${baselineColumn ? ' --- |' : ''} --- |`,
      ...rows.slice(0, shown)
    ].join('\n'),
    ...more
  ].join(BLOCK_SEPARATOR)
}

/**
 * The job summary of a whole run: one image as before; several as an overview, then each image,
 * sharing the byte budget and the row cap.
 */
export function renderRunSummary(run: RunResult, options: SummaryOptions = {}): string {
  const limit = options.limitBytes ?? SUMMARY_TARGET_BYTES
  const maxRows = Math.max(1, options.maxRows ?? SUMMARY_MAX_ROWS)
  const reports = run.images.map(image => imageReport(run, image))
  const outcomes = decideOutcomes(run, options.scanFailure ?? 'fail')
  if (reports.length === 1 && reports[0]) {
    return renderSummary(reports[0], {
      limitBytes: limit,
      maxRows,
      noVerdictFails: !isSoftened(outcomes[0] as ImageOutcome)
    })
  }
  const overview = `${renderOverview(run, reports, outcomes, Math.floor(limit / 4))}${BLOCK_SEPARATOR}`
  const omitted = (count: number) =>
    `**Details of ${count} more images are not shown** to stay within GitHub's size limit; the overview above lists them, and the JSON report has every finding.`
  const room = limit - bytes(overview) - bytes(omitted(reports.length)) - 1
  const share = Math.floor(room / reports.length)
  const rowShare = Math.max(1, Math.floor(maxRows / reports.length))
  const sections = reports.map((data, index) =>
    renderSummary(data, {
      limitBytes: share,
      maxRows: rowShare,
      noVerdictFails: !isSoftened(outcomes[index] as ImageOutcome)
    })
  )
  // A section can outgrow its share (a no-verdict report keeps its whole problem): sections go in
  // while they fit, and the rest are counted.
  const kept = countWithin(sections, room, section => bytes(section) + 1)
  const tail = kept < sections.length ? [omitted(sections.length - kept)] : []
  return overview + [...sections.slice(0, kept), ...tail].join('\n')
}
