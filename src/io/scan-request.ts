import { explainAwsError } from '../aws/errors.js'
import type { Config } from '../config/inputs.js'
import type { BackoffOptions } from '../core/backoff.js'
import type { Clock, ScanSource } from '../core/ports.js'
import type { IgnoreRule, RunResult } from '../core/results.js'
import { type RunDependencies, type RunSettings, runScan } from '../core/run.js'
import type { ImageTarget } from '../model/image.js'
import { ACTION_VERSION } from '../version.js'
import { readPlainFile } from './files.js'

// What both front ends (the Action and the CLI) do the same way around the core.

/**
 * Read before any AWS call, so a broken rule fails in seconds rather than after the scan.
 * `inlineOrigin` names where inline rules came from (`input ignore`, `--ignore`).
 */
export async function readIgnoreRules(config: Config, inlineOrigin: string): Promise<IgnoreRule[]> {
  const { path, explicit } = config.ignoreFile
  const fileText = await readPlainFile(path)
  const inline = config.ignoreInline
  // A missing file at the default path just means the repository has no rules.
  if (fileText === undefined && !explicit && !inline) return []
  // The YAML parser is loaded only when there are rules to read.
  const { missingIgnoreFileError, parseIgnoreRules } = await import('../policy/ignore-rules.js')
  if (fileText === undefined && explicit) throw missingIgnoreFileError(path)
  return [
    ...(fileText === undefined ? [] : parseIgnoreRules(fileText, path)),
    ...(inline ? parseIgnoreRules(inline, inlineOrigin) : [])
  ]
}

export function runSettings(
  config: Config,
  rules: readonly IgnoreRule[],
  backoff: BackoffOptions
): RunSettings {
  return {
    timeoutMs: config.timeoutMs,
    settleIntervalMs: config.settleIntervalMs,
    startScan: config.startScan,
    backoff,
    rules,
    filters: {
      onlyFixable: config.onlyFixable,
      minCvss: config.minCvss,
      minEpss: config.minEpss
    },
    thresholds: config.thresholds,
    concurrency: config.maxConcurrency,
    baseline: config.baseline,
    onlyNew: config.onlyNew,
    enrich: config.enrich
  }
}

/**
 * One ECR source per region, made on first use and shared by every image in that region. The
 * AWS SDK is loaded here, after the inputs are read, so a step with a bad input fails fast.
 */
export async function sourcesByRegion(
  create?: (region: string) => ScanSource
): Promise<(region: string) => ScanSource> {
  const make = create ?? (await import('../aws/ecr.js')).EcrScans.create
  const sources = new Map<string, ScanSource>()
  return region => {
    const source = sources.get(region) ?? make(region)
    sources.set(region, source)
    return source
  }
}

/** An AWS error about one image as one line that says what to do. */
export const explainImageError: RunDependencies['explainError'] = (error, target: ImageTarget) =>
  explainAwsError(error, {
    repository: target.query.repository,
    region: target.region,
    registryId: target.query.registryId,
    image: target.query.imageDigest ?? target.query.imageTag
  })

/** What differs between the front ends around one run: their clock, their log, their wording. */
export interface FrontEnd {
  clock: Clock
  backoff: BackoffOptions
  logFor: RunDependencies['logFor']
  explainError?: RunDependencies['explainError']
  /** Tests swap the ECR source; front ends leave it to the AWS SDK. */
  sourceFor?: (region: string) => ScanSource
}

/**
 * Judges every image of the config, as both front ends do: one deadline for all the AWS work
 * (requests in flight are aborted when it passes), one ECR source per region, and the Inspector
 * client loaded only when enrichment asks for it.
 */
export async function judgeImages(
  config: Config,
  rules: readonly IgnoreRule[],
  frontEnd: FrontEnd
): Promise<RunResult> {
  const images = await runScan(config.images, runSettings(config, rules, frontEnd.backoff), {
    sourceFor: await sourcesByRegion(frontEnd.sourceFor),
    clock: frontEnd.clock,
    signal: AbortSignal.timeout(config.timeoutMs),
    logFor: frontEnd.logFor,
    explainError: frontEnd.explainError ?? explainImageError,
    enricherFor: async region =>
      (await import('../aws/inspector.js')).createInspectorEnricher(region)
  })
  return {
    images,
    thresholds: config.thresholds,
    actionVersion: ACTION_VERSION,
    updatedAt: new Date(frontEnd.clock.now())
  }
}
