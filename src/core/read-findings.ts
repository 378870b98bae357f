import { type Finding, normalizeBasicFinding, normalizeEnhancedFinding } from '../model/findings.js'
import {
  SEVERITIES,
  type SeverityCounts,
  countBySeverity,
  emptyCounts,
  toSeverity
} from '../model/severity.js'
import { classifyStatus } from './scan-status.js'
import type { ScanPage } from './wait-for-scan.js'

/** The fewest findings ECR puts on a page that is not the last (Inspector pages hold 100). */
const SMALLEST_FULL_PAGE = 100
/** Pages allowed beyond what the service's counts explain, for short or empty pages. */
const PAGE_MARGIN = 10
/** Without the service's counts there is nothing to explain the pages: 100,000 findings at least. */
const PAGES_WITHOUT_COUNTS = 1000

export interface AllFindings {
  kind: 'complete'
  findings: Finding[]
  counts: SeverityCounts
  pages: number
  /** The service's own counts (from the first page) when they disagree with ours, for a debug line. */
  serviceCountsMismatch?: string
}

export type FindingsRead =
  | AllFindings
  /** Findings are provably missing: read again, or give no verdict. */
  | { kind: 'incomplete'; reason: string; pages: number }
  /** The listing cannot be read to its end (a token loop, endless pages): an error. */
  | { kind: 'broken'; reason: string; pages: number }

/** findingSeverityCounts on ECR's spellings, summed onto the model's severities. */
function serviceCounts(theirs: Record<string, number>): SeverityCounts {
  const counts = emptyCounts()
  for (const [name, count] of Object.entries(theirs)) {
    if (typeof count === 'number' && Number.isFinite(count)) counts[toSeverity(name)] += count
  }
  return counts
}

function describeMismatch(
  ours: SeverityCounts,
  theirs: Record<string, number> | undefined
): string | undefined {
  if (!theirs) return undefined
  const service = serviceCounts(theirs)
  const differences = SEVERITIES.filter(severity => service[severity] !== ours[severity]).map(
    severity => `${severity} ${service[severity]} vs ${ours[severity]}`
  )
  return differences.length > 0
    ? `findingSeverityCounts differs from the findings read (service vs counted): ${differences.join(', ')}`
    : undefined
}

/**
 * findingSeverityCounts may undercount (it is not reliable across pages) but it can never count
 * findings that do not exist: more of a severity than were read proves findings are missing.
 */
export function missingBySeverity(
  ours: SeverityCounts,
  theirs: Record<string, number> | undefined
): string | undefined {
  if (!theirs) return undefined
  const service = serviceCounts(theirs)
  const missing = SEVERITIES.filter(severity => service[severity] > ours[severity]).map(
    severity => `${severity} ${service[severity]} counted by ECR but ${ours[severity]} read`
  )
  return missing.length > 0 ? missing.join(', ') : undefined
}

/** How many pages the service's counts can explain, with a margin; a bound, never a target. */
export function pageLimit(first: ScanPage): number {
  if (!first.severityCounts) return PAGES_WITHOUT_COUNTS
  const counts = serviceCounts(first.severityCounts)
  const expected = SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0)
  return 2 * Math.ceil(expected / SMALLEST_FULL_PAGE) + PAGE_MARGIN
}

/**
 * Reads every page after the one the wait already holds, normalising both kinds of finding.
 * Counts come from the findings themselves; the service's counts only prove findings missing.
 * A page without a findings list, or whose status is no longer settled, makes the read
 * incomplete; a token seen before, or more pages than the counts explain, breaks it.
 */
export async function readAllFindings(
  firstPage: ScanPage,
  laterPages: (token: string) => AsyncIterable<ScanPage>
): Promise<FindingsRead> {
  const findings: Finding[] = []
  let pages = 0
  const take = (page: ScanPage) => {
    pages += 1
    for (const raw of page.findings) findings.push(normalizeBasicFinding(raw))
    for (const raw of page.enhancedFindings) findings.push(normalizeEnhancedFinding(raw))
  }
  if (!firstPage.listed) {
    return { kind: 'incomplete', reason: 'the first page carried no findings list', pages: 1 }
  }
  take(firstPage)
  const limit = pageLimit(firstPage)
  const seen = new Set<string>()
  let token = firstPage.nextToken
  if (token) {
    seen.add(token)
    for await (const page of laterPages(token)) {
      const number = pages + 1
      if (classifyStatus(page.status).kind !== 'read') {
        return {
          kind: 'incomplete',
          reason: `page ${number} answered status ${page.status}, no longer settled`,
          pages: number
        }
      }
      if (!page.listed) {
        return {
          kind: 'incomplete',
          reason: `page ${number} carried no findings list`,
          pages: number
        }
      }
      take(page)
      token = page.nextToken
      if (!token) break
      if (seen.has(token)) {
        return {
          kind: 'broken',
          reason: `ECR handed out a page token it had already given (after page ${number}), so the findings listing loops`,
          pages
        }
      }
      if (pages >= limit) {
        return {
          kind: 'broken',
          reason: `ECR kept handing out pages (${pages}, more than the ${limit} its own counts can explain)`,
          pages
        }
      }
      seen.add(token)
    }
    if (token) {
      return {
        kind: 'incomplete',
        reason: `the listing ended after page ${pages} with a page token still outstanding`,
        pages
      }
    }
  }
  const counts = countBySeverity(findings)
  const missing = missingBySeverity(counts, firstPage.severityCounts)
  if (missing) {
    return { kind: 'incomplete', reason: `findings are missing (${missing})`, pages }
  }
  return {
    kind: 'complete',
    findings,
    counts,
    pages,
    serviceCountsMismatch: describeMismatch(counts, firstPage.severityCounts)
  }
}
