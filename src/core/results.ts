import type { Finding } from '../model/findings.js'
import type { ImageRef, ImageTarget } from '../model/image.js'
import type { BaselineDiff } from '../policy/baseline.js'
import type { Thresholds, Verdict } from '../policy/policy.js'
import { type SeverityCounts, emptyCounts } from '../model/severity.js'

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

/**
 * Why an image has no verdict. `softenable` problems are about the scan itself (it ended without
 * results, or its results could not be read completely): `scan-failure: warn` may turn them into a
 * warning. A timeout or an error always fails the step.
 */
export type ProblemKind = 'scan-ended' | 'incomplete' | 'timeout' | 'not-scanned' | 'error'

export interface Problem {
  kind: ProblemKind
  /** One line: what happened and what to do. */
  message: string
}

export function isSoftenable(problem: Problem): boolean {
  return problem.kind === 'scan-ended' || problem.kind === 'incomplete'
}

/** One platform image of an index, or the image itself when it is not an index. */
export interface PlatformScan {
  /** `linux/arm64/v8`; undefined for an image that is not an index. */
  platform?: string
  digest: string
  scan: ScanInfo
  /** Counts of the findings read for this platform, before merging; absent without a read. */
  counts?: SeverityCounts
  problem?: Problem
}

interface ImageResultBase {
  /**
   * What the step asked for: the reference as the user gave it, the region, registry and
   * repository the image was looked up in, and the tag or digest requested. Known whether or not
   * the image resolved, unlike `image`.
   */
  target: ImageTarget
  /** Absent when the image could not be resolved. */
  image?: ImageRef
  platforms: PlatformScan[]
  /** The scan shown for the image: the platforms' worst status, or the image's own. */
  scan: ScanInfo
}

/** A complete, settled read of every platform, and the policy's verdict on the merge. */
export interface JudgedImage extends ImageResultBase {
  kind: 'judged'
  image: ImageRef
  findings: Finding[]
  counts: SeverityCounts
  triage: Triage
  verdict: Verdict
  /** What changed against the baseline; absent without one, or when it could not be read. */
  baseline?: BaselineDiff
}

/** No verdict, and always a reason: never a silent pass. */
export interface UnjudgedImage extends ImageResultBase {
  kind: 'unjudged'
  problem: Problem
}

export type ImageResult = JudgedImage | UnjudgedImage

/** Everything the summary, the comment, the report files, the outputs and the exit code come from. */
export interface RunResult {
  images: ImageResult[]
  thresholds: Thresholds
  actionVersion: string
  /** Link to this run's job summary (for the PR comment's "full list" pointer), when known. */
  runUrl?: string
  /** The commit the run checked (a pull request's head commit, else GITHUB_SHA), for the PR comment's footer. */
  commit?: string
  /** When the run rendered its reports, for the PR comment's footer. */
  updatedAt?: Date
}

/** One image as a renderer shows it; `imageReport` builds it from a run's result. */
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
  platforms: PlatformScan[]
  baseline?: BaselineDiff
  actionVersion: string
  /** Link to this run's job summary (for the PR comment's "full list" pointer), when known. */
  runUrl?: string
}

const NO_TRIAGE: Triage = {
  counted: [],
  ignored: [],
  filters: [],
  expiredRules: [],
  staleRules: []
}

/** The view of one image the renderers take, from the run it belongs to. */
export function imageReport(run: RunResult, result: ImageResult): ReportData {
  const image = result.image ?? unresolvedImage(result.target.reference)
  const context = {
    image,
    scan: result.scan,
    platforms: result.platforms,
    thresholds: run.thresholds,
    actionVersion: run.actionVersion,
    runUrl: run.runUrl
  }
  if (result.kind === 'unjudged') {
    return {
      ...context,
      findings: [],
      counts: emptyCounts(),
      triage: NO_TRIAGE,
      problem: result.problem.message
    }
  }
  return {
    ...context,
    findings: result.findings,
    counts: result.counts,
    triage: result.triage,
    verdict: result.verdict,
    baseline: result.baseline
  }
}

/** An image ECR never resolved is still named in reports, by what the user wrote. */
function unresolvedImage(reference: string): ImageRef {
  return { repository: reference, digest: '', region: '' }
}
