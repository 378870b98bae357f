import type { Finding } from '../model/findings.js'
import type { ImageRef } from '../model/image.js'
import type { Thresholds, Verdict } from '../policy/policy.js'
import type { SeverityCounts } from '../model/severity.js'

/** `unknown` when the scan never settled: only findings or ACTIVE show which kind it is. */
export type ScanType = 'basic' | 'enhanced' | 'unknown'

export interface ScanInfo {
  /** imageScanStatus.status as ECR gave it. */
  status: string
  /** imageScanStatus.description, AWS's own words. */
  description?: string
  type: ScanType
  completedAt?: Date
  vulnerabilitySourceUpdatedAt?: Date
}

/** An ignore rule as written by the user (issue: policy as code). */
export interface IgnoreRule {
  id: string
  package?: string
  reason: string
  /** ISO date (YYYY-MM-DD); the rule stops applying after this day. */
  expires?: string
  /** Where the rule was written, for messages: `path:line` or `input ignore`. */
  origin: string
}

export interface IgnoredFinding {
  finding: Finding
  rule: IgnoreRule
}

/** Findings a filter set aside from the policy, e.g. only-fixable or min-cvss. */
export interface FilterResult {
  /** Human name of the filter, e.g. "only-fixable" or "min-cvss 7.0". */
  filter: string
  setAside: number
  /** Findings the filter could not judge (no fix information or no score), so it kept them. */
  keptUnknown: number
}

/** What ignore rules and filters did before the policy judged the rest. */
export interface Triage {
  /** Findings the policy judged. */
  counted: Finding[]
  ignored: IgnoredFinding[]
  filters: FilterResult[]
  expiredRules: IgnoreRule[]
  staleRules: IgnoreRule[]
}

/** Everything a report needs, gathered by main.ts; renderers take only this. */
export interface ReportData {
  image: ImageRef
  scan: ScanInfo
  /** Every finding the scan returned, over all pages. */
  findings: Finding[]
  /** Counts of every finding (not only the judged ones): exact even when a listing is cut. */
  counts: SeverityCounts
  thresholds: Thresholds
  triage: Triage
  /** Absent when the scan ended in a terminal status: no verdict without findings behind it. */
  verdict?: Verdict
  /** Why there is no verdict, when there is none (terminal status, with the likely fix). */
  problem?: string
  actionVersion: string
  /** Link to this run's job summary (for the PR comment's "full list" pointer), when known. */
  runUrl?: string
}
