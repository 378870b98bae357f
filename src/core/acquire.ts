import type { Finding } from '../model/findings.js'
import type { ImageRef } from '../model/image.js'
import { SEVERITIES, type SeverityCounts } from '../model/severity.js'
import { errorMessage, oneLine } from '../model/text.js'
import type { Clock, Deadline, Logger, ScanSource, WaitSettings } from './ports.js'
import { type AllFindings, readAllFindings } from './read-findings.js'
import type { Problem, ScanInfo } from './results.js'
import { scanningCoverage } from './scan-status.js'
import {
  SCAN_NOT_FOUND,
  type ScanPage,
  type WaitResult,
  formatDuration,
  waitForScan
} from './wait-for-scan.js'

/** One image's scan: a complete read of its findings, or the problem that stopped it. */
export type Acquired =
  | { kind: 'read'; scan: ScanInfo; findings: Finding[]; counts: SeverityCounts; stale: boolean }
  | { kind: 'problem'; scan: ScanInfo; problem: Problem }

export function scanInfo(page: ScanPage): ScanInfo {
  return {
    status: page.status,
    description: page.description,
    type: page.enhanced ? 'enhanced' : 'basic',
    completedAt: page.completedAt,
    vulnerabilitySourceUpdatedAt: page.vulnerabilitySourceUpdatedAt
  }
}

export interface AcquireDependencies {
  source: ScanSource
  clock: Clock
  log: Logger
  deadline: Deadline
}

/** A read whose counts prove findings missing is read once more before giving up. */
const INCOMPLETE_READS_ALLOWED = 2

function countsText(counts: SeverityCounts): string {
  const total = SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0)
  const parts = SEVERITIES.filter(severity => counts[severity] > 0).map(
    severity => `${severity} ${counts[severity]}`
  )
  return `${total} findings${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`
}

function sameCounts(a: SeverityCounts, b: SeverityCounts): boolean {
  return SEVERITIES.every(severity => a[severity] === b[severity])
}

/** The problem for a wait that did not end in a settled scan with results. */
function waitProblem(
  waited: Exclude<WaitResult, { kind: 'settled' }>,
  repository: string
): Acquired {
  if (waited.kind === 'not-scanned') {
    return {
      kind: 'problem',
      scan: { status: SCAN_NOT_FOUND, type: 'unknown' },
      problem: { kind: 'not-scanned', message: waited.message }
    }
  }
  if (waited.kind === 'terminal') {
    const described = waited.page.description ? ` (${oneLine(waited.page.description)})` : ''
    const message = `The scan ended with status ${waited.page.status}${described}: there is nothing trustworthy to judge. ${waited.fix}`
    return {
      kind: 'problem',
      scan: scanInfo(waited.page),
      problem: { kind: 'scan-ended', message }
    }
  }
  const scan: ScanInfo = {
    ...(waited.lastPage ? scanInfo(waited.lastPage) : { status: waited.lastStatus }),
    type: waited.lastPage?.enhanced ? 'enhanced' : 'unknown'
  }
  const message = waited.withoutResults
    ? `ECR kept answering ${waited.lastStatus} without results (${waited.withoutResults.reason}) for ${formatDuration(waited.withoutResults.forMs)}, until the timeout: the scan's findings never arrived. Raise 'timeout', or check the scan of ${repository} in the ECR console.`
    : `The scan did not settle within the timeout: last status ${waited.lastStatus} after ${(waited.waitedMs / 60_000).toFixed(1)} minutes. Raise 'timeout', or check the scan in the ECR console.`
  return { kind: 'problem', scan, problem: { kind: 'timeout', message } }
}

function problem(scan: ScanInfo, kind: Problem['kind'], message: string): Acquired {
  return { kind: 'problem', scan, problem: { kind, message } }
}

/**
 * Waits for the scan of one (platform) image to settle with results and reads every finding of
 * it. A verdict needs a complete read: counts that prove findings missing mean one more read,
 * then no verdict; an enhanced scan is read again after the settle interval until two reads
 * agree. Never sleeps past the deadline; a request the deadline aborted is a timeout.
 */
export async function acquireFindings(
  image: ImageRef,
  settings: WaitSettings,
  deps: AcquireDependencies
): Promise<Acquired> {
  let lastScan: ScanInfo = { status: SCAN_NOT_FOUND, type: 'unknown' }
  try {
    return await acquire(image, settings, deps, scan => (lastScan = scan))
  } catch (error) {
    if (!deps.deadline.signal?.aborted) throw error
    return problem(
      lastScan,
      'timeout',
      `The timeout ran out while waiting for ECR to answer (last status ${lastScan.status}; ${errorMessage(error)}). Raise 'timeout', or check that ECR in ${image.region} is reachable from the runner.`
    )
  }
}

async function acquire(
  image: ImageRef,
  settings: WaitSettings,
  { source, clock, log, deadline }: AcquireDependencies,
  seen: (scan: ScanInfo) => void
): Promise<Acquired> {
  const { signal } = deadline
  const settleMs = Math.max(0, settings.settleIntervalMs)
  const wait = (startScan: boolean) =>
    waitForScan(
      {
        describe: async () => {
          const page = await source.describeScan(image, signal)
          if (page) seen(scanInfo(page))
          return page
        },
        startScan:
          startScan && settings.startScan ? () => source.startScan(image, signal) : undefined,
        coverage: startScan
          ? async () => {
              try {
                const config = await source.scanningConfiguration(image, signal)
                return scanningCoverage(config, image.repository, image.registryId)
              } catch (error) {
                if (signal?.aborted) throw error
                return {
                  kind: 'unknown',
                  message: `ECR has no scan for ${image.repository} yet, and its scanning configuration could not be read (${errorMessage(error)}); waiting for the scan. Grant ecr:GetRegistryScanningConfiguration and ecr:DescribeRepositories to learn at once when no scan will come.`
                } as const
              }
            }
          : undefined,
        now: clock.now,
        sleep: clock.sleep,
        random: clock.random,
        log: message => log.info(message),
        notice: message => log.notice(message)
      },
      { timeoutMs: Math.max(0, deadline.at - clock.now()), backoff: settings.backoff }
    )
  /** A pause of `ms` still leaves time to read before the deadline. */
  const roomFor = (ms: number) => clock.now() + ms < deadline.at

  let waited = await wait(true)
  if (waited.kind !== 'settled') return waitProblem(waited, image.repository)
  const stale = waited.stale
  let incompleteReads = 0
  let previous: AllFindings | undefined
  for (;;) {
    const page: ScanPage = waited.page
    const scan = scanInfo(page)
    const read = await readAllFindings(page, token => source.pagesAfter(image, token, signal))
    if (read.kind === 'broken') {
      return problem(
        scan,
        'error',
        `${read.reason}: the findings cannot be read completely. Retry the job; if it persists, report it to AWS support with the repository and digest.`
      )
    }
    if (read.kind === 'incomplete') {
      incompleteReads += 1
      log.info(`The read of the findings was incomplete: ${read.reason}.`)
      const retryMs = settings.backoff.maxMs
      if (incompleteReads >= INCOMPLETE_READS_ALLOWED || !roomFor(retryMs)) {
        const why =
          incompleteReads >= INCOMPLETE_READS_ALLOWED
            ? `${incompleteReads} reads in a row were incomplete`
            : 'the timeout left no time to read again'
        return problem(
          scan,
          'incomplete',
          `The findings could not be read completely (${read.reason}; ${why}), so there is no verdict. Retry the job, or raise 'timeout'.`
        )
      }
      log.info(`Reading the findings again in ${formatDuration(retryMs)}.`)
      await clock.sleep(retryMs)
    } else {
      incompleteReads = 0
      log.info(`Read ${read.findings.length} findings over ${read.pages} page(s).`)
      if (read.serviceCountsMismatch) log.debug(read.serviceCountsMismatch)
      const settled =
        !page.enhanced || settleMs === 0 || (previous && sameCounts(previous.counts, read.counts))
      if (settled) {
        return { kind: 'read', scan, findings: read.findings, counts: read.counts, stale }
      }
      if (previous) {
        log.info(
          `Enhanced scan findings changed between reads: ${countsText(previous.counts)}, then ${countsText(read.counts)}.`
        )
      }
      const last = previous
      previous = read
      if (!roomFor(settleMs)) {
        const why = last
          ? `two reads ${formatDuration(settleMs)} apart disagreed (${countsText(last.counts)}, then ${countsText(read.counts)})`
          : `the timeout left no time for a second read ${formatDuration(settleMs)} later`
        return problem(
          scan,
          'incomplete',
          `Enhanced scan findings were not confirmed settled before the timeout: ${why}, so findings may still be arriving and there is no verdict. Raise 'timeout', or set settle-interval: 0 to accept a single read.`
        )
      }
      log.info(
        `Enhanced scan: reading again in ${formatDuration(settleMs)} to check no findings are still arriving.`
      )
      await clock.sleep(settleMs)
    }
    waited = await wait(false)
    if (waited.kind !== 'settled') return waitProblem(waited, image.repository)
  }
}
