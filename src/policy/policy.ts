import { failOnKev } from '../core/enrichment.js'
import type { Finding } from '../model/findings.js'
import {
  RANKED_SEVERITIES,
  type RankedSeverity,
  type Severity,
  type SeverityCounts,
  SEVERITIES,
  countBySeverity,
  severityRank
} from '../model/severity.js'

export interface Thresholds {
  /**
   * Fail on any finding at this severity or above, except at severities `maxCounts` limits;
   * undefined turns the rule off.
   */
  failOn?: RankedSeverity
  /** Per-severity maximum counts: more than the limit fails. The specific limit beats `failOn`. */
  maxCounts: Partial<Record<Severity, number>>
  /** Fail on any finding with a known exploit, whatever its severity. */
  failOnExploit: boolean
  /** Fail on any finding on the CISA KEV list (needs `enrich: inspector`), whatever its severity. */
  failOnKev?: boolean
}

export type Breach =
  /** `exempt`: severities at or above `severity` that max-findings limits instead. */
  | { rule: 'fail-on'; severity: RankedSeverity; count: number; exempt: Severity[] }
  | { rule: 'max-count'; severity: Severity; count: number; limit: number }
  | { rule: 'exploit'; count: number }
  | { rule: 'kev'; count: number }

export interface Verdict {
  passed: boolean
  breaches: Breach[]
  /** Counts of the findings the policy judged (after ignore rules and filters). */
  counts: SeverityCounts
}

export function evaluatePolicy(findings: readonly Finding[], thresholds: Thresholds): Verdict {
  const counts = countBySeverity(findings)
  const breaches: Breach[] = []
  const { failOn, maxCounts } = thresholds
  if (failOn) {
    const atOrAbove = SEVERITIES.filter(severity => severityRank(severity) >= severityRank(failOn))
    const exempt = atOrAbove.filter(severity => maxCounts[severity] !== undefined)
    const count = atOrAbove
      .filter(severity => !exempt.includes(severity))
      .reduce((total, severity) => total + counts[severity], 0)
    if (count > 0) breaches.push({ rule: 'fail-on', severity: failOn, count, exempt })
  }
  for (const severity of SEVERITIES) {
    const limit = thresholds.maxCounts[severity]
    if (limit !== undefined && counts[severity] > limit) {
      breaches.push({ rule: 'max-count', severity, count: counts[severity], limit })
    }
  }
  if (thresholds.failOnExploit) {
    const count = findings.filter(finding => finding.exploitAvailable === 'YES').length
    if (count > 0) breaches.push({ rule: 'exploit', count })
  }
  if (thresholds.failOnKev) {
    const count = failOnKev(findings).length
    if (count > 0) breaches.push({ rule: 'kev', count })
  }
  return { passed: breaches.length === 0, breaches, counts }
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** One sentence per breach, naming the rule, the count and the limit. */
export function describeBreach(breach: Breach): string {
  switch (breach.rule) {
    case 'fail-on': {
      const rule = `fail-on: ${breach.severity}, allowed: 0`
      if (breach.exempt.length === 0)
        return `${plural(breach.count, 'finding')} at ${breach.severity} or higher (${rule})`
      const counted = RANKED_SEVERITIES.filter(
        severity =>
          severityRank(severity) >= severityRank(breach.severity) &&
          !breach.exempt.includes(severity)
      )
      return `${plural(breach.count, `${counted.join(' or ')} finding`)} (${rule}, ${breach.exempt.join(', ')} left to max-findings)`
    }
    case 'max-count':
      return `${plural(breach.count, `${breach.severity} finding`)} (max-findings allows ${breach.limit})`
    case 'exploit':
      return `${plural(breach.count, 'finding')} with a known exploit (fail-on-exploit: true, allowed: 0)`
    case 'kev':
      return `${plural(breach.count, 'finding')} on the CISA Known Exploited Vulnerabilities list (fail-on-kev: true, allowed: 0)`
  }
}

/** The limit a severity has under these thresholds, for the counts table; undefined = no limit. */
export function limitFor(severity: Severity, thresholds: Thresholds): number | undefined {
  const maxCount = thresholds.maxCounts[severity]
  if (maxCount !== undefined) return maxCount
  const { failOn } = thresholds
  return failOn && severityRank(severity) >= severityRank(failOn) ? 0 : undefined
}
