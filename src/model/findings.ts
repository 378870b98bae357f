import { SEVERITIES, type Severity, toSeverity } from './severity.js'

/** Whether a fix is known: enhanced scanning says YES/NO/PARTIAL, basic scanning does not say. */
export type FixAvailability = 'YES' | 'NO' | 'PARTIAL' | 'UNKNOWN'
export type ExploitAvailability = 'YES' | 'NO' | 'UNKNOWN'
export type FindingSource = 'basic' | 'enhanced'

/** CISA's Known Exploited Vulnerabilities entry, as Inspector's BatchGetFindingDetails gives it. */
export interface KevEntry {
  /** ISO 8601; when CISA added the vulnerability to the catalogue. */
  dateAdded?: string
  /** ISO 8601; the remediation deadline CISA set (Inspector's `cisaData.dateDue`). */
  dueDate?: string
  /** CISA's required action, e.g. "Apply mitigations per vendor instructions ...". */
  action?: string
}

/** When Inspector's threat intelligence saw the vulnerability exploited. ISO 8601 dates. */
export interface ExploitObservation {
  firstSeen?: string
  lastSeen?: string
}

/** One vulnerability in the image, the same shape whichever kind of scan found it. */
export interface Finding {
  /** CVE, GHSA or other vulnerability name. */
  id: string
  severity: Severity
  title: string
  description: string
  /** Advisory link as the scan gave it; renderers must still check it is http(s). */
  link?: string
  /** Affected package names, joined with ", " when Inspector lists several. */
  packageName?: string
  installedVersion?: string
  fixedInVersion?: string
  cvssScore?: number
  fixAvailable: FixAvailability
  exploitAvailable: ExploitAvailability
  source: FindingSource
  /** For an image index: the platforms the finding is in, each with its installed version. */
  platforms?: { platform: string; installedVersion?: string }[]
  /** The Inspector finding's ARN (enhanced scanning only): the key for `enrich: inspector`. */
  findingArn?: string
  /** A finding merged across platforms: every platform's ARN (`findingArn` is one of them). */
  findingArns?: string[]
  /** EPSS probability in [0, 1] from Inspector (`enrich: inspector`); absent without one. */
  epss?: number
  /** Present only for vulnerabilities on the CISA KEV list (`enrich: inspector`). */
  kev?: KevEntry
  exploitObserved?: ExploitObservation
}

/** The parts of a basic-scan finding we read (structurally the SDK's ImageScanFinding). */
export interface RawBasicFinding {
  name?: string
  description?: string
  uri?: string
  severity?: string
  attributes?: { key?: string; value?: string }[]
}

/** The parts of an Inspector finding we read (structurally the SDK's EnhancedImageScanFinding). */
export interface RawEnhancedFinding {
  title?: string
  description?: string
  severity?: string
  score?: number
  fixAvailable?: string
  exploitAvailable?: string
  findingArn?: string
  remediation?: { recommendation?: { url?: string; text?: string } }
  scoreDetails?: { cvss?: { score?: number } }
  packageVulnerabilityDetails?: {
    vulnerabilityId?: string
    sourceUrl?: string
    referenceUrls?: string[]
    vulnerablePackages?: {
      name?: string
      version?: string
      release?: string
      epoch?: number
      fixedInVersion?: string
    }[]
  }
}

function attribute(finding: RawBasicFinding, key: string): string | undefined {
  return finding.attributes?.find(entry => entry.key === key)?.value
}

/** A CVSS score, or `undefined` when it is missing, not a number, or outside CVSS's 0–10 scale. */
function toScore(value: string | number | undefined): number | undefined {
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined
  const score = typeof value === 'number' ? value : Number(value)
  return Number.isFinite(score) && score >= 0 && score <= 10 ? score : undefined
}

/** The first valid score among the candidates, most specific first. */
function firstScore(...values: (string | number | undefined)[]): number | undefined {
  for (const value of values) {
    const score = toScore(value)
    if (score !== undefined) return score
  }
  return undefined
}

function joinDistinct(values: (string | undefined)[]): string | undefined {
  const present = [...new Set(values.filter((value): value is string => !!value))]
  return present.length > 0 ? present.join(', ') : undefined
}

export function normalizeBasicFinding(finding: RawBasicFinding): Finding {
  const id = finding.name ?? 'unnamed finding'
  return {
    id,
    severity: toSeverity(finding.severity),
    title: id,
    description: finding.description ?? '',
    link: finding.uri,
    packageName: attribute(finding, 'package_name'),
    installedVersion: attribute(finding, 'package_version'),
    cvssScore: firstScore(attribute(finding, 'CVSS3_SCORE'), attribute(finding, 'CVSS2_SCORE')),
    fixAvailable: 'UNKNOWN',
    exploitAvailable: 'UNKNOWN',
    source: 'basic'
  }
}

function packageVersion(pkg: {
  version?: string
  release?: string
  epoch?: number
}): string | undefined {
  if (!pkg.version) return undefined
  const epoch = pkg.epoch ? `${pkg.epoch}:` : ''
  const release = pkg.release ? `-${pkg.release}` : ''
  return `${epoch}${pkg.version}${release}`
}

function availability<T extends string>(
  value: string | undefined,
  known: readonly T[],
  unknown: T
): T {
  const upper = (value ?? '').toUpperCase() as T
  return known.includes(upper) ? upper : unknown
}

export function normalizeEnhancedFinding(finding: RawEnhancedFinding): Finding {
  const details = finding.packageVulnerabilityDetails
  const packages = details?.vulnerablePackages ?? []
  const id = details?.vulnerabilityId ?? finding.title ?? finding.findingArn ?? 'unnamed finding'
  return {
    id,
    severity: toSeverity(finding.severity),
    title: finding.title ?? id,
    description: finding.description ?? '',
    link:
      details?.sourceUrl ?? details?.referenceUrls?.[0] ?? finding.remediation?.recommendation?.url,
    packageName: joinDistinct(packages.map(pkg => pkg.name)),
    installedVersion: joinDistinct(packages.map(packageVersion)),
    fixedInVersion: joinDistinct(
      packages.map(pkg => (pkg.fixedInVersion === 'NotAvailable' ? undefined : pkg.fixedInVersion))
    ),
    cvssScore: firstScore(finding.scoreDetails?.cvss?.score, finding.score),
    fixAvailable: availability(finding.fixAvailable, ['YES', 'NO', 'PARTIAL'], 'UNKNOWN'),
    exploitAvailable: availability(finding.exploitAvailable, ['YES', 'NO'], 'UNKNOWN'),
    source: 'enhanced',
    ...(finding.findingArn ? { findingArn: finding.findingArn } : {})
  }
}

/** The order every report lists findings in: most severe, then highest CVSS (unscored last), then id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    (b.cvssScore ?? -1) - (a.cvssScore ?? -1) ||
    compareText(a.id, b.id)
  )
}

/** Every Inspector ARN of a finding: all platforms' for a merged one, none for basic scans. */
export function findingArnsOf(finding: Pick<Finding, 'findingArn' | 'findingArns'>): string[] {
  if (finding.findingArns && finding.findingArns.length > 0) return finding.findingArns
  return finding.findingArn ? [finding.findingArn] : []
}

/**
 * Risk beyond severity, riskiest first: on the CISA KEV list (earliest added first), then by EPSS
 * (unscored last). 0 when neither tells them apart; callers add their own tie-break, e.g.
 * `compareRisk(a, b) || compareFindings(a, b)` for "what fails the check" lists.
 */
export function compareRisk(
  a: Pick<Finding, 'kev' | 'epss'>,
  b: Pick<Finding, 'kev' | 'epss'>
): number {
  if (a.kev && !b.kev) return -1
  if (b.kev && !a.kev) return 1
  if (a.kev && b.kev) {
    const byDate = compareText(a.kev.dateAdded ?? '\uffff', b.kev.dateAdded ?? '\uffff')
    if (byDate !== 0) return byDate
  }
  return (b.epss ?? -1) - (a.epss ?? -1)
}

/** EPSS as reports show it: a percentage with up to two decimals (`94.35%`, `0.04%`); '' without. */
export function formatEpss(epss: number | undefined): string {
  if (epss === undefined) return ''
  const percent = Math.round(epss * 10_000) / 100
  return percent === 0 && epss > 0 ? '<0.01%' : `${percent}%`
}

/** Code-unit order, the same on every machine (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Identity of a vulnerability in an image: the same id in the same package is one row. */
export function findingKey(finding: Pick<Finding, 'id' | 'packageName'>): string {
  return `${finding.id.trim().toLowerCase()}\u0000${(finding.packageName ?? '').trim()}`
}
