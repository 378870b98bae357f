import type { Finding } from './findings.js'
import {
  type RankedSeverity,
  type Severity,
  type SeverityCounts,
  SEVERITIES,
  countBySeverity,
  severityRank
} from './severity.js'

export interface Thresholds {
  /** Fail on any finding at this severity or above; undefined turns the rule off. */
  failOn?: RankedSeverity
  /** Per-severity maximum counts: more than the limit fails. */
  maxCounts: Partial<Record<Severity, number>>
  /** Fail on any finding with a known exploit, whatever its severity. */
  failOnExploit: boolean
}

export type Breach =
  | { rule: 'fail-on'; severity: RankedSeverity; count: number }
  | { rule: 'max-count'; severity: Severity; count: number; limit: number }
  | { rule: 'exploit'; count: number }

export interface Verdict {
  passed: boolean
  breaches: Breach[]
  /** Counts of the findings the policy judged (after ignore rules and filters). */
  counts: SeverityCounts
}

export function evaluatePolicy(findings: readonly Finding[], thresholds: Thresholds): Verdict {
  const counts = countBySeverity(findings)
  const breaches: Breach[] = []
  if (thresholds.failOn) {
    const floor = severityRank(thresholds.failOn)
    const count = findings.filter(finding => severityRank(finding.severity) >= floor).length
    if (count > 0) breaches.push({ rule: 'fail-on', severity: thresholds.failOn, count })
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
  return { passed: breaches.length === 0, breaches, counts }
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/** One sentence per breach, naming the rule, the count and the limit. */
export function describeBreach(breach: Breach): string {
  switch (breach.rule) {
    case 'fail-on':
      return `${plural(breach.count, 'finding')} at ${breach.severity} or higher (fail-on: ${breach.severity}, allowed: 0)`
    case 'max-count':
      return `${plural(breach.count, `${breach.severity} finding`)} (max-findings allows ${breach.limit})`
    case 'exploit':
      return `${plural(breach.count, 'finding')} with a known exploit (fail-on-exploit: true, allowed: 0)`
  }
}

/** The limit a severity has under these thresholds, for the counts table; undefined = no limit. */
export function limitFor(severity: Severity, thresholds: Thresholds): number | undefined {
  const limits: number[] = []
  if (thresholds.failOn && severityRank(severity) >= severityRank(thresholds.failOn)) limits.push(0)
  const maxCount = thresholds.maxCounts[severity]
  if (maxCount !== undefined) limits.push(maxCount)
  return limits.length > 0 ? Math.min(...limits) : undefined
}
