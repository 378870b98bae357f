import { minEpss } from '../core/enrichment.js'
import { type Finding, findingKey } from '../model/findings.js'
import type { FilterResult, IgnoreRule, IgnoredFinding, Triage } from '../core/results.js'

/** Filters that decide which findings the policy judges; set-aside findings are still reported. */
export interface DecisionFilters {
  /** Judge only findings with a fix available (YES or PARTIAL); UNKNOWN is kept. */
  onlyFixable: boolean
  /** Judge only findings scored at least this (0–10); findings without a score are kept. */
  minCvss?: number
  /** Judge only findings with an EPSS at least this (0–1); findings without one are kept. */
  minEpss?: number
  /** Judge only findings the baseline does not have (by `findingKey`). */
  onlyNew?: { unchangedKeys: ReadonlySet<string> }
}

/** What triage did with one finding, for reports that list every finding once. */
export type Disposition =
  { kind: 'counted' } | { kind: 'ignored'; rule: IgnoreRule } | { kind: 'set-aside' }

interface Filter {
  name: string
  setsAside(finding: Finding): boolean
  /** The scan gave nothing to judge by: such findings are kept, and counted for the report. */
  cannotJudge(finding: Finding): boolean
}

/** `YYYY-MM-DD` of the day in UTC, the clock GitHub runners keep. */
function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** The expiry day itself still applies; the rule lapses the day after. */
function isExpired(rule: IgnoreRule, today: Date): boolean {
  return rule.expires !== undefined && utcDay(today) > rule.expires
}

function packageNames(finding: Finding): string[] {
  return (finding.packageName ?? '').split(',').map(name => name.trim())
}

function ruleMatches(rule: IgnoreRule, finding: Finding): boolean {
  if (rule.id.toLowerCase() !== finding.id.trim().toLowerCase()) return false
  return rule.package === undefined || packageNames(finding).includes(rule.package)
}

function formatScore(score: number): string {
  return Number.isInteger(score) ? score.toFixed(1) : String(score)
}

function activeFilters(filters: DecisionFilters): Filter[] {
  const active: Filter[] = []
  if (filters.onlyFixable) {
    // Basic scans never say whether a fix exists (UNKNOWN); dropping those would hide them.
    active.push({
      name: 'only-fixable',
      setsAside: finding => finding.fixAvailable === 'NO',
      cannotJudge: finding => finding.fixAvailable === 'UNKNOWN'
    })
  }
  const minCvss = filters.minCvss
  if (minCvss !== undefined) {
    active.push({
      name: `min-cvss ${formatScore(minCvss)}`,
      setsAside: finding => finding.cvssScore !== undefined && finding.cvssScore < minCvss,
      cannotJudge: finding => finding.cvssScore === undefined
    })
  }
  if (filters.minEpss !== undefined) active.push(minEpss<Finding>(filters.minEpss))
  const onlyNew = filters.onlyNew
  if (onlyNew) {
    active.push({
      name: 'only-new',
      setsAside: finding => onlyNew.unchangedKeys.has(findingKey(finding)),
      cannotJudge: () => false
    })
  }
  return active
}

/**
 * Applies ignore rules, then each filter in turn; `counted` is what the policy judges. A finding
 * set aside by an earlier filter is not counted again by a later one.
 */
export function triage(
  findings: readonly Finding[],
  rules: readonly IgnoreRule[],
  filters: DecisionFilters,
  today: Date
): Triage {
  const expiredRules = rules.filter(rule => isExpired(rule, today))
  const activeRules = rules.filter(rule => !isExpired(rule, today))
  const usedRules = new Set<IgnoreRule>()
  const ignored: IgnoredFinding[] = []
  let remaining: Finding[] = []
  for (const finding of findings) {
    const matching = activeRules.filter(candidate => ruleMatches(candidate, finding))
    // Every matching rule is in use (none is stale); the first one takes the credit.
    for (const rule of matching) usedRules.add(rule)
    const rule = matching[0]
    if (rule) {
      ignored.push({ finding, rule })
    } else {
      remaining.push(finding)
    }
  }
  const filterResults: FilterResult[] = []
  for (const filter of activeFilters(filters)) {
    const kept = remaining.filter(finding => !filter.setsAside(finding))
    filterResults.push({
      filter: filter.name,
      setAside: remaining.length - kept.length,
      keptUnknown: kept.filter(finding => filter.cannotJudge(finding)).length
    })
    remaining = kept
  }
  return {
    counted: remaining,
    ignored,
    filters: filterResults,
    expiredRules,
    staleRules: activeRules.filter(rule => !usedRules.has(rule))
  }
}

/**
 * Looks up what triage did with each finding. Triage keeps the scan's own Finding objects, so
 * identity tells them apart even when two findings look alike.
 */
export function dispositionOf(triageResult: Triage): (finding: Finding) => Disposition {
  const counted = new Set(triageResult.counted)
  const ignoredBy = new Map(triageResult.ignored.map(entry => [entry.finding, entry.rule]))
  return finding => {
    const rule = ignoredBy.get(finding)
    if (rule) return { kind: 'ignored', rule }
    return counted.has(finding) ? { kind: 'counted' } : { kind: 'set-aside' }
  }
}

function ruleLabel(rule: IgnoreRule): string {
  return `${rule.id}${rule.package ? ` (package ${rule.package})` : ''} at ${rule.origin}`
}

/** One sentence for the log and reports, so both name the entry and the day it lapsed. */
export function describeExpiredRule(rule: IgnoreRule): string {
  return `Ignore rule ${ruleLabel(rule)} expired on ${rule.expires ?? 'an unknown day'} and no longer ignores anything.`
}

export function describeStaleRule(rule: IgnoreRule): string {
  return `Ignore rule ${ruleLabel(rule)} matched no finding of this image; remove it if the vulnerability is gone from every image it covers.`
}
