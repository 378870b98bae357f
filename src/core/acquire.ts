import type { Finding } from '../model/findings.js'
import type { ImageRef } from '../model/image.js'
import type { SeverityCounts } from '../model/severity.js'
import { oneLine } from '../model/text.js'
import type { Clock, Deadline, Logger, ScanSource, WaitSettings } from './ports.js'
import { readAllFindings } from './read-findings.js'
import type { Problem, ScanInfo } from './results.js'
import { type ScanPage, waitForScan } from './wait-for-scan.js'

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

/** Waits for the scan of one (platform) image to settle and reads every finding of it. */
export async function acquireFindings(
  image: ImageRef,
  settings: WaitSettings,
  { source, clock, log, deadline }: AcquireDependencies
): Promise<Acquired> {
  const { signal } = deadline
  const waited = await waitForScan(
    {
      describe: () => source.describeScan(image, signal),
      startScan: settings.startScan ? () => source.startScan(image, signal) : undefined,
      now: clock.now,
      sleep: clock.sleep,
      random: clock.random,
      log: message => log.info(message)
    },
    { timeoutMs: Math.max(0, deadline.at - clock.now()), backoff: settings.backoff }
  )
  if (waited.kind === 'timeout') {
    const minutes = (waited.waitedMs / 60_000).toFixed(1)
    const scan: ScanInfo = {
      ...(waited.lastPage ? scanInfo(waited.lastPage) : { status: waited.lastStatus }),
      type: waited.lastPage?.enhanced ? 'enhanced' : 'unknown'
    }
    const message = `The scan did not settle within the timeout: last status ${waited.lastStatus} after ${minutes} minutes. Raise 'timeout', or check the scan in the ECR console.`
    return { kind: 'problem', scan, problem: { kind: 'timeout', message } }
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
  const all = await readAllFindings(waited.page, token => source.pagesAfter(image, token, signal))
  log.info(`Read ${all.findings.length} findings over ${all.pages} page(s).`)
  if (all.serviceCountsMismatch) log.debug(all.serviceCountsMismatch)
  return {
    kind: 'read',
    scan: scanInfo(waited.page),
    findings: all.findings,
    counts: all.counts,
    stale: waited.stale
  }
}
