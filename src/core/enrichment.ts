// Risk beyond severity: EPSS and CISA KEV data from Amazon Inspector, applied to findings.
// Pure: no SDK import, so the caller can use these types and helpers whether or not `enrich` is set.

import { type ExploitObservation, type KevEntry, findingArnsOf } from '../model/findings.js'

export type { ExploitObservation, KevEntry }
export { compareRisk, formatEpss } from '../model/findings.js'

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
  /**
   * Which findings are asked about for CISA KEV data (10 a call): `all` when KEV can decide the
   * verdict (fail-on-kev); by default only those Inspector does not mark exploitAvailable NO,
   * which is enough for the report.
   */
  kevLookup?: 'all' | 'exploitable'
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

/**
 * The worst of several findings' risk (a merged finding has one ARN per platform): the highest
 * EPSS, a KEV entry if any has one (the earliest added), the widest exploit observation.
 */
export function worstRisk(risks: readonly RiskData[]): RiskData | undefined {
  if (risks.length === 0) return undefined
  const out: RiskData = {}
  for (const risk of risks) {
    const epss = validEpss(risk.epss)
    if (epss !== undefined && (out.epss === undefined || epss > out.epss)) out.epss = epss
    if (
      risk.kev &&
      (!out.kev || (risk.kev.dateAdded ?? '\uffff') < (out.kev.dateAdded ?? '\uffff'))
    )
      out.kev = { ...risk.kev }
    if (risk.exploitObserved) {
      const seen = out.exploitObserved ?? {}
      const { firstSeen, lastSeen } = risk.exploitObserved
      out.exploitObserved = {
        firstSeen:
          firstSeen && (!seen.firstSeen || firstSeen < seen.firstSeen) ? firstSeen : seen.firstSeen,
        lastSeen:
          lastSeen && (!seen.lastSeen || lastSeen > seen.lastSeen) ? lastSeen : seen.lastSeen
      }
    }
  }
  return out
}

/**
 * Copies each finding with the risk data found for its ARNs (`findingArn`, or every platform's
 * `findingArns`, the worst risk winning); findings without an ARN (basic scans) or without data
 * come back unchanged (same object). An invalid EPSS is dropped.
 */
export function withRisk<F extends object>(
  findings: readonly F[],
  byArn: ReadonlyMap<string, RiskData>
): (F & RiskFields)[] {
  return findings.map(finding => {
    const arns = findingArnsOf(finding as { findingArn?: string; findingArns?: string[] }).filter(
      arn => typeof arn === 'string' && arn !== ''
    )
    const risk = worstRisk(arns.flatMap(arn => byArn.get(arn) ?? []))
    if (!risk) return finding
    const added: RiskFields = {}
    if (risk.epss !== undefined) added.epss = risk.epss
    if (risk.kev) added.kev = risk.kev
    if (risk.exploitObserved) added.exploitObserved = risk.exploitObserved
    return { ...finding, ...added }
  })
}

/** How many findings got an EPSS and how many are on the KEV list, for the log line. */
export function describeEnrichment(findings: readonly RiskFields[], calls: number): string {
  const withEpss = findings.filter(finding => finding.epss !== undefined).length
  const onKev = findings.filter(finding => finding.kev !== undefined).length
  const number = (value: number) => value.toLocaleString('en-US')
  return `Inspector: ${number(calls)} call${calls === 1 ? '' : 's'}, EPSS for ${number(withEpss)} of ${number(findings.length)} findings, ${number(onKev)} on CISA KEV.`
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
