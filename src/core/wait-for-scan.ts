import { type BackoffOptions, backoffDelay, sleepBeforeDeadline } from './backoff.js'
import type { RawBasicFinding, RawEnhancedFinding } from '../model/findings.js'
import { classifyStatus } from './scan-status.js'

/** One page of DescribeImageScanFindings, reduced to what the action reads. */
export interface ScanPage {
  status: string
  description?: string
  completedAt?: Date
  vulnerabilitySourceUpdatedAt?: Date
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
  now: () => number
  sleep: (ms: number) => Promise<void>
  random: () => number
  log: (message: string) => void
}

export interface WaitOptions {
  timeoutMs: number
  backoff: BackoffOptions
}

export type WaitResult =
  /** Settled: `page` is the first page of findings, to be reused rather than fetched again. */
  | { kind: 'settled'; page: ScanPage; stale: boolean }
  | { kind: 'terminal'; page: ScanPage; fix: string }
  /** `lastPage` is absent when the scan was never found. */
  | { kind: 'timeout'; lastStatus: string; waitedMs: number; lastPage?: ScanPage }

/** Reported (and set as the scan-status output) while ECR has no scan for the image. */
export const SCAN_NOT_FOUND = 'SCAN_NOT_FOUND'

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)}s`
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
  let lastPage: ScanPage | undefined
  for (let attempt = 0; ; attempt++) {
    const page = await deps.describe()
    if (page) {
      lastPage = page
      const outcome = classifyStatus(page.status)
      if (outcome.kind === 'read') return { kind: 'settled', page, stale: outcome.stale }
      if (outcome.kind === 'terminal') return { kind: 'terminal', page, fix: outcome.fix }
    } else if (deps.startScan && !startAttempted) {
      startAttempted = true
      await startScanOnce(deps.startScan, deps.log)
    }
    const lastStatus = lastPage?.status ?? SCAN_NOT_FOUND
    const elapsed = deps.now() - startedAt
    const delay = sleepBeforeDeadline(
      backoffDelay(attempt, options.backoff, deps.random),
      deps.now(),
      deadline
    )
    if (delay <= 0) return { kind: 'timeout', lastStatus, waitedMs: elapsed, lastPage }
    deps.log(
      `Scan status ${lastStatus} after ${seconds(elapsed)}; next check in ${seconds(delay)}.`
    )
    await deps.sleep(delay)
  }
}
