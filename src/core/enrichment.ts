// Risk beyond severity: EPSS and CISA KEV data from Amazon Inspector, applied to findings.
// Pure: no SDK import, so the caller can use these types and helpers whether or not `enrich` is set.

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

/** What Inspector knows beyond severity about one finding. */
export interface RiskData {
  /** EPSS probability in [0, 1]; absent when Inspector gave none or an invalid one. */
  epss?: number
  /** Present only for vulnerabilities on the CISA KEV list. */
  kev?: KevEntry
  exploitObserved?: ExploitObservation
}

/** What to enrich: one image (several digests for a multi-arch index) and the ARNs to match. */
export interface EnrichmentTarget {
  repository: string
  /** `sha256:...` digests of the image; Inspector findings for other images are ignored. */
  imageDigests: string[]
  registryId?: string
  /** The Inspector finding ARNs the ECR answer carried (EnhancedImageScanFinding.findingArn). */
  findingArns: string[]
}

export interface EnrichmentResult {
  /** Only ARNs that were asked for, and only those Inspector told something about. */
  byArn: Map<string, RiskData>
  /** AWS operations sent (each page and each batch is one; SDK retries are not counted). */
  calls: number
  /** One line per problem, each saying what to do; empty when enrichment went through. */
  warnings: string[]
}

/** Fields `withRisk` adds; proposed for `Finding` itself. */
export interface RiskFields {
  epss?: number
  kev?: KevEntry
  exploitObserved?: ExploitObservation
}

/** EPSS is a probability; anything else (NaN, a string, 1.3, -0.1) counts as no score. */
export function validEpss(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1
    ? value
    : undefined
}

function arnOf(finding: object): string | undefined {
  const arn = (finding as { findingArn?: unknown }).findingArn
  return typeof arn === 'string' && arn !== '' ? arn : undefined
}

/**
 * Copies each finding with the risk data found for its `findingArn`; findings without an ARN
 * (basic scans) or without data come back unchanged (same object). An invalid EPSS is dropped.
 */
export function withRisk<F extends object>(
  findings: readonly F[],
  byArn: ReadonlyMap<string, RiskData>
): (F & RiskFields)[] {
  return findings.map(finding => {
    const arn = arnOf(finding)
    const risk = arn === undefined ? undefined : byArn.get(arn)
    if (!risk) return finding
    const epss = validEpss(risk.epss)
    const added: RiskFields = {}
    if (epss !== undefined) added.epss = epss
    if (risk.kev) added.kev = { ...risk.kev }
    if (risk.exploitObserved) added.exploitObserved = { ...risk.exploitObserved }
    return { ...finding, ...added }
  })
}

/** The findings on the CISA KEV list: with `fail-on-kev`, each one is a breach whatever its severity. */
export function failOnKev<F extends RiskFields>(findings: readonly F[]): F[] {
  return findings.filter(finding => finding.kev !== undefined)
}

/** The same shape as triage's decision filters, so it can join `min-cvss` and `only-fixable`. */
export interface RiskFilter<F> {
  name: string
  setsAside(finding: F): boolean
  cannotJudge(finding: F): boolean
}

/**
 * `min-epss`: judge only findings whose EPSS is at least `threshold` (0–1). As with min-cvss,
 * findings without a score (basic scans, enrichment off or failed, no EPSS) are kept.
 */
export function minEpss<F extends RiskFields>(threshold: number): RiskFilter<F> {
  if (validEpss(threshold) === undefined) {
    throw new RangeError(`min-epss must be a number from 0 to 1, got ${String(threshold)}`)
  }
  return {
    name: `min-epss ${threshold}`,
    setsAside: finding => {
      const epss = validEpss(finding.epss)
      return epss !== undefined && epss < threshold
    },
    cannotJudge: finding => validEpss(finding.epss) === undefined
  }
}
