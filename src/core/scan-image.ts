import type { Finding } from '../model/findings.js'
import { type ImageRef, type ImageTarget, formatImage, isImageIndex } from '../model/image.js'
import type { IgnoreRule } from './results.js'
import type { Thresholds } from '../policy/policy.js'
import { evaluatePolicy } from '../policy/policy.js'
import {
  type DecisionFilters,
  describeExpiredRule,
  describeStaleRule,
  triage
} from '../policy/triage.js'
import { countBySeverity } from '../model/severity.js'
import { type Acquired, acquireFindings } from './acquire.js'
import { mergePlatforms } from './merge-platforms.js'
import type { Clock, Deadline, Logger, ScanSource, WaitSettings } from './ports.js'
import type { ImageResult, PlatformScan, Problem, ScanInfo } from './results.js'

export interface JudgeSettings extends WaitSettings {
  rules: readonly IgnoreRule[]
  filters: DecisionFilters
  thresholds: Thresholds
}

export interface ScanImageDependencies {
  source: ScanSource
  clock: Clock
  log: Logger
  deadline: Deadline
  /** Turns an error thrown by the source into one line that says what to do. */
  explainError: (error: unknown, target: ImageTarget) => string
}

interface Platform {
  platform?: string
  image: ImageRef
}

/** Statuses in the order a reader should see the worst first. */
function worstScan(platforms: PlatformScan[]): ScanInfo {
  const failed = platforms.find(platform => platform.problem)
  return (failed ?? platforms[0])?.scan ?? { status: 'UNKNOWN', type: 'unknown' }
}

async function platformsOf(
  image: ImageRef,
  { source, log, deadline }: ScanImageDependencies
): Promise<Platform[]> {
  if (!isImageIndex(image)) return [{ image }]
  const { images, skipped } = await source.platformImages(image, deadline.signal)
  for (const entry of skipped) log.info(`Skipped ${entry.digest}: ${entry.reason}.`)
  log.info(
    `${formatImage(image)} is an image index: judging ${images.map(entry => entry.platform).join(', ')}.`
  )
  return images
}

function platformLabel(platform: Platform): string {
  return platform.platform ? `${platform.platform} (${platform.image.digest})` : ''
}

/**
 * Resolves one image, waits for and reads the scan of each of its platform images, merges them
 * and judges the merge. Never throws: an error becomes an unjudged result with its reason.
 */
export async function scanImage(
  target: ImageTarget,
  settings: JudgeSettings,
  deps: ScanImageDependencies
): Promise<ImageResult> {
  const { source, log, deadline, clock } = deps
  let image: ImageRef | undefined
  try {
    image = await source.resolveImage(target.query, deadline.signal)
    log.info(`Image: ${formatImage(image)} (${target.region})`)
    const platforms = await platformsOf(image, deps)
    const acquired: { platform: Platform; result: Acquired }[] = await Promise.all(
      platforms.map(async platform => {
        const result = await acquireFindings(platform.image, settings, {
          source,
          clock,
          deadline,
          log: platform.platform ? prefixed(log, `${platform.platform}: `) : log
        })
        return { platform, result }
      })
    )
    const platformScans: PlatformScan[] = acquired.map(({ platform, result }) => ({
      platform: platform.platform,
      digest: platform.image.digest,
      scan: result.scan,
      ...(result.kind === 'read' ? { counts: result.counts } : { problem: result.problem })
    }))
    const base = {
      reference: target.reference,
      image,
      platforms: platformScans,
      scan: worstScan(platformScans)
    }
    const failed = acquired.find(entry => entry.result.kind === 'problem')
    if (failed && failed.result.kind === 'problem') {
      const label = platformLabel(failed.platform)
      const problem: Problem = label
        ? {
            ...failed.result.problem,
            message: `Platform ${label}: ${failed.result.problem.message}`
          }
        : failed.result.problem
      return { kind: 'unjudged', ...base, problem }
    }
    const reads = acquired.flatMap(({ platform, result }) =>
      result.kind === 'read' ? [{ platform, result }] : []
    )
    if (reads.some(({ result }) => result.stale))
      log.warning(
        'Scan eligibility expired: these findings are from the last scan and may be stale. Push the image again to rescan it.'
      )
    const findings: Finding[] = isImageIndex(image)
      ? mergePlatforms(
          reads.flatMap(({ platform, result }) =>
            result.findings.map(finding => ({ platform: platform.platform ?? '', finding }))
          )
        )
      : (reads[0]?.result.findings ?? [])
    const triaged = triage(findings, settings.rules, settings.filters, new Date(clock.now()))
    for (const rule of triaged.expiredRules) log.warning(describeExpiredRule(rule))
    for (const rule of triaged.staleRules) log.notice(describeStaleRule(rule))
    return {
      kind: 'judged',
      ...base,
      findings,
      counts: countBySeverity(findings),
      triage: triaged,
      verdict: evaluatePolicy(triaged.counted, settings.thresholds)
    }
  } catch (error) {
    return {
      kind: 'unjudged',
      reference: target.reference,
      image,
      platforms: [],
      scan: { status: 'UNKNOWN', type: 'unknown' },
      problem: { kind: 'error', message: deps.explainError(error, target) }
    }
  }
}

function prefixed(log: Logger, prefix: string): Logger {
  return {
    info: message => log.info(prefix + message),
    warning: message => log.warning(prefix + message),
    notice: message => log.notice(prefix + message),
    debug: message => log.debug(prefix + message)
  }
}
