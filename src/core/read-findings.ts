import { type Finding, normalizeBasicFinding, normalizeEnhancedFinding } from '../model/findings.js'
import { SEVERITIES, type SeverityCounts, countBySeverity } from '../model/severity.js'
import type { ScanPage } from './wait-for-scan.js'

export interface AllFindings {
  findings: Finding[]
  counts: SeverityCounts
  pages: number
  /** The service's own counts (from the first page) when they disagree with ours, for a debug line. */
  serviceCountsMismatch?: string
}

function describeMismatch(
  ours: SeverityCounts,
  theirs: Record<string, number> | undefined
): string | undefined {
  if (!theirs) return undefined
  const differences = SEVERITIES.filter(severity => (theirs[severity] ?? 0) !== ours[severity]).map(
    severity => `${severity} ${theirs[severity] ?? 0} vs ${ours[severity]}`
  )
  return differences.length > 0
    ? `findingSeverityCounts differs from the findings read (service vs counted): ${differences.join(', ')}`
    : undefined
}

/**
 * Reads every page after the one the wait already holds, normalising both kinds of finding.
 * Counts come from the findings themselves: findingSeverityCounts is not reliable across pages.
 */
export async function readAllFindings(
  firstPage: ScanPage,
  laterPages: (token: string) => AsyncIterable<ScanPage>
): Promise<AllFindings> {
  const findings: Finding[] = []
  let pages = 0
  const take = (page: ScanPage) => {
    pages += 1
    for (const raw of page.findings) findings.push(normalizeBasicFinding(raw))
    for (const raw of page.enhancedFindings) findings.push(normalizeEnhancedFinding(raw))
  }
  take(firstPage)
  if (firstPage.nextToken) {
    for await (const page of laterPages(firstPage.nextToken)) take(page)
  }
  const counts = countBySeverity(findings)
  return {
    findings,
    counts,
    pages,
    serviceCountsMismatch: describeMismatch(counts, firstPage.severityCounts)
  }
}
