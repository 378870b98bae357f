import { type BackoffOptions, backoffDelay, sleepBeforeDeadline } from './backoff.js'
import type { RawBasicFinding, RawEnhancedFinding } from '../model/findings.js'
import { type ScanningCoverage, classifyStatus, expiredWithoutFindingsFix } from './scan-status.js'

/** One page of DescribeImageScanFindings, reduced to what the action reads. */
export interface ScanPage {
  status: string
  description?: string
  /** imageScanFindings.imageScanCompletedAt: without it a settled status is not a result yet. */
  completedAt?: Date
  vulnerabilitySourceUpdatedAt?: Date
  /** The answer carried imageScanFindings at all (even `{}`). */
  hasResults: boolean
  /** imageScanFindings carried a findings or enhancedFindings list (even empty). */
  listed: boolean
  findings: RawBasicFinding[]
  enhancedFindings: RawEnhancedFinding[]
  /** True when the response carried enhancedFindings (an Inspector scan), even if empty. */
  enhanced: boolean
  /** The service's own counts: logged for comparison, never trusted. */
  severityCounts?: Record<string, number>
  nextToken?: string
}

/** `undefined` means ScanNotFoundException: the scan is not registered yet. */
export type DescribeScan = () => Promise<ScanPage | undefined>

export type StartScanOutcome =
  | { kind: 'started' }
  /** One manual scan per image per day: use the results that exist. */
  | { kind: 'limit-exceeded' }
  /** The registry cannot start this scan type (enhanced scanning scans on push by itself). */
  | { kind: 'not-supported'; reason: string }

export interface WaitDependencies {
  describe: DescribeScan
  startScan?: () => Promise<StartScanOutcome>
  /**
   * Asked once, when ECR first has no scan and no scan is started here: whether anything will
   * ever scan the image. Absent: keep waiting as if it will.
   */
  coverage?: () => Promise<ScanningCoverage>
  now: () => number
  sleep: (ms: number) => Promise<void>
  random: () => number
  log: (message: string) => void
  /** For what the user should act on without failing (defaults to `log`). */
  notice?: (message: string) => void
}

export interface WaitOptions {
  timeoutMs: number
  backoff: BackoffOptions
}

export type WaitResult =
  /** Settled: `page` is the first page of findings, to be reused rather than fetched again. */
  | { kind: 'settled'; page: ScanPage; stale: boolean }
  | { kind: 'terminal'; page: ScanPage; fix: string }
  /**
   * `lastPage` is absent when the scan was never found. `withoutResults` is set when ECR's last
   * answers were a settled status with no results behind it: why, and for how long.
   */
  | {
      kind: 'timeout'
      lastStatus: string
      waitedMs: number
      lastPage?: ScanPage
      withoutResults?: { reason: string; forMs: number }
    }
  /** Nothing will ever scan this image: `message` names the fix. */
  | { kind: 'not-scanned'; message: string }

/** Reported (and set as the scan-status output) while ECR has no scan for the image. */
export const SCAN_NOT_FOUND = 'SCAN_NOT_FOUND'

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)}s`
}

/** `45s`, `10m0s`: how long something lasted, for messages. */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000)
  return total < 60 ? `${total}s` : `${Math.floor(total / 60)}m${total % 60}s`
}

/**
 * Why a settled answer is not a result yet, or `undefined` when it is one. Enhanced scanning has
 * answered COMPLETE (and ACTIVE) with no results and no completion time, and the findings a few
 * seconds later (aws/aws-sdk#289): such an answer says nothing about the image.
 */
export function missingResults(page: ScanPage): string | undefined {
  if (!page.hasResults) return 'no imageScanFindings'
  if (!page.completedAt) return 'no completion time'
  return undefined
}

/** SCAN_ELIGIBILITY_EXPIRED keeps the last scan's findings, when there are any to keep. */
function hasAnyFindings(page: ScanPage): boolean {
  return page.findings.length + page.enhancedFindings.length > 0 || page.nextToken !== undefined
}

async function startScanOnce(
  start: () => Promise<StartScanOutcome>,
  log: (message: string) => void
) {
  const outcome = await start()
  switch (outcome.kind) {
    case 'started':
      log('No scan found for this image: started a basic scan (start-scan: true).')
      break
    case 'limit-exceeded':
      log(
        'No scan found and ECR allows one manual scan per image per 24 hours: waiting for the existing scan.'
      )
      break
    case 'not-supported':
      log(
        `No scan found and a scan cannot be started here: ${outcome.reason} Waiting for the scan on push.`
      )
  }
}

/**
 * Polls until the scan settles, ends, or the deadline passes. Errors other than
 * "scan not found" propagate at once: a misspelled repository must not wait out the timeout.
 */
export async function waitForScan(
  deps: WaitDependencies,
  options: WaitOptions
): Promise<WaitResult> {
  const startedAt = deps.now()
  const deadline = startedAt + options.timeoutMs
  let startAttempted = false
  let coverageAsked = false
  let lastPage: ScanPage | undefined
  /** The current run of settled answers without results: since when, and why. */
  let withoutResults: { since: number; reason: string } | undefined
  for (let attempt = 0; ; attempt++) {
    const page = await deps.describe()
    let waitingFor: string | undefined
    if (page) {
      lastPage = page
      const outcome = classifyStatus(page.status)
      if (outcome.kind === 'terminal') return { kind: 'terminal', page, fix: outcome.fix }
      if (outcome.kind === 'read' && outcome.stale) {
        if (!page.hasResults || !hasAnyFindings(page))
          return { kind: 'terminal', page, fix: expiredWithoutFindingsFix() }
        return { kind: 'settled', page, stale: true }
      }
      const missing = outcome.kind === 'read' ? missingResults(page) : undefined
      if (outcome.kind === 'read' && !missing) return { kind: 'settled', page, stale: false }
      if (missing) {
        withoutResults = withoutResults?.reason === missing ? withoutResults : undefined
        withoutResults ??= { since: deps.now(), reason: missing }
        waitingFor = ` without results yet (${missing})`
      } else {
        withoutResults = undefined
      }
    } else {
      withoutResults = undefined
      if (deps.startScan && !startAttempted) {
        startAttempted = true
        await startScanOnce(deps.startScan, deps.log)
      } else if (!deps.startScan && deps.coverage && !coverageAsked) {
        coverageAsked = true
        const coverage = await deps.coverage()
        if (coverage.kind === 'never') return { kind: 'not-scanned', message: coverage.message }
        if (coverage.kind === 'unknown') (deps.notice ?? deps.log)(coverage.message)
      }
    }
    const lastStatus = lastPage?.status ?? SCAN_NOT_FOUND
    const elapsed = deps.now() - startedAt
    const delay = sleepBeforeDeadline(
      backoffDelay(attempt, options.backoff, deps.random),
      deps.now(),
      deadline
    )
    if (delay <= 0) {
      return {
        kind: 'timeout',
        lastStatus,
        waitedMs: elapsed,
        lastPage,
        ...(withoutResults
          ? {
              withoutResults: {
                reason: withoutResults.reason,
                forMs: deps.now() - withoutResults.since
              }
            }
          : {})
      }
    }
    deps.log(
      `Scan status ${lastStatus}${waitingFor ?? ''} after ${seconds(elapsed)}; next check in ${seconds(delay)}.`
    )
    await deps.sleep(delay)
  }
}
