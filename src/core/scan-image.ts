import { type Finding, findingArnsOf } from '../model/findings.js'
import { type ImageRef, type ImageTarget, formatImage, isImageIndex } from '../model/image.js'
import type { BaselineReference } from '../model/image-reference.js'
import { countBySeverity } from '../model/severity.js'
import { errorMessage } from '../model/text.js'
import { type BaselineDiff, diffBaseline } from '../policy/baseline.js'
import { type Thresholds, evaluatePolicy, plural } from '../policy/policy.js'
import {
  type DecisionFilters,
  describeExpiredRule,
  describeStaleRule,
  triage
} from '../policy/triage.js'
import { type Acquired, acquireFindings } from './acquire.js'
import { mergePlatforms } from './merge-platforms.js'
import { describeEnrichment, withRisk } from './enrichment.js'
import type {
  Clock,
  Deadline,
  EnrichMode,
  Enricher,
  Logger,
  ScanSource,
  WaitSettings
} from './ports.js'
import type { IgnoreRule, ImageResult, PlatformScan, Problem, ScanInfo } from './results.js'

export interface JudgeSettings extends WaitSettings {
  rules: readonly IgnoreRule[]
  filters: DecisionFilters
  thresholds: Thresholds
  baseline?: BaselineReference
  /** Thresholds judge only findings the baseline does not have. */
  onlyNew: boolean
  /** Default 'none'. */
  enrich?: EnrichMode
}

export interface ScanImageDependencies {
  /** The source for a region: an image and its baseline may live in different regions. */
  sourceFor(region: string): ScanSource
  clock: Clock
  log: Logger
  deadline: Deadline
  /** Turns an error thrown by the source into one line that says what to do. */
  explainError: (error: unknown, target: ImageTarget) => string
  /** Only needed with `enrich: inspector`; may reject when the enricher cannot be loaded. */
  enricherFor?(region: string): Promise<Enricher>
  /** Baselines already read (or being read) in this run, so images that share one read it once. */
  baselines?: BaselineReads
}

interface Platform {
  platform?: string
  image: ImageRef
}

/** An image read in full (every platform merged), or the problem that stopped the read. */
type ImageRead =
  | {
      kind: 'read'
      image: ImageRef
      platforms: PlatformScan[]
      scan: ScanInfo
      findings: Finding[]
    }
  | {
      kind: 'problem'
      image?: ImageRef
      platforms: PlatformScan[]
      scan: ScanInfo
      problem: Problem
    }

/** A run's baseline reads, by the baseline's place (region, registry, repository, tag or digest). */
export type BaselineReads = Map<string, Promise<ImageRead>>

const UNKNOWN_SCAN: ScanInfo = { status: 'UNKNOWN', type: 'unknown' }

/** The scan a reader should see for the image: a failed platform's, else the first. */
function shownScan(platforms: PlatformScan[]): ScanInfo {
  const failed = platforms.find(platform => platform.problem)
  return (failed ?? platforms[0])?.scan ?? UNKNOWN_SCAN
}

async function platformsOf(
  image: ImageRef,
  source: ScanSource,
  { log, deadline }: ScanImageDependencies
): Promise<Platform[]> {
  if (!isImageIndex(image)) return [{ image }]
  const { images, skipped } = await source.platformImages(image, deadline.signal)
  for (const entry of skipped) log.info(`Skipped ${entry.digest}: ${entry.reason}.`)
  log.info(
    `${formatImage(image)} is an image index: judging ${images.map(entry => entry.platform).join(', ')}.`
  )
  return images
}

function prefixed(log: Logger, prefix: string): Logger {
  return {
    info: message => log.info(prefix + message),
    warning: message => log.warning(prefix + message),
    notice: message => log.notice(prefix + message),
    debug: message => log.debug(prefix + message)
  }
}

/**
 * Resolves an image, waits for and reads the scan of each of its platform images (together, under
 * the run's deadline) and merges them. Never throws: an error becomes a problem with its reason.
 */
async function readImage(
  target: ImageTarget,
  settings: WaitSettings,
  deps: ScanImageDependencies
): Promise<ImageRead> {
  const { log, deadline, clock } = deps
  const source = deps.sourceFor(target.region)
  let image: ImageRef | undefined
  try {
    image = await source.resolveImage(target.query, deadline.signal)
    log.info(`Image: ${formatImage(image)} (${target.region})`)
    const platforms = await platformsOf(image, source, deps)
    const acquired: { platform: Platform; result: Acquired }[] = await Promise.all(
      platforms.map(async platform => ({
        platform,
        result: await acquireFindings(platform.image, settings, {
          source,
          clock,
          deadline,
          log: platform.platform ? prefixed(log, `${platform.platform}: `) : log
        })
      }))
    )
    const platformScans: PlatformScan[] = acquired.map(({ platform, result }) => ({
      platform: platform.platform,
      digest: platform.image.digest,
      scan: result.scan,
      ...(result.kind === 'read' ? { counts: result.counts } : { problem: result.problem })
    }))
    const base = { image, platforms: platformScans, scan: shownScan(platformScans) }
    const reads: { platform: Platform; findings: Finding[] }[] = []
    for (const { platform, result } of acquired) {
      if (result.kind === 'problem') {
        // One platform without a trustworthy result leaves the whole image without a verdict.
        const message = platform.platform
          ? `Platform ${platform.platform} (${platform.image.digest}): ${result.problem.message}`
          : result.problem.message
        return { kind: 'problem', ...base, problem: { ...result.problem, message } }
      }
      reads.push({ platform, findings: result.findings })
    }
    // Once for the image, however many of its platforms are stale.
    if (acquired.some(({ result }) => result.kind === 'read' && result.stale))
      log.warning(
        'Scan eligibility expired: these findings are from the last scan and may be stale. Push the image again to rescan it.'
      )
    const findings = isImageIndex(image)
      ? mergePlatforms(
          reads.flatMap(({ platform, findings: found }) =>
            found.map(finding => ({ platform: platform.platform ?? '', finding }))
          )
        )
      : (reads[0]?.findings ?? [])
    return { kind: 'read', ...base, findings }
  } catch (error) {
    // Once the run's time is up every request is aborted: that is the timeout, not an AWS error.
    const kind = deadline.signal?.aborted ? 'timeout' : 'error'
    const problem: Problem = { kind, message: deps.explainError(error, target) }
    return { kind: 'problem', image, platforms: [], scan: UNKNOWN_SCAN, problem }
  }
}

/** The baseline of an image: a tag or digest in the image's own repository, or another image. */
export function baselineTarget(baseline: BaselineReference, target: ImageTarget): ImageTarget {
  if (baseline.kind === 'image') {
    const { image } = baseline
    return {
      reference: image.reference,
      region: image.region ?? target.region,
      query: {
        repository: image.repository,
        imageTag: image.tag,
        imageDigest: image.digest,
        registryId: image.registryId ?? target.query.registryId
      }
    }
  }
  const query = {
    repository: target.query.repository,
    registryId: target.query.registryId,
    ...('tag' in baseline ? { imageTag: baseline.tag } : { imageDigest: baseline.digest })
  }
  const at = 'tag' in baseline ? `:${baseline.tag}` : `@${baseline.digest}`
  return { reference: `${query.repository}${at}`, region: target.region, query }
}

/** Compares with the baseline; a baseline that cannot be read is a warning, never a silent pass. */
async function compareWithBaseline(
  findings: Finding[],
  target: ImageTarget,
  settings: JudgeSettings,
  deps: ScanImageDependencies
): Promise<BaselineDiff | undefined> {
  if (!settings.baseline) return undefined
  const baseline = baselineTarget(settings.baseline, target)
  const { query } = baseline
  const place = JSON.stringify([
    baseline.region,
    query.registryId ?? '',
    query.repository,
    query.imageTag ?? '',
    query.imageDigest ?? ''
  ])
  let reading = deps.baselines?.get(place)
  if (reading) {
    deps.log.info(`Baseline ${baseline.reference}: already read for another image of this run.`)
  } else {
    const log = prefixed(deps.log, 'Baseline: ')
    reading = readImage(baseline, { ...settings, startScan: false }, { ...deps, log })
    deps.baselines?.set(place, reading)
  }
  const read = await reading
  if (read.kind === 'problem') {
    deps.log.warning(
      `Baseline ${baseline.reference} could not be read, so every finding is judged as if no baseline was given: ${read.problem.message}`
    )
    return undefined
  }
  const diff = diffBaseline(findings, read.findings, {
    reference: baseline.reference,
    digest: read.image.digest
  })
  deps.log.info(
    `Against ${formatImage(read.image)}: ${diff.newCount} new, ${diff.fixed.length} fixed, ${diff.unchangedCount} unchanged.`
  )
  return diff
}

/**
 * `enrich: inspector`: adds EPSS and CISA KEV data to an enhanced scan's findings, matched by their
 * Inspector ARNs (every platform's for an index). Never throws and never drops a finding: on any
 * failure the findings come back as they were, with a warning and `missing` saying what is
 * missing, so the verdict rests on ECR alone (or, under fail-on-kev, there is none).
 *
 * Every finding gets EPSS: ListFindings answers a whole image's findings 100 a call whatever is
 * asked for, so narrowing would save nothing there. KEV data (BatchGetFindingDetails, 10 a call)
 * is asked for every finding when it can decide the verdict (fail-on-kev), else only for findings
 * Inspector does not mark exploitAvailable NO.
 */
async function enrichFindings(
  read: Extract<ImageRead, { kind: 'read' }>,
  target: ImageTarget,
  settings: JudgeSettings,
  deps: ScanImageDependencies
): Promise<{ findings: Finding[]; missing?: string }> {
  const { findings } = read
  if ((settings.enrich ?? 'none') === 'none') return { findings }
  const { log } = deps
  const arns = [...new Set(findings.flatMap(findingArnsOf))]
  if (arns.length === 0) {
    if (read.scan.type === 'enhanced' && findings.length === 0) return { findings }
    const has = `${formatImage(read.image)} has ${read.scan.type === 'basic' ? 'a basic scan' : 'findings without Inspector ARNs'}`
    log.notice(
      `enrich: inspector needs enhanced scanning (Amazon Inspector); ${has}, so it is judged without EPSS or KEV data.`
    )
    // Findings Inspector cannot be asked about have no KEV data, which fail-on-kev needs.
    return findings.length > 0 ? { findings, missing: has } : { findings }
  }
  const withoutArn = findings.filter(finding => findingArnsOf(finding).length === 0).length
  const arnGap = withoutArn > 0 ? `no Inspector ARN on ${plural(withoutArn, 'finding')}` : undefined
  if (arnGap) log.warning(`Inspector enrichment: ${arnGap}, so no EPSS or KEV data for it.`)
  if (!deps.enricherFor) {
    const missing = 'this front end cannot reach Inspector'
    log.warning(`enrich: inspector is set but ${missing}; judged without EPSS or KEV data.`)
    return { findings, missing }
  }
  try {
    const enricher = await deps.enricherFor(target.region)
    const result = await enricher.enrich(
      {
        repository: read.image.repository,
        imageDigests: read.platforms.map(platform => platform.digest),
        registryId: read.image.registryId ?? target.query.registryId,
        findingArns: arns,
        kevLookup: settings.thresholds.failOnKev ? 'all' : 'exploitable'
      },
      deps.deadline.signal
    )
    for (const warning of result.warnings) log.warning(warning)
    const enriched = withRisk(findings, result.byArn)
    log.info(describeEnrichment(enriched, result.calls))
    return { findings: enriched, missing: arnGap ?? result.warnings[0] }
  } catch (error) {
    const missing = `Inspector enrichment could not start (${errorMessage(error)})`
    log.warning(`${missing}; the run goes on with ECR findings alone.`)
    return { findings, missing }
  }
}

/** Reads one image (and its baseline) and judges it: a verdict only on a complete read. */
export async function scanImage(
  target: ImageTarget,
  settings: JudgeSettings,
  deps: ScanImageDependencies
): Promise<ImageResult> {
  const read = await readImage(target, settings, deps)
  if (read.kind === 'problem') return { ...read, kind: 'unjudged', target }
  const { findings, missing } = await enrichFindings(read, target, settings, deps)
  // fail-on-kev judged without the KEV data it asked for could pass an exploited finding.
  if (missing && settings.thresholds.failOnKev) {
    const message = `fail-on-kev needs CISA KEV data from Amazon Inspector, which could not be read completely: ${missing}`
    return {
      ...read,
      kind: 'unjudged',
      target,
      problem: { kind: 'incomplete', message }
    }
  }
  const baseline = await compareWithBaseline(findings, target, settings, deps)
  const filters: DecisionFilters = {
    ...settings.filters,
    onlyNew: settings.onlyNew && baseline ? baseline : undefined
  }
  const triaged = triage(findings, settings.rules, filters, new Date(deps.clock.now()))
  for (const rule of triaged.expiredRules) deps.log.warning(describeExpiredRule(rule))
  for (const rule of triaged.staleRules) deps.log.notice(describeStaleRule(rule))
  return {
    ...read,
    kind: 'judged',
    target,
    findings,
    counts: countBySeverity(findings),
    triage: triaged,
    verdict: evaluatePolicy(triaged.counted, settings.thresholds),
    baseline
  }
}
