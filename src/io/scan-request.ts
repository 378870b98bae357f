import { explainAwsError } from '../aws/errors.js'
import type { Config } from '../config/inputs.js'
import type { BackoffOptions } from '../core/backoff.js'
import type { ScanSource } from '../core/ports.js'
import type { IgnoreRule } from '../core/results.js'
import type { RunDependencies, RunSettings } from '../core/run.js'
import type { ImageTarget } from '../model/image.js'
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
