import type { ImageQuery, ImageRef } from '../model/image.js'
import type { EnrichmentResult, EnrichmentTarget } from './enrichment.js'
import type { BackoffOptions } from './backoff.js'
import type { ScanningConfiguration } from './scan-status.js'
import type { ScanPage, StartScanOutcome } from './wait-for-scan.js'

/** The platform images of an index, each pinned to its own digest, and what was left out and why. */
export interface IndexPlatforms {
  images: { platform: string; image: ImageRef }[]
  skipped: { digest: string; reason: string }[]
}

/** Where the core writes its log; front ends decide how (workflow log groups, a terminal). */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  notice(message: string): void
  debug(message: string): void
}

/**
 * What the core needs from ECR, for one region. The AWS adapter implements it; every call takes
 * the run's abort signal, so the step's deadline bounds the requests too.
 */
export interface ScanSource {
  resolveImage(query: ImageQuery, signal?: AbortSignal): Promise<ImageRef>
  /** The platform images of an image index (BatchGetImage), attestations left out. */
  platformImages(index: ImageRef, signal?: AbortSignal): Promise<IndexPlatforms>
  /** One poll; `undefined` while ECR has no scan for the image. */
  describeScan(image: ImageRef, signal?: AbortSignal): Promise<ScanPage | undefined>
  pagesAfter(image: ImageRef, startingToken: string, signal?: AbortSignal): AsyncIterable<ScanPage>
  startScan(image: ImageRef, signal?: AbortSignal): Promise<StartScanOutcome>
  /**
   * The registry's scanning rules and the repository's scan-on-push flag
   * (GetRegistryScanningConfiguration, DescribeRepositories); throws when they cannot be read.
   */
  scanningConfiguration(image: ImageRef, signal?: AbortSignal): Promise<ScanningConfiguration>
}

/** The clock, sleep and randomness, injected so no test really waits. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
  random(): number
}

/** One deadline for the whole run: every wait stops at `at`, every request at `signal`. */
export interface Deadline {
  at: number
  signal?: AbortSignal
}

export interface WaitSettings {
  timeoutMs: number
  startScan: boolean
  backoff: BackoffOptions
  /**
   * Milliseconds between two reads of an enhanced scan's findings, which must agree; 0 turns the
   * second read off (the `settle-interval` input, default DEFAULT_SETTLE_INTERVAL_MS).
   */
  settleIntervalMs: number
}

/**
 * Risk data beyond severity (EPSS, CISA KEV) for one image's enhanced-scan findings, from Amazon
 * Inspector in one region. Front ends make it with a dynamic import, so the core loads no SDK.
 * Never throws: failures come back as `warnings`, and the run goes on with ECR's data alone.
 */
export interface Enricher {
  enrich(target: EnrichmentTarget, signal?: AbortSignal): Promise<EnrichmentResult>
}

/** `none`: ECR's findings alone; `inspector`: EPSS and KEV from Inspector (enhanced scans only). */
export type EnrichMode = 'none' | 'inspector'
