/**
 * The PR comment: a digest of the run, a few thousand characters, that says what fails the check
 * and how to fix it. The job summary (report.ts) stays the complete report; the comment links to it.
 */
import {
  type Finding,
  compareFindings,
  compareRisk,
  compareText,
  formatEpss
} from '../model/findings.js'
import { type ImageRef, shortDigest } from '../model/image.js'
import { type Breach, type Thresholds, limitFor, plural } from '../policy/policy.js'
import { type BaselineDiff, changeOf, unchangedFindings } from '../policy/baseline.js'
import {
  type ImageResult,
  type ReportData,
  type RunResult,
  type Triage,
  imageReport
} from '../core/results.js'
import { type ImageOutcome, decideOutcomes, isSoftened, tallyOutcomes } from '../core/outcome.js'
import type { ScanFailureMode } from '../config/inputs.js'
import {
  SEVERITIES,
  type Severity,
  type SeverityCounts,
  countBySeverity,
  severityRank
} from '../model/severity.js'
import { escapeText, renderCode, renderId, renderLink } from './markdown.js'
import {
  COMMENT_BODY_LIMIT,
  COMMENT_MARKER_BUDGET,
  COMMENT_MAX_PLATFORMS,
  COMMENT_MAX_ROWS,
  countWithin
} from './limits.js'
import { highestVersion } from './versions.js'

export interface CommentOptions {
  /** GitHub's limit for a comment body; default `COMMENT_BODY_LIMIT`. */
  limitChars?: number
  /** Characters left for the hidden marker line; default `COMMENT_MARKER_BUDGET`. */
  reservedChars?: number
  /** Rows "What fails the check", "How to fix" and the ignored list show at most; default 10. */
  maxRows?: number
  /**
   * The `scan-failure` input: with `fail` (the default) an image without a verdict fails the step;
   * `warn` makes it a warning, but a timeout or an error still fails it (see `isSoftenable`), and
   * is marked so.
   */
  scanFailure?: ScanFailureMode
}

/** What the footer says about the run; all optional but the version. */
export interface RunFacts {
  actionVersion: string
  runUrl?: string
  commit?: string
  updatedAt?: Date
}

const BLOCK = '\n\n'
/** Free text in the comment (package names, reasons) is cut at this many characters. */
const FIELD_CHARS = 120
/** AWS's and our own problem text is quoted up to this many characters. */
const PROBLEM_CHARS = 1_000
/** The image in a headline: short enough that `## ❌ Failed: ` and it fit a line on a phone. */
const HEADLINE_NAME_CHARS = 36
const HEADLINE_TAG_CHARS = 16

/** Keeps the start and the end, which tell tags apart (`pr-1234-3f9a2c1`), with "…" between. */
export function shortenMiddle(text: string, maxChars: number): string {
  const points = Array.from(text)
  if (points.length <= maxChars) return text
  const tail = Math.floor((maxChars - 1) / 2)
  const head = maxChars - 1 - tail
  return `${points.slice(0, head).join('')}…${points.slice(points.length - tail).join('')}`
}

/** `api:v1.2.3` or `api@sha256:0123456789ab`, short; the full reference is the hover title. */
export function headlineName(image: ImageRef, reference: string): string {
  const suffix = image.tag
    ? `:${shortenMiddle(image.tag, HEADLINE_TAG_CHARS)}`
    : image.digest
      ? `@${shortDigest(image.digest)}`
      : ''
  const room = Math.max(8, HEADLINE_NAME_CHARS - Array.from(suffix).length)
  const segments = image.repository.split('/')
  const last = segments[segments.length - 1] ?? image.repository
  const repository =
    image.repository.length <= room
      ? image.repository
      : segments.length > 1 && last.length + 2 <= room
        ? `…/${last}`
        : shortenMiddle(image.repository, room)
  const full = image.digest
    ? `${image.repository}${image.tag ? `:${image.tag}` : ''}@${image.digest}`
    : reference
  return renderCode(`${repository}${suffix}`, full)
}

/** Severities whose count broke a threshold; the exploit rule is not a severity and is separate. */
export function breachedSeverities(
  breaches: readonly Breach[],
  judged: SeverityCounts
): Set<Severity> {
  const breached = new Set<Severity>()
  for (const breach of breaches) {
    if (breach.rule === 'max-count') breached.add(breach.severity)
    if (breach.rule === 'fail-on') {
      for (const severity of SEVERITIES) {
        if (
          severityRank(severity) >= severityRank(breach.severity) &&
          !breach.exempt.includes(severity) &&
          judged[severity] > 0
        )
          breached.add(severity)
      }
    }
  }
  return breached
}

/** The rule for one severity in words: "any fails", "max 5" or "not gated". */
export function thresholdWords(severity: Severity, thresholds: Thresholds): string {
  const limit = limitFor(severity, thresholds)
  if (limit === undefined) return 'not gated'
  return limit === 0 ? 'any fails' : `max ${limit}`
}

function severityTally(counts: SeverityCounts): string {
  return SEVERITIES.filter(severity => counts[severity] > 0)
    .map(severity => `${counts[severity]} ${severity}`)
    .join(', ')
}

/**
 * One line with every severity, its count, its rule in words and ❌ where the rule broke; then
 * the known-exploit and CISA KEV rules when they are on, which can fail an image at any severity.
 */
function renderCountsLine(data: ReportData): string {
  const judged = data.verdict?.counts ?? data.counts
  const breaches = data.verdict?.breaches ?? []
  const breached = breachedSeverities(breaches, judged)
  const parts = SEVERITIES.map(severity => {
    const found = data.counts[severity]
    const judgedNote = judged[severity] !== found ? `, ${judged[severity]} judged` : ''
    const text = `${severity} ${found}${judgedNote} (${thresholdWords(severity, data.thresholds)})`
    return breached.has(severity) ? `❌ **${text}**` : text
  })
  if (data.thresholds.failOnExploit) {
    const exploit = breaches.find(breach => breach.rule === 'exploit')
    const count = exploit?.count ?? 0
    const text = `known exploit ${count} (any fails)`
    parts.push(exploit ? `❌ **${text}**` : text)
  }
  if (data.thresholds.failOnKev) {
    const kev = breaches.find(breach => breach.rule === 'kev')
    const text = `on CISA KEV ${kev?.count ?? 0} (any fails)`
    parts.push(kev ? `❌ **${text}**` : text)
  }
  return parts.join(' · ')
}

function renderBaselineLine(baseline: BaselineDiff): string {
  return `**${baseline.newCount} new**, ${baseline.fixed.length} fixed, ${baseline.unchangedCount} unchanged against ${renderCode(shortenMiddle(baseline.reference, 40), baseline.reference)} (${renderCode(shortDigest(baseline.digest), baseline.digest)})`
}

/**
 * The counted findings the verdict stands on: those at a broken severity, known exploits when
 * that rule broke, and findings on CISA's KEV list when fail-on-kev broke.
 */
export function failingFindings(data: ReportData): Finding[] {
  const verdict = data.verdict
  if (!verdict || verdict.passed) return []
  const breached = breachedSeverities(verdict.breaches, verdict.counts)
  const exploit = verdict.breaches.some(breach => breach.rule === 'exploit')
  const kev = verdict.breaches.some(breach => breach.rule === 'kev')
  return data.triage.counted.filter(
    finding =>
      breached.has(finding.severity) ||
      (exploit && finding.exploitAvailable === 'YES') ||
      (kev && !!finding.kev)
  )
}

const hasFix = (finding: Finding) =>
  finding.fixAvailable === 'YES' || finding.fixAvailable === 'PARTIAL' || !!finding.fixedInVersion

/**
 * New first, then on CISA's KEV list, then by EPSS, then known exploit, then fix available, then
 * CVSS (highest first), then as reports list; newness is looked up once per finding.
 */
export function sortFailing(findings: readonly Finding[], baseline?: BaselineDiff): Finding[] {
  const unchanged = unchangedFindings(findings, baseline)
  return [...findings].sort(
    (a, b) =>
      Number(unchanged.has(a)) - Number(unchanged.has(b)) ||
      compareRisk(a, b) ||
      Number(b.exploitAvailable === 'YES') - Number(a.exploitAvailable === 'YES') ||
      Number(hasFix(b)) - Number(hasFix(a)) ||
      (b.cvssScore ?? -1) - (a.cvssScore ?? -1) ||
      compareFindings(a, b)
  )
}

/** The order the rows follow, naming only the keys these findings have. */
function orderOf(findings: readonly Finding[], baseline?: BaselineDiff): string {
  const keys = [
    baseline ? 'new' : undefined,
    findings.some(finding => finding.kev) ? 'on CISA KEV' : undefined,
    findings.some(finding => finding.epss !== undefined) ? 'by EPSS' : undefined,
    findings.some(finding => finding.exploitAvailable === 'YES') ? 'known exploits' : undefined,
    'fixable',
    'by CVSS'
  ].filter(key => key !== undefined)
  return `${keys[0]} first, then ${keys.slice(1).join(', then ')}`
}

function orDash(value: string | undefined): string {
  return value ? escapeText(value, FIELD_CHARS) : '—'
}

function fullListLink(runUrl: string | undefined): string {
  return renderLink('job summary', runUrl)
}

function renderFailing(
  data: ReportData,
  failing: readonly Finding[],
  maxRows: number,
  runUrl?: string
): string | undefined {
  if (failing.length === 0) return undefined
  const baseline = data.baseline
  const shown = sortFailing(failing, baseline).slice(0, maxRows)
  const notes = (finding: Finding) =>
    [
      baseline && changeOf(baseline, finding) === 'new' ? '**new**' : undefined,
      finding.kev ? '**on CISA KEV**' : undefined,
      finding.epss !== undefined ? `EPSS ${formatEpss(finding.epss)}` : undefined,
      finding.exploitAvailable === 'YES' ? 'known exploit' : undefined
    ]
      .filter(note => note !== undefined)
      .join(', ') || '—'
  const rows = shown.map(
    finding =>
      `| ${renderId(finding.id, finding.link, FIELD_CHARS)} | ${finding.severity} | ${orDash(finding.packageName)} | ${orDash(finding.installedVersion)} | ${orDash(finding.fixedInVersion)} | ${finding.cvssScore?.toFixed(1) ?? '—'} | ${notes(finding)} |`
  )
  const table = [
    '| ID | Severity | Package | Installed | Fixed in | CVSS | Notes |',
    '|---|---|---|---|---|---:|---|',
    ...rows
  ].join('\n')
  const count =
    shown.length < failing.length
      ? `${shown.length} of ${failing.length} shown, ${orderOf(failing, baseline)}. The rest are in this run's ${fullListLink(runUrl)}.`
      : `${plural(failing.length, 'finding')}, ${orderOf(failing, baseline)}.`
  return [`#### What fails the check`, count, table].join(BLOCK)
}

interface FixGroup {
  packageName: string
  versions: Set<string>
  findings: Finding[]
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(part => part.trim())
    .filter(part => part !== '')
}

/**
 * Failing findings with a fixed-in version, by package: the highest version a package must reach
 * fixes every finding of its group. A finding in several packages pairs names with versions when
 * the scan gave as many of each; otherwise it counts under every name with all the versions.
 */
export function fixGroups(findings: readonly Finding[]): {
  groups: FixGroup[]
  unfixed: Finding[]
} {
  const groups = new Map<string, FixGroup>()
  const unfixed: Finding[] = []
  for (const finding of findings) {
    const versions = splitList(finding.fixedInVersion)
    const names = splitList(finding.packageName)
    if (versions.length === 0) {
      unfixed.push(finding)
      continue
    }
    const pairs: [string, string[]][] =
      names.length === versions.length && names.length > 1
        ? names.map((name, index) => [name, [versions[index] ?? '']])
        : (names.length > 0 ? names : ['(unnamed package)']).map(name => [name, versions])
    for (const [name, fixed] of pairs) {
      const group = groups.get(name) ?? { packageName: name, versions: new Set(), findings: [] }
      for (const version of fixed) group.versions.add(version)
      group.findings.push(finding)
      groups.set(name, group)
    }
  }
  const worstRank = new Map(
    [...groups.values()].map(group => [
      group,
      group.findings.reduce((worst, finding) => Math.max(worst, severityRank(finding.severity)), 0)
    ])
  )
  const worst = (group: FixGroup) => worstRank.get(group) ?? 0
  const ordered = [...groups.values()].sort(
    (a, b) =>
      worst(b) - worst(a) ||
      b.findings.length - a.findings.length ||
      compareText(a.packageName, b.packageName)
  )
  return { groups: ordered, unfixed }
}

function renderFixes(
  failing: readonly Finding[],
  maxRows: number,
  runUrl?: string
): string | undefined {
  if (failing.length === 0) return undefined
  const { groups, unfixed } = fixGroups(failing)
  const lines = groups.slice(0, maxRows).map(group => {
    const version = highestVersion(group.versions) ?? ''
    const others =
      group.versions.size > 1
        ? ` (the highest of ${group.versions.size} fixed-in versions the scan gives)`
        : ''
    return `- Upgrade **${escapeText(group.packageName, FIELD_CHARS)}** to ${renderCode(shortenMiddle(version, FIELD_CHARS), version.length > FIELD_CHARS ? version : undefined)}: fixes ${plural(group.findings.length, 'finding')}, ${severityTally(countBySeverity(group.findings))}${others}.`
  })
  if (groups.length > maxRows) {
    lines.push(
      `- …and ${plural(groups.length - maxRows, 'more package')}, in this run's ${fullListLink(runUrl)}.`
    )
  }
  if (unfixed.length > 0) {
    lines.push(
      `- No fixed version known yet for ${plural(unfixed.length, 'finding')} (${severityTally(countBySeverity(unfixed))}).`
    )
  }
  return [`#### How to fix`, lines.join('\n')].join(BLOCK)
}

/** Ignored findings, filters, expired and stale rules, folded: they explain, they do not fail. */
function renderSetAside(triage: Triage, maxRows: number, runUrl?: string): string | undefined {
  const setAside = triage.filters.reduce((total, filter) => total + filter.setAside, 0)
  const summary = [
    triage.ignored.length > 0 ? `${triage.ignored.length} ignored` : undefined,
    setAside > 0 ? `${setAside} set aside by filters` : undefined,
    triage.expiredRules.length > 0 ? plural(triage.expiredRules.length, 'expired rule') : undefined,
    triage.staleRules.length > 0 ? plural(triage.staleRules.length, 'stale rule') : undefined
  ].filter(part => part !== undefined)
  if (summary.length === 0) return undefined
  const rule = (id: string, pkg: string | undefined, origin: string) =>
    `${escapeText(id, FIELD_CHARS)}${pkg ? ` for ${escapeText(pkg, FIELD_CHARS)}` : ''} (${escapeText(origin, FIELD_CHARS)})`
  const entries = [
    ...triage.expiredRules.map(
      expired =>
        `- Expired rule ${rule(expired.id, expired.package, expired.origin)}${expired.expires ? `, after ${escapeText(expired.expires)}` : ''}: it ignores nothing now.`
    ),
    ...triage.staleRules.map(
      stale =>
        `- Stale rule ${rule(stale.id, stale.package, stale.origin)}: it matched no finding of this image.`
    ),
    ...triage.filters
      .filter(filter => filter.setAside > 0)
      .map(
        filter =>
          `- Filter **${escapeText(filter.filter)}** set aside ${plural(filter.setAside, 'finding')}.`
      ),
    ...triage.ignored.map(
      ({ finding, rule: by }) =>
        `- Ignored ${finding.severity} ${renderId(finding.id, finding.link, FIELD_CHARS)}${finding.packageName ? ` in ${escapeText(finding.packageName, FIELD_CHARS)}` : ''}: ${escapeText(by.reason, FIELD_CHARS)} (${escapeText(by.origin, FIELD_CHARS)}${by.expires ? `, until ${escapeText(by.expires)}` : ''})`
    )
  ]
  const shown = entries.slice(0, maxRows)
  if (entries.length > shown.length) {
    shown.push(
      `- …${entries.length - shown.length} of ${entries.length} not shown here; all are in this run's ${fullListLink(runUrl)}.`
    )
  }
  return `<details><summary>Ignored findings and ignore rules: ${summary.join(', ')}</summary>${BLOCK}${shown.join('\n')}${BLOCK}</details>`
}

/**
 * Full values the headline shortened, folded; an index's platforms up to `COMMENT_MAX_PLATFORMS`,
 * the rest counted (the job summary lists up to `SUMMARY_MAX_PLATFORMS`, the JSON report all).
 */
function renderImageDetails(data: ReportData): string {
  const { image, scan } = data
  const platforms = data.platforms.filter(platform => platform.platform)
  const shown = platforms.slice(0, COMMENT_MAX_PLATFORMS)
  const lines = [
    `Repository ${renderCode(image.repository)}`,
    image.tag ? `tag ${renderCode(image.tag)}` : undefined,
    image.digest ? `digest ${renderCode(image.digest)}` : undefined,
    `${image.registryId ? `account ${escapeText(image.registryId)}, ` : ''}region ${escapeText(image.region || '—')}`,
    `${scan.type} scan, status ${escapeText(scan.status)}`,
    ...shown.map(
      platform =>
        `platform ${escapeText(platform.platform ?? '', FIELD_CHARS)} ${renderCode(shortDigest(platform.digest), platform.digest)} ${escapeText(platform.scan.status, FIELD_CHARS)}`
    ),
    platforms.length > shown.length
      ? `and ${plural(platforms.length - shown.length, 'more platform')}, in this run's ${fullListLink(data.runUrl)}`
      : undefined
  ].filter(line => line !== undefined)
  return `<details><summary>Image details</summary>${BLOCK}${lines.join(' · ')}${BLOCK}</details>`
}

function verdictMark(data: ReportData, noVerdictFails: boolean): string {
  if (!data.verdict) return noVerdictFails ? '❌' : '⚠️'
  return data.verdict.passed ? '✅' : '❌'
}

function verdictWord(data: ReportData): string {
  if (!data.verdict) return 'No verdict'
  return data.verdict.passed ? 'Passed' : 'Failed'
}

/** `noVerdictFails`: whether this image's no-verdict, if it has one, fails the step. */
interface SectionOptions {
  maxRows: number
  noVerdictFails: boolean
}

/**
 * The part of one image's section that says its verdict and why: the headline, then the problem,
 * or the baseline and the counts line with every broken rule marked. Short whatever the scan.
 */
function renderImageVerdict(
  data: ReportData,
  reference: string,
  level: number,
  noVerdictFails: boolean
): string[] {
  const headline = `${'#'.repeat(level)} ${verdictMark(data, noVerdictFails)} ${verdictWord(data)}: ${headlineName(data.image, reference)}`
  if (!data.verdict) {
    const problem = data.problem
      ? escapeText(data.problem, PROBLEM_CHARS)
      : `The scan ended with status ${escapeText(data.scan.status)}.`
    return [headline, problem]
  }
  return [
    headline,
    ...(data.baseline ? [renderBaselineLine(data.baseline)] : []),
    renderCountsLine(data)
  ]
}

/** The rest of one image's section, what the reader acts on; shorter with fewer rows. */
function renderImageBody(data: ReportData, maxRows: number): string {
  if (!data.verdict) return renderImageDetails(data)
  const failing = failingFindings(data)
  const blocks = [
    renderFailing(data, failing, maxRows, data.runUrl),
    renderFixes(failing, maxRows, data.runUrl),
    renderSetAside(data.triage, maxRows, data.runUrl),
    renderImageDetails(data)
  ].filter(block => block !== undefined)
  return blocks.join(BLOCK)
}

/** One image: headline, then what the reader acts on; `level` is the headline's `#` count. */
function renderImageSection(
  data: ReportData,
  reference: string,
  level: number,
  options: SectionOptions
): string {
  return [
    ...renderImageVerdict(data, reference, level, options.noVerdictFails),
    renderImageBody(data, options.maxRows)
  ].join(BLOCK)
}

function isoMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

export function renderCommentFooter(facts: RunFacts): string {
  const parts = [
    facts.commit ? `commit ${renderCode(facts.commit.slice(0, 7), facts.commit)}` : undefined,
    facts.runUrl ? `run: ${renderLink('job summary', facts.runUrl)}` : undefined,
    facts.updatedAt ? `updated ${isoMinute(facts.updatedAt)}` : undefined,
    `ecr-scan-findings ${escapeText(facts.actionVersion)}`
  ].filter(part => part !== undefined)
  return `<sub>${parts.join(' · ')}</sub>`
}

function resolved(options: CommentOptions) {
  return {
    limit:
      (options.limitChars ?? COMMENT_BODY_LIMIT) - (options.reservedChars ?? COMMENT_MARKER_BUDGET),
    maxRows: Math.max(1, options.maxRows ?? COMMENT_MAX_ROWS),
    scanFailure: options.scanFailure ?? 'fail'
  }
}

/** One image's section at a number of rows; fewer rows make it shorter. */
type Section = (maxRows: number) => string

/**
 * Fits the comment in the limit. The head and footer always go in; each section goes in whole,
 * with fewer rows when the room asks for it (halving down to one), or not at all, and a note
 * counts the sections that did not fit. So the verdict, which the head carries, is never cut,
 * however long the findings' text is. `omittedNote` says what a number of sections left out were.
 */
function assemble(
  head: string[],
  sections: Section[],
  footer: string,
  limit: number,
  maxRows: number,
  omittedNote: (count: number) => string
): string {
  // Every block is followed by BLOCK, and the body ends with one newline; the note is reserved.
  const fixed = [...head, omittedNote(sections.length), '---', footer]
  let used = fixed.reduce((total, block) => total + block.length + BLOCK.length, 0) + 1
  const kept: string[] = []
  for (const render of sections) {
    let section: string | undefined
    for (let rows = maxRows; rows >= 1 && section === undefined; rows = Math.floor(rows / 2)) {
      const candidate = render(rows)
      if (used + candidate.length + BLOCK.length <= limit) section = candidate
    }
    // One section too long at any row count leaves out only itself: later ones may still fit.
    if (section === undefined) continue
    kept.push(section)
    used += section.length + BLOCK.length
  }
  const tail = kept.length < sections.length ? [omittedNote(sections.length - kept.length)] : []
  return `${[...head, ...kept, ...tail, '---', footer].join(BLOCK)}\n`
}

function overviewRow(data: ReportData, reference: string, noVerdictFails: boolean): string {
  const counts = data.verdict
    ? severityTally(data.verdict.counts) || 'none judged'
    : escapeText(data.scan.status)
  const change = data.baseline ? ` | ${data.baseline.newCount} new` : ''
  return `| ${verdictMark(data, noVerdictFails)} | ${headlineName(data.image, reference)} | ${verdictWord(data).toLowerCase()} | ${counts}${change} |`
}

/**
 * Several images in one line: how many fail the check, and apart from them how many have no
 * verdict that `scan-failure: warn` softened, since those leave the step green.
 */
function runHeadline(outcomes: readonly ImageOutcome[]): string {
  const { failing, softened, noVerdict } = tallyOutcomes(outcomes)
  const images = plural(outcomes.length, 'image')
  if (failing === 0 && softened === 0) return `## ✅ ${images} pass the check`
  if (failing === 0) return `## ⚠️ ${softened} of ${images} ${noVerdict}`
  const warned = softened > 0 ? `; ⚠️ ${softened} ${noVerdict}` : ''
  return `## ❌ ${failing} of ${images} fail the check${warned}`
}

/** The whole run's comment: one image as its section; several as one row each, then the failures. */
export function renderRunComment(run: RunResult, options: CommentOptions = {}): string {
  const { limit, maxRows, scanFailure } = resolved(options)
  const facts: RunFacts = {
    actionVersion: run.actionVersion,
    runUrl: run.runUrl,
    commit: run.commit,
    updatedAt: run.updatedAt
  }
  const footer = renderCommentFooter(facts)
  const outcomes = decideOutcomes(run, scanFailure)
  const reports = run.images.map((image, index) => ({
    image,
    data: imageReport(run, image),
    outcome: outcomes[index] as ImageOutcome
  }))
  const sectionOf =
    (image: ImageResult, data: ReportData, outcome: ImageOutcome, level: number): Section =>
    rows =>
      renderImageSection(data, image.target.reference, level, {
        maxRows: rows,
        noVerdictFails: !isSoftened(outcome)
      })
  if (reports.length === 1 && reports[0]) {
    // The headline and the counts go in the head, so no size of the rest can take the verdict out.
    const { image, data, outcome } = reports[0]
    const verdict = renderImageVerdict(data, image.target.reference, 2, !isSoftened(outcome))
    const body: Section = rows => renderImageBody(data, rows)
    const note = () =>
      `The details did not fit in a comment: see this run's ${fullListLink(run.runUrl)}.`
    return assemble(verdict, [body], footer, limit, maxRows, note)
  }
  const notPassed = reports.filter(({ outcome }) => outcome.kind !== 'passed')
  const headline = runHeadline(outcomes)
  const anyBaseline = reports.some(({ data }) => data.baseline)
  const rows = reports.map(({ image, data, outcome }) => {
    const row = overviewRow(data, image.target.reference, !isSoftened(outcome))
    return anyBaseline && !data.baseline ? `${row} — |` : row
  })
  // Rows come before sections: the overview may take all the room the headline, the footer and
  // the notes leave; images past it are counted, not listed.
  const room = limit - headline.length - footer.length - 500
  const shown = countWithin(rows, room, row => row.length + 1)
  const table = [
    `| | Image | Verdict | Judged findings |${anyBaseline ? ' Baseline |' : ''}`,
    `|---|---|---|---|${anyBaseline ? '---|' : ''}`,
    ...rows.slice(0, shown)
  ].join('\n')
  const more =
    shown < rows.length
      ? [`${plural(rows.length - shown, 'more image')} in this run's ${fullListLink(run.runUrl)}.`]
      : []
  const sections = notPassed.map(({ image, data, outcome }) => sectionOf(image, data, outcome, 3))
  const note = (count: number) =>
    `${plural(count, 'more section')} did not fit in a comment: see this run's ${fullListLink(run.runUrl)}.`
  return assemble([headline, table, ...more], sections, footer, limit, maxRows, note)
}
