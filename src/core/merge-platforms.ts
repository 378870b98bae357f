import { type Finding, compareText, findingArnsOf, findingKey } from '../model/findings.js'
import { severityRank } from '../model/severity.js'

/** One platform's copy of a finding, as it was before the merge. */
export interface PlatformFinding {
  platform: string
  finding: Finding
}

function highest<T>(values: (T | undefined)[], compare: (a: T, b: T) => number): T | undefined {
  return values.reduce<T | undefined>(
    (best, value) =>
      value === undefined ? best : best === undefined || compare(value, best) > 0 ? value : best,
    undefined
  )
}

function distinct(values: (string | undefined)[]): string | undefined {
  const unique = [...new Set(values.filter((value): value is string => !!value))]
  return unique.length > 0 ? unique.join(', ') : undefined
}

/**
 * Merges the findings of several platform images into one row per vulnerability and package.
 * Where platforms disagree the merge keeps the worse: the highest severity and score, a known
 * exploit over none; each platform's installed version stays on the row.
 *
 * Only copies on different platforms merge: a row holds at most one finding of each platform, so a
 * one-platform index counts exactly what the plain image counts.
 */
export function mergePlatforms(perPlatform: readonly PlatformFinding[]): Finding[] {
  const groups = new Map<string, PlatformFinding[]>()
  for (const entry of perPlatform) {
    const key = findingKey(entry.finding)
    const group = groups.get(key)
    if (group) group.push(entry)
    else groups.set(key, [entry])
  }
  return [...groups.values()].flatMap(group => rowsOf(group).map(mergeRow))
}

/**
 * The rows of one vulnerability in one package. A platform can hold it more than once (two
 * installed copies, or ECR listing it twice); then the k-th copy on one platform joins the k-th
 * copy on every other, each platform's copies taken in installed-version order, so the pairing
 * does not depend on the order a scan listed them in. Equal versions pair only when the platforms
 * hold as many copies; either way each copy is one row, so the counts stay exact.
 */
function rowsOf(group: PlatformFinding[]): PlatformFinding[][] {
  const byPlatform = new Map<string, PlatformFinding[]>()
  for (const entry of group) {
    const copies = byPlatform.get(entry.platform)
    if (copies) copies.push(entry)
    else byPlatform.set(entry.platform, [entry])
  }
  if (byPlatform.size === group.length) return [group]
  const rows: PlatformFinding[][] = []
  for (const copies of byPlatform.values()) {
    // Stable: copies of the same version keep the scan's order.
    copies.sort((a, b) =>
      compareText(a.finding.installedVersion ?? '', b.finding.installedVersion ?? '')
    )
    copies.forEach((entry, k) => {
      const row = rows[k]
      if (row) row.push(entry)
      else rows[k] = [entry]
    })
  }
  return rows
}

/** One row: the copies of a finding on different platforms, at most one each. */
function mergeRow(group: PlatformFinding[]): Finding {
  const findings = group.map(entry => entry.finding)
  const first = findings[0] as Finding
  if (group.length === 1) return { ...first, platforms: [platformOf(group[0] as PlatformFinding)] }
  const worst =
    highest(findings, (a, b) => severityRank(a.severity) - severityRank(b.severity)) ?? first
  return {
    ...worst,
    installedVersion: distinct(findings.map(finding => finding.installedVersion)),
    fixedInVersion: distinct(findings.map(finding => finding.fixedInVersion)),
    cvssScore: highest(
      findings.map(finding => finding.cvssScore),
      (a, b) => a - b
    ),
    exploitAvailable: findings.some(finding => finding.exploitAvailable === 'YES')
      ? 'YES'
      : worst.exploitAvailable,
    platforms: group.map(platformOf).sort((a, b) => compareText(a.platform, b.platform)),
    // Each platform's Inspector finding has its own ARN: enrichment looks up every one.
    ...arnsOf(findings)
  }
}

function arnsOf(findings: Finding[]): Pick<Finding, 'findingArns'> {
  const arns = [...new Set(findings.flatMap(findingArnsOf))]
  return arns.length > 0 ? { findingArns: arns } : {}
}

function platformOf({ platform, finding }: PlatformFinding) {
  return { platform, installedVersion: finding.installedVersion }
}
