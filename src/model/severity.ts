/** Every severity ECR reports, most severe first: the order reports and tables use. */
export const SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNDEFINED',
  'UNTRIAGED'
] as const

export type Severity = (typeof SEVERITIES)[number]

/** Severities with a place on the scale, so "X or higher" has a meaning for them. */
export const RANKED_SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'] as const
export type RankedSeverity = (typeof RANKED_SEVERITIES)[number]

export type SeverityCounts = Record<Severity, number>

/** Higher is more severe; UNDEFINED and UNTRIAGED sit below the scale (0). */
export function severityRank(severity: Severity): number {
  const index = (RANKED_SEVERITIES as readonly string[]).indexOf(severity)
  return index === -1 ? 0 : RANKED_SEVERITIES.length - index
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value)
}

/** Maps ECR's spellings onto the model; anything unknown is kept visible as UNDEFINED. */
export function toSeverity(value: string | undefined): Severity {
  const upper = (value ?? '').trim().toUpperCase()
  return isSeverity(upper) ? upper : 'UNDEFINED'
}

export function emptyCounts(): SeverityCounts {
  return Object.fromEntries(SEVERITIES.map(severity => [severity, 0])) as SeverityCounts
}

export function countBySeverity(findings: readonly { severity: Severity }[]): SeverityCounts {
  const counts = emptyCounts()
  for (const finding of findings) counts[finding.severity] += 1
  return counts
}

/** Findings of every severity. */
export function totalOf(counts: SeverityCounts): number {
  return SEVERITIES.reduce((total, severity) => total + counts[severity], 0)
}
