import { createHash } from 'node:crypto'
import { type Finding, compareFindings, compareRisk, compareText } from '../model/findings.js'
import { formatImage } from '../model/image.js'
import { type ImageResult, type ReportData, type RunResult, imageReport } from '../core/results.js'
import { type Severity, severityRank } from '../model/severity.js'
import { dispositionOf } from '../policy/triage.js'
import { MAX_RESULTS_PER_RUN, MAX_RUNS_PER_FILE } from './limits.js'
import { withoutControls } from '../model/text.js'
import { escapeParagraph, escapeText, safeHttpUrl } from './markdown.js'

export const SARIF_SCHEMA_URI =
  'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json'

export type SarifLevel = 'error' | 'warning' | 'note'

export interface SarifText {
  text: string
  markdown?: string
}

export interface SarifRule {
  id: string
  shortDescription: SarifText
  fullDescription: SarifText
  help: SarifText
  helpUri?: string
  defaultConfiguration: { level: SarifLevel }
  properties: {
    tags: string[]
    precision: 'very-high'
    'security-severity'?: string
    /** The highest EPSS (0–1) among the rule's findings (`enrich: inspector`). */
    epss?: number
    /** Present when the vulnerability is on the CISA KEV list (`enrich: inspector`). */
    kev?: SarifKev
  }
}

/** CISA KEV dates, ISO 8601, as the JSON report gives them. */
export interface SarifKev {
  dateAdded?: string
  dueDate?: string
}

export interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: SarifLevel
  message: SarifText
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' }
      region: { startLine: number }
    }
  }[]
  partialFingerprints: Record<string, string>
  properties: {
    packageName?: string
    installedVersion?: string
    fixedInVersion?: string
    fixAvailable: Finding['fixAvailable']
    exploitAvailable: Finding['exploitAvailable']
    counted: boolean
    /** `repository:tag@sha256:…`, so a result in a folded run still says its image. */
    image: string
    epss?: number
    kev?: SarifKev
  }
}

export interface SarifInvocation {
  executionSuccessful: true
  toolExecutionNotifications: SarifNotification[]
}

export interface SarifNotification {
  level: 'warning'
  descriptor: { id: string }
  message: SarifText
}

export interface SarifLog {
  $schema: string
  version: '2.1.0'
  runs: {
    tool: {
      driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] }
    }
    /** Present only when results were left out, to say so inside the file. */
    invocations?: SarifInvocation[]
    /** Set when a step asks for several images: code scanning needs a category for each run. */
    automationDetails?: { id: string }
    results: SarifResult[]
    /** One image's run, or a run that several images were folded into (past MAX_RUNS_PER_FILE). */
    properties: SarifImage | { images: SarifImage[] }
  }[]
}

export interface SarifImage {
  image: string
  repository: string
  digest: string
  scanType: string
}

type SarifRun = SarifLog['runs'][number]

export interface SarifOptions {
  /** Repository-relative path of the Dockerfile: code scanning needs a file to place alerts on. */
  dockerfile: string
  informationUri?: string
  /** Results kept in the run; code scanning's limit unless a test wants a smaller one. */
  maxResults?: number
}

export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'CRITICAL' || severity === 'HIGH') return 'error'
  return severity === 'MEDIUM' ? 'warning' : 'note'
}

// Used when the scan gave no CVSS score: the middle of the band code scanning maps back to the
// same severity (critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low below 4.0).
// INFORMATIONAL ranks lowest; UNDEFINED and UNTRIAGED are unknown, ranked as medium rather than
// hidden at the bottom.
const BAND_SCORE: Record<Severity, number> = {
  CRITICAL: 9.5,
  HIGH: 8.0,
  MEDIUM: 5.5,
  LOW: 2.0,
  INFORMATIONAL: 0.1,
  UNDEFINED: 5.5,
  UNTRIAGED: 5.5
}

/** Code scanning ranks alerts by this: a number written as a string, above 0 and at most 10. */
function securitySeverity(findings: Finding[], severity: Severity): string {
  const scores = findings.map(finding => finding.cvssScore ?? 0).filter(score => score > 0)
  const score = scores.length > 0 ? Math.min(10, Math.max(...scores)) : BAND_SCORE[severity]
  return score.toFixed(1)
}

/** Scheme and authority as RFC 3986 allows them: a bracketed IP literal or a registered name. */
const STRICT_AUTHORITY =
  /^https?:\/\/(?:(?:[\w\-.~!$&'()*+,;=:]|%[0-9A-Fa-f]{2})*@)?(?:\[[0-9A-Fa-f:.]+\]|(?:[\w\-.~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+)(?::\d*)?$/
/** A percent-encoded octet, or one character RFC 3986 does not allow in a path, query or fragment. */
const NOT_IN_PATH = /%[0-9A-Fa-f]{2}|[^\w\-.~!$&'()*+,;=:@/?]/gu

/**
 * An http(s) link as a URI the SARIF schema accepts: the parsed URL keeps characters RFC 3986
 * does not allow (`|`, `^`, `{`, `}`, a backtick or `\` in the query, `[`, a second `#`, a bare
 * `%`), so they are percent-encoded after the authority. A link whose authority holds one is no
 * advisory link, and is dropped.
 */
function strictHttpUri(link: string | undefined): string | undefined {
  const href = safeHttpUrl(link)
  if (!href) return undefined
  // The serialized http(s) URL always has a path, and nothing before it holds a slash.
  const pathStart = href.indexOf('/', href.indexOf('//') + 2)
  const authority = href.slice(0, pathStart).replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
  if (pathStart < 0 || !STRICT_AUTHORITY.test(authority)) return undefined
  let fragment = false
  const rest = href.slice(pathStart).replace(NOT_IN_PATH, match => {
    if (match.length === 3 && match.startsWith('%')) return match
    if (match === '#' && !fragment) {
      fragment = true
      return match
    }
    return encodeURIComponent(match)
  })
  return authority + rest
}

/** Parentheses would end a Markdown link early. */
function markdownUrl(link: string): string {
  return link.replace(/\(/g, '%28').replace(/\)/g, '%29')
}

/**
 * Relative, forward slashes, each segment percent-encoded: the form code scanning matches to
 * repository files. encodeURI would leave `#` and `?` to start a fragment or query. A path outside
 * the repository (`../`, absolute) keeps its shape and, with a drive letter's colon encoded, stays
 * a relative reference as `uriBaseId` requires.
 */
function artifactUri(dockerfile: string): string {
  const path = dockerfile.replace(/\\/g, '/').replace(/^(\.\/)+/, '')
  return path.split('/').map(encodeURIComponent).join('/')
}

/** The fields the report order leaves unsorted, identity first. */
function remainingFields(finding: Finding): string {
  return JSON.stringify([
    finding.packageName,
    finding.installedVersion,
    finding.fixedInVersion,
    finding.fixAvailable,
    finding.exploitAvailable,
    finding.source,
    finding.title,
    finding.description,
    finding.link
  ])
}

/**
 * The report order, so a cut keeps the most severe; the remaining fields break ties, so the
 * order the scan listed findings in never shows.
 */
function compareForSarif(a: Finding, b: Finding): number {
  return compareFindings(a, b) || compareText(remainingFields(a), remainingFields(b))
}

/**
 * Every result sits on line 1, so the fingerprint must tell findings apart itself: the id in one
 * installed version of one package. Severity, score and fix are left out, so a rescored finding
 * stays the same alert. Copies the model cannot tell apart (one package version in two paths)
 * are numbered in sorted order, so each stays its own alert whatever order the scan listed them in.
 */
function fingerprints(sorted: Finding[]): string[] {
  const seen = new Map<string, number>()
  return sorted.map(finding => {
    const identity = JSON.stringify([
      finding.id,
      finding.packageName ?? '',
      finding.installedVersion ?? ''
    ])
    const occurrence = (seen.get(identity) ?? 0) + 1
    seen.set(identity, occurrence)
    return `${createHash('sha256').update(identity).digest('hex')}:${occurrence}`
  })
}

function groupById(findings: Finding[]): Map<string, Finding[]> {
  const byId = new Map<string, Finding[]>()
  for (const finding of findings) {
    const group = byId.get(finding.id)
    if (group) group.push(finding)
    else byId.set(finding.id, [finding])
  }
  return byId
}

function truncationNotice(kept: number, total: number, limit: number): SarifNotification {
  return {
    level: 'warning',
    descriptor: { id: 'results-truncated' },
    message: {
      text: `Only the ${kept} most severe of ${total} findings are included: code scanning rejects a run with more than ${limit} results.`
    }
  }
}

/**
 * Says a folded run was left out of the file, on a run that stays: an image of that group has no
 * verdict, and a run without its findings would show its alerts as fixed.
 */
function leftOutNotice(category: string, unjudged: string[], others: string[]): SarifNotification {
  const rest =
    others.length > 0
      ? ` Its other images (${others.join(', ')}) are judged but not reported here either; they are reported again on the next complete run of the group.`
      : ''
  return {
    level: 'warning',
    descriptor: { id: 'folded-run-left-out' },
    message: {
      text: `${category} is left out of this file because ${unjudged.join(', ')} ${unjudged.length === 1 ? 'has' : 'have'} no verdict: code scanning keeps that category's alerts as they were instead of showing them as fixed.${rest || ' It is reported again on the next complete run of the group.'}`
    }
  }
}

function mostSevere(findings: Finding[]): Severity {
  return findings.reduce<Severity>(
    (worst, finding) =>
      severityRank(finding.severity) > severityRank(worst) ? finding.severity : worst,
    findings[0]?.severity ?? 'UNDEFINED'
  )
}

function buildRule(id: string, findings: Finding[]): SarifRule {
  const first = findings[0] as Finding
  const severity = mostSevere(findings)
  const title = first.title.includes(id) ? first.title : `${id}: ${first.title}`
  const description = first.description.trim() || title
  const link = findings.map(finding => strictHttpUri(finding.link)).find(Boolean)
  const score = securitySeverity(findings, severity)
  const facts = `Severity: ${severity}. Security severity: ${score}.`
  return {
    id,
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: {
      text: `${description}\n\n${facts}${link ? `\n\nAdvisory: ${link}` : ''}`,
      // One inert paragraph: bidi controls shown as U+FFFD first, since escaping drops them.
      markdown: `${escapeParagraph(withoutControls(description))}\n\n${facts}${link ? `\n\n[${escapeText(id)}](${markdownUrl(link)})` : ''}`
    },
    ...(link ? { helpUri: link } : {}),
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: {
      tags: ['security', 'vulnerability', 'container'],
      precision: 'very-high',
      'security-severity': score,
      ...riskProperties(worstRisk(findings))
    }
  }
}

/** The riskiest EPSS and KEV entry of a rule's findings. */
function worstRisk(findings: Finding[]): Pick<Finding, 'epss' | 'kev'> {
  const [riskiest] = [...findings].sort(compareRisk)
  const scores = findings.flatMap(finding => (finding.epss === undefined ? [] : [finding.epss]))
  return {
    epss: scores.length > 0 ? Math.max(...scores) : undefined,
    kev: riskiest?.kev
  }
}

/** `epss` and `kev` only when known, so runs without enrichment stay as they were. */
function riskProperties(finding: Pick<Finding, 'epss' | 'kev'>): { epss?: number; kev?: SarifKev } {
  return {
    ...(finding.epss !== undefined ? { epss: finding.epss } : {}),
    ...(finding.kev
      ? {
          kev: {
            ...(finding.kev.dateAdded ? { dateAdded: finding.kev.dateAdded } : {}),
            ...(finding.kev.dueDate ? { dueDate: finding.kev.dueDate } : {})
          }
        }
      : {})
  }
}

function fixText(finding: Finding): string {
  if (finding.fixedInVersion) return `fixed in ${finding.fixedInVersion}`
  if (finding.fixAvailable === 'NO') return 'no fix available'
  return finding.fixAvailable === 'UNKNOWN' ? 'fix availability not reported' : 'fix available'
}

function resultMessage(finding: Finding, image: string): string {
  const where = finding.packageName
    ? ` in ${finding.packageName}${finding.installedVersion ? ` ${finding.installedVersion}` : ''}`
    : ''
  return `${finding.id} (${finding.severity})${where}, ${fixText(finding)}; image ${image}`
}

/** One image of a run; `key` (its category name) is set only when several images share the run. */
interface RunMember {
  data: ReportData
  key?: string
}

/**
 * One rule per vulnerability id and one result per finding, most severe first, placed on the
 * Dockerfile. Ignored findings are left out (accepted risk should not reopen alerts); findings a
 * filter set aside stay in, since filters decide what fails the step, not what is worth seeing.
 * Past code scanning's result limit only the most severe are kept, and a notification says so.
 * Call it only when there is a verdict: an upload with no results would close every open alert.
 */
export function buildSarif(data: ReportData, options: SarifOptions): SarifLog {
  return sarifLog([sarifRun([{ data }], options)])
}

/**
 * The log with control characters, bidi controls and lone surrogates replaced in every string
 * (ids, texts, package names, images): whatever the scan wrote, code scanning shows what it holds.
 */
function sarifLog(runs: SarifRun[]): SarifLog {
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: cleanStrings(runs) }
}

function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return withoutControls(value) as T
  if (Array.isArray(value)) return value.map(cleanStrings) as T
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, cleanStrings(entry)])
    ) as T
  return value
}

function sarifRun(
  members: RunMember[],
  options: SarifOptions,
  notices: SarifNotification[] = []
): SarifRun {
  const entries = members.flatMap(({ data, key }) => {
    const disposition = dispositionOf(data.triage)
    const reported = data.findings
      .filter(finding => disposition(finding).kind !== 'ignored')
      .sort(compareForSarif)
    // Numbered before the cut, so a kept result has the fingerprint it has in an uncut run.
    const fingerprint = fingerprints(reported)
    const image = formatImage(data.image)
    return reported.map((finding, index) => ({
      finding,
      image,
      key: key ?? '',
      counted: disposition(finding).kind === 'counted',
      // In a folded run the image's category name joins the identity, so one finding in two images
      // stays two alerts and keeps its alert when a new digest is pushed.
      fingerprint:
        key === undefined
          ? (fingerprint[index] as string)
          : createHash('sha256')
              .update(JSON.stringify([key, fingerprint[index]]))
              .digest('hex')
    }))
  })
  entries.sort((a, b) => compareForSarif(a.finding, b.finding) || compareText(a.key, b.key))
  const limit = options.maxResults ?? MAX_RESULTS_PER_RUN
  const kept = entries.slice(0, limit)
  const keptIds = new Set(kept.map(entry => entry.finding.id))
  // Rules only for kept results: never more rules than results, so the rule limit holds too.
  const ruleGroups = [...groupById(entries.map(entry => entry.finding))].filter(([id]) =>
    keptIds.has(id)
  )
  const ruleIndex = new Map(ruleGroups.map(([id], index) => [id, index]))
  const uri = artifactUri(options.dockerfile)
  const results = kept.map(({ finding, image, counted, fingerprint }): SarifResult => ({
    ruleId: finding.id,
    ruleIndex: ruleIndex.get(finding.id) ?? -1,
    level: sarifLevel(finding.severity),
    message: { text: resultMessage(finding, image) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
          region: { startLine: 1 }
        }
      }
    ],
    partialFingerprints: { 'ecrScanFinding/v1': fingerprint },
    properties: {
      ...(finding.packageName ? { packageName: finding.packageName } : {}),
      ...(finding.installedVersion ? { installedVersion: finding.installedVersion } : {}),
      ...(finding.fixedInVersion ? { fixedInVersion: finding.fixedInVersion } : {}),
      fixAvailable: finding.fixAvailable,
      exploitAvailable: finding.exploitAvailable,
      counted,
      image,
      ...riskProperties(finding)
    }
  }))
  const warnings = [
    ...(kept.length < entries.length ? [truncationNotice(kept.length, entries.length, limit)] : []),
    ...notices
  ]
  const images = members.map(({ data }): SarifImage => ({
    image: formatImage(data.image),
    repository: data.image.repository,
    digest: data.image.digest,
    scanType: data.scan.type
  }))
  return {
    tool: {
      driver: {
        name: 'ecr-scan-findings',
        version: members[0]?.data.actionVersion ?? '',
        ...(options.informationUri ? { informationUri: options.informationUri } : {}),
        rules: ruleGroups.map(([id, findings]) => buildRule(id, findings))
      }
    },
    ...(warnings.length > 0
      ? { invocations: [{ executionSuccessful: true, toolExecutionNotifications: warnings }] }
      : {}),
    results,
    properties:
      members.length === 1 && members[0]?.key === undefined ? (images[0] as SarifImage) : { images }
  }
}

export function serializeSarif(log: SarifLog): string {
  return `${JSON.stringify(log, null, 2)}\n`
}

/** What a log line calls a run: its image, or the category several images were folded into. */
export function sarifRunLabel(run: SarifRun): string {
  return 'image' in run.properties ? run.properties.image : (run.automationDetails?.id ?? '')
}

/**
 * One run per judged image, up to code scanning's MAX_RUNS_PER_FILE. When the step asks for
 * several images each run gets its own `automationDetails.id`, because code scanning rejects two
 * runs of one category in an upload; a step asking for one image keeps none, so the upload step's
 * `category` applies as before. Whether there are categories, and which, depends only on the
 * images requested, never on how many were judged: an image's alerts stay in one category.
 *
 * A step asking for more images than runs fit folds them into at most MAX_RUNS_PER_FILE runs,
 * each image always in the same one (chosen by a hash of its category name, so adding or losing
 * another image never moves it). Every result stays and names its image.
 *
 * A folded run with an image without a verdict is left out whole, never uploaded without that
 * image's findings: code scanning would show the image's alerts in that category as fixed. A
 * category absent from an upload keeps its alerts as they were: GitHub's "Two CodeQL workflows"
 * troubleshooting page (docs.github.com/en/code-security/code-scanning/troubleshooting-code-scanning/
 * two-codeql-workflows) says configurations that no longer run keep outdated alert statuses and
 * their alerts stay open. A notification on the first run that stays names the group left out,
 * its unjudged images and the others, which come back on the next run where all of them are
 * judged. The same holds for one run per image: an image without a verdict has no run.
 */
export function buildRunSarif(run: RunResult, options: SarifOptions): SarifLog {
  const names = categoryNames(run.images)
  const category = (name: string) => ({ automationDetails: { id: `ecr-scan-findings/${name}/` } })
  const member = (image: ImageResult): RunMember => ({ data: imageReport(run, image) })
  let runs: SarifRun[]
  if (run.images.length <= MAX_RUNS_PER_FILE) {
    runs = run.images
      .filter(image => image.kind === 'judged')
      .map(image => {
        const single = sarifRun([member(image)], options)
        return run.images.length > 1 ? { ...single, ...category(names.get(image) ?? '') } : single
      })
  } else {
    const groups = new Map<number, ImageResult[]>()
    for (const image of run.images) {
      const group = foldedGroup(names.get(image) ?? '')
      groups.set(group, [...(groups.get(group) ?? []), image])
    }
    const groupName = (group: number) => `group-${String(group + 1).padStart(2, '0')}`
    const sorted = [...groups].sort(([a], [b]) => a - b)
    const complete = sorted.filter(([, images]) => images.every(image => image.kind === 'judged'))
    const leftOut = sorted
      .filter(([, images]) => images.some(image => image.kind !== 'judged'))
      .map(([group, images]) =>
        leftOutNotice(
          category(groupName(group)).automationDetails.id,
          images.filter(image => image.kind !== 'judged').map(image => image.target.reference),
          images.filter(image => image.kind === 'judged').map(image => image.target.reference)
        )
      )
    runs = complete.map(([group, images], index) => {
      const members = images.map(image => ({ ...member(image), key: names.get(image) ?? '' }))
      return {
        ...sarifRun(members, options, index === 0 ? leftOut : []),
        ...category(groupName(group))
      }
    })
  }
  return sarifLog(runs)
}

/**
 * The SARIF file a front end writes, or why it writes none. `notices` are the runs' notifications
 * (a folded group left out, results cut), one line each, for the log: a reader of the log learns
 * what the file leaves out without opening it.
 */
export type SarifFile =
  | { kind: 'log'; log: SarifLog; notices: string[] }
  | { kind: 'none'; why: 'no-verdict' | 'no-complete-group'; reason: string }

/**
 * What the Action and the command line both write. No file without a verdict: an upload with no
 * results would close every open alert as fixed. Nor when every folded group holds an image
 * without one: code scanning rejects a file without runs, and a partial group would close that
 * image's alerts. With several images, those with a verdict still get their runs.
 */
export function sarifFile(run: RunResult, options: SarifOptions): SarifFile {
  if (!run.images.some(image => image.kind === 'judged'))
    return { kind: 'none', why: 'no-verdict', reason: 'no image has a verdict' }
  const log = buildRunSarif(run, options)
  if (log.runs.length === 0) {
    return {
      kind: 'none',
      why: 'no-complete-group',
      reason:
        'each group of images it would hold has one without a verdict, so code scanning keeps its alerts as they were until a run judges them all'
    }
  }
  const notices = log.runs.flatMap(sarifRun =>
    (sarifRun.invocations?.[0]?.toolExecutionNotifications ?? []).map(
      notice => `SARIF (${sarifRunLabel(sarifRun)}): ${notice.message.text}`
    )
  )
  return { kind: 'log', log, notices }
}

/** Which of the MAX_RUNS_PER_FILE folded runs an image goes to: stable for its category name. */
function foldedGroup(name: string): number {
  return (
    parseInt(createHash('sha256').update(name).digest('hex').slice(0, 8), 16) % MAX_RUNS_PER_FILE
  )
}

/**
 * Each requested image's category name, unique in the step and the same on every run of it:
 * `[account.]region/repository`, so a new tag or digest pushed each commit keeps its alerts in one
 * category. A repository the step asks for more than once adds the tag or digest as requested
 * (`web:v1`, `web:v1@sha256:…`); what would still collide is numbered in request order (`#2`).
 * The category is everything before the id's last slash, so a repository's own slashes stay.
 */
function categoryNames(images: ImageResult[]): Map<ImageResult, string> {
  const requested = images.map(image => ({ image, ...requestedImage(image) }))
  const perRepository = new Map<string, number>()
  for (const { repository } of requested)
    perRepository.set(repository, (perRepository.get(repository) ?? 0) + 1)
  const seen = new Map<string, number>()
  const names = new Map<ImageResult, string>()
  for (const { image, repository, version, registry } of requested) {
    const base = `${registry}/${repository}${(perRepository.get(repository) ?? 0) > 1 ? version : ''}`
    const occurrence = (seen.get(base) ?? 0) + 1
    seen.set(base, occurrence)
    names.set(image, occurrence > 1 ? `${base}#${occurrence}` : base)
  }
  return names
}

/**
 * Where the step asked for the image and which version, from its request alone: an image that
 * failed before it resolved (tag not found, access denied) keeps the category, and the folded
 * group, it has when judged.
 */
function requestedImage({ target }: ImageResult): {
  registry: string
  repository: string
  version: string
} {
  const { region, query } = target
  const { imageTag: tag, imageDigest: digest, registryId: account } = query
  return {
    registry: account ? `${account}.${region}` : region,
    repository: query.repository,
    version: `${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`
  }
}
