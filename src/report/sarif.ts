import { createHash } from 'node:crypto'
import { type Finding, compareFindings, compareRisk, compareText } from '../model/findings.js'
import { formatImage } from '../model/image.js'
import { type ReportData, type RunResult, imageReport } from '../core/results.js'
import { type Severity, severityRank } from '../model/severity.js'
import { dispositionOf } from '../policy/triage.js'
import { safeHttpUrl } from './markdown.js'

export const SARIF_SCHEMA_URI =
  'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json'

export type SarifLevel = 'error' | 'warning' | 'note'

/** Code scanning rejects a run with more results than this; rules have the same limit. */
export const MAX_RESULTS_PER_RUN = 25_000

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
    epss?: number
    kev?: SarifKev
  }
}

export interface SarifInvocation {
  executionSuccessful: true
  toolExecutionNotifications: {
    level: 'warning'
    descriptor: { id: string }
    message: SarifText
  }[]
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
    /** Set when a file holds several runs: code scanning needs a category for each. */
    automationDetails?: { id: string }
    results: SarifResult[]
    properties: { image: string; repository: string; digest: string; scanType: string }
  }[]
}

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

/** Only http(s) links become helpUri: scan text is untrusted and the schema wants a real URI. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|~>-]/g, '\\$&').replace(/</g, '&lt;')
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

function truncationNotice(kept: number, total: number, limit: number): SarifInvocation {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: [
      {
        level: 'warning',
        descriptor: { id: 'results-truncated' },
        message: {
          text: `Only the ${kept} most severe of ${total} findings are included: code scanning rejects a run with more than ${limit} results.`
        }
      }
    ]
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
  const link = findings.map(finding => safeHttpUrl(finding.link)).find(Boolean)
  const score = securitySeverity(findings, severity)
  const facts = `Severity: ${severity}. Security severity: ${score}.`
  return {
    id,
    shortDescription: { text: title },
    fullDescription: { text: description },
    help: {
      text: `${description}\n\n${facts}${link ? `\n\nAdvisory: ${link}` : ''}`,
      markdown: `${escapeMarkdown(description)}\n\n${facts}${link ? `\n\n[${escapeMarkdown(id)}](${markdownUrl(link)})` : ''}`
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

/**
 * One rule per vulnerability id and one result per finding, most severe first, placed on the
 * Dockerfile. Ignored findings are left out (accepted risk should not reopen alerts); findings a
 * filter set aside stay in, since filters decide what fails the step, not what is worth seeing.
 * Past code scanning's result limit only the most severe are kept, and a notification says so.
 * Call it only when there is a verdict: an upload with no results would close every open alert.
 */
export function buildSarif(data: ReportData, options: SarifOptions): SarifLog {
  const disposition = dispositionOf(data.triage)
  const reported = data.findings
    .filter(finding => disposition(finding).kind !== 'ignored')
    .sort(compareForSarif)
  // Numbered before the cut, so a kept result has the fingerprint it has in an uncut run.
  const fingerprint = fingerprints(reported)
  const limit = options.maxResults ?? MAX_RESULTS_PER_RUN
  const kept = reported.slice(0, limit)
  const keptIds = new Set(kept.map(finding => finding.id))
  // Rules only for kept results: never more rules than results, so the rule limit holds too.
  const ruleGroups = [...groupById(reported)].filter(([id]) => keptIds.has(id))
  const ruleIndex = new Map(ruleGroups.map(([id], index) => [id, index]))
  const image = formatImage(data.image)
  const uri = artifactUri(options.dockerfile)
  const results = kept.map((finding, index): SarifResult => ({
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
    partialFingerprints: { 'ecrScanFinding/v1': fingerprint[index] as string },
    properties: {
      ...(finding.packageName ? { packageName: finding.packageName } : {}),
      ...(finding.installedVersion ? { installedVersion: finding.installedVersion } : {}),
      ...(finding.fixedInVersion ? { fixedInVersion: finding.fixedInVersion } : {}),
      fixAvailable: finding.fixAvailable,
      exploitAvailable: finding.exploitAvailable,
      counted: disposition(finding).kind === 'counted',
      ...riskProperties(finding)
    }
  }))
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ecr-scan-findings',
            version: data.actionVersion,
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            rules: ruleGroups.map(([id, findings]) => buildRule(id, findings))
          }
        },
        ...(kept.length < reported.length
          ? { invocations: [truncationNotice(kept.length, reported.length, limit)] }
          : {}),
        results,
        properties: {
          image,
          repository: data.image.repository,
          digest: data.image.digest,
          scanType: data.scan.type
        }
      }
    ]
  }
}

export function serializeSarif(log: SarifLog): string {
  return `${JSON.stringify(log, null, 2)}\n`
}

/**
 * One run per judged image. Several runs each get their own `automationDetails.id`, because code
 * scanning rejects two runs of one category in an upload; a single run keeps none, so the
 * upload step's `category` applies as before.
 */
export function buildRunSarif(run: RunResult, options: SarifOptions): SarifLog {
  const judged = run.images.filter(image => image.kind === 'judged')
  const runs = judged.flatMap(image => {
    const data = imageReport(run, image)
    return buildSarif(data, options).runs.map(sarifRun =>
      judged.length > 1
        ? { ...sarifRun, automationDetails: { id: `ecr-scan-findings/${automationName(data)}/` } }
        : sarifRun
    )
  })
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs }
}

/** The category is everything before the id's last slash, so a repository's own slashes stay. */
function automationName({ image }: ReportData): string {
  return image.tag ? `${image.repository}:${image.tag}` : `${image.repository}@${image.digest}`
}
