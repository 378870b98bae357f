import type { Clock, Enricher, Logger, ScanSource } from './ports.js'
import type { ImageResult } from './results.js'
import type { ImageTarget } from '../model/image.js'
import { type BaselineReads, type JudgeSettings, scanImage } from './scan-image.js'

/** An image's own log: its lines stay together even when images are judged side by side. */
export interface ImageLog extends Logger {
  /** The image is done: its lines can be shown as one block. */
  close(): void
}

export interface RunDependencies {
  /** One source per region, made once and shared by every image in that region. */
  sourceFor(region: string): ScanSource
  clock: Clock
  /** A log for each image, opened when its work starts. */
  logFor(target: ImageTarget): ImageLog
  /** Aborts every request when the run's time is up. */
  signal?: AbortSignal
  explainError: (error: unknown, target: ImageTarget) => string
  /**
   * The Inspector enricher for a region, for `enrich: inspector`. Front ends load it with
   * `await import('../aws/inspector.js')` so the SDK client stays out of other runs; the core
   * asks once per region and shares it between images.
   */
  enricherFor?(region: string): Promise<Enricher>
}

export interface RunSettings extends JudgeSettings {
  /** How many images are waited on and read at once. */
  concurrency: number
}

/**
 * Judges every image under one deadline, at most `concurrency` at a time, and returns their
 * results in the order given. The run takes about as long as its slowest image.
 */
export async function runScan(
  targets: readonly ImageTarget[],
  settings: RunSettings,
  deps: RunDependencies
): Promise<ImageResult[]> {
  const deadline = { at: deps.clock.now() + settings.timeoutMs, signal: deps.signal }
  const results: ImageResult[] = new Array(targets.length)
  const enrichers = new Map<string, Promise<Enricher>>()
  const make = deps.enricherFor
  const enricherFor = make
    ? (region: string) => {
        const enricher = enrichers.get(region) ?? make(region)
        enrichers.set(region, enricher)
        return enricher
      }
    : undefined
  const baselines: BaselineReads = new Map()
  let next = 0
  const worker = async () => {
    while (next < targets.length) {
      const index = next++
      const target = targets[index] as ImageTarget
      const log = deps.logFor(target)
      try {
        results[index] = await scanImage(target, settings, {
          sourceFor: deps.sourceFor,
          clock: deps.clock,
          log,
          deadline,
          explainError: deps.explainError,
          enricherFor,
          baselines
        })
      } finally {
        log.close()
      }
    }
  }
  const workers = Math.max(1, Math.min(settings.concurrency, targets.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}
