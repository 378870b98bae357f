import {
  BatchGetImageCommand,
  DescribeImageScanFindingsCommand,
  type DescribeImageScanFindingsResponse,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand,
  ImageNotFoundException,
  LimitExceededException,
  ScanNotFoundException,
  StartImageScanCommand,
  UnsupportedImageTypeException,
  ValidationException,
  paginateDescribeImageScanFindings
} from '@aws-sdk/client-ecr'
import { AdaptiveRetryStrategy } from '@smithy/core/retry'
import type { IndexPlatforms, ScanSource } from '../core/ports.js'
import type { ScanningConfiguration } from '../core/scan-status.js'
import { withProxy } from './proxy.js'
import type { ScanPage, StartScanOutcome } from '../core/wait-for-scan.js'
import type { ImageQuery, ImageRef } from '../model/image.js'
import { IMAGE_INDEX_MEDIA_TYPES, platformImages } from '../model/manifest.js'
import { printable } from '../model/text.js'

/** Basic findings allow 1000 a page; Inspector findings come at most 100 a page regardless. */
const PAGE_SIZE = 1000
/** Throttling, 5xx and timeouts are retried here, by the SDK's standard strategy, and nowhere else. */
export const MAX_ATTEMPTS = 6

/** A connection, or an answer (or a silence within one), taking longer is given up and retried. */
export interface RequestTimeouts {
  connectMs: number
  answerMs: number
}

const REQUEST_TIMEOUTS: RequestTimeouts = { connectMs: 5_000, answerMs: 20_000 }

type RetryArguments = Parameters<AdaptiveRetryStrategy['refreshRetryTokenForRetry']>

/**
 * The SDK's adaptive strategy: standard retries, plus a client-side rate limiter that slows every
 * request of the client once ECR throttles, so the images sharing a region's client back off
 * together instead of each retrying on its own. Except that LimitExceededException is not
 * retried: from StartImageScan it means the one manual scan a day is used, which no retry can
 * change, yet the SDK would treat it as throttling and wait through every attempt.
 */
class EcrRetryStrategy extends AdaptiveRetryStrategy {
  override async refreshRetryTokenForRetry(...[token, errorInfo]: RetryArguments) {
    if (errorInfo.error instanceof LimitExceededException) throw errorInfo.error
    return super.refreshRetryTokenForRetry(token, errorInfo)
  }
}

/** A tag that points somewhere else than the digest the user gave. */
export class ImageMismatchError extends Error {
  override name = 'ImageMismatchError'
}

/** ECR answered something that cannot be right; the message says what and what to do. */
export class EcrAnswerError extends Error {
  override name = 'EcrAnswerError'
}

/** The only digest form ECR uses for images: anything else is not a digest we can pin to. */
const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/

function describeQuery(query: ImageQuery): string {
  return `${query.repository}${query.imageTag ? `:${query.imageTag}` : ''}${query.imageDigest ? `@${query.imageDigest}` : ''}`
}

/** How every AWS client of the action connects: timeouts that hold, and the proxy settings. */
export function requestHandlerFor(timeouts: RequestTimeouts = REQUEST_TIMEOUTS) {
  // HTTPS_PROXY / HTTP_PROXY / NO_PROXY, which the SDK itself ignores.
  return withProxy({
    connectionTimeout: timeouts.connectMs,
    requestTimeout: timeouts.answerMs,
    // Without this a late answer is only logged, and the step hangs past its timeout.
    throwOnRequestTimeout: true,
    // requestTimeout ends at the headers; this covers a body that stops arriving.
    socketTimeout: timeouts.answerMs
  })
}

/** The only module that talks to ECR. Endpoint and credentials come from the SDK's default chain. */
export class EcrScans implements ScanSource {
  constructor(
    private readonly client: ECRClient,
    private readonly region: string
  ) {}

  static create(region: string, timeouts = REQUEST_TIMEOUTS): EcrScans {
    return new EcrScans(
      new ECRClient({
        region,
        retryStrategy: new EcrRetryStrategy(MAX_ATTEMPTS),
        // Also what the SDK reports to AWS as the attempt budget (amz-sdk-request).
        maxAttempts: MAX_ATTEMPTS,
        requestHandler: requestHandlerFor(timeouts)
      }),
      region
    )
  }

  /** Pins the image to one digest, so a tag that moves mid-run cannot mix two images. */
  async resolveImage(query: ImageQuery, signal?: AbortSignal): Promise<ImageRef> {
    const imageId = query.imageDigest
      ? { imageDigest: query.imageDigest }
      : { imageTag: query.imageTag }
    const response = await this.client.send(
      new DescribeImagesCommand({
        repositoryName: query.repository,
        registryId: query.registryId,
        imageIds: [imageId]
      }),
      { abortSignal: signal }
    )
    const detail = response.imageDetails?.[0]
    if (!detail) {
      // What ECR answers for a missing image anyway; an empty answer means the same.
      throw new ImageNotFoundException({
        message: `ECR described no image for ${describeQuery(query)}.`,
        $metadata: {}
      })
    }
    const digest = detail.imageDigest
    if (typeof digest !== 'string' || !DIGEST_PATTERN.test(digest)) {
      const shown = typeof digest === 'string' ? `'${printable(digest)}'` : 'none'
      throw new EcrAnswerError(
        `ECR answered an image digest that is not sha256: followed by 64 hex digits (${shown}) for ${describeQuery(query)}. Retry the job; if it persists, report this with the run log.`
      )
    }
    if (query.imageDigest && digest !== query.imageDigest) {
      throw new EcrAnswerError(
        `ECR answered digest ${digest} for ${describeQuery(query)}, not the image-digest given. Check the image-digest input; if it is right, retry the job and report this if it persists.`
      )
    }
    if (query.imageDigest && query.imageTag && !(detail.imageTags ?? []).includes(query.imageTag)) {
      const tags = detail.imageTags?.length ? detail.imageTags.join(', ') : 'none'
      throw new ImageMismatchError(
        `Tag '${query.imageTag}' does not point at ${query.imageDigest} in ${query.repository} (that image's tags: ${tags}). Pass only the digest, or the tag the image was pushed with.`
      )
    }
    return {
      repository: query.repository,
      digest,
      tag: query.imageTag,
      registryId: query.registryId,
      region: this.region,
      manifestMediaType: detail.imageManifestMediaType
    }
  }

  private findingsInput(image: ImageRef) {
    return {
      repositoryName: image.repository,
      registryId: image.registryId,
      imageId: { imageDigest: image.digest },
      maxResults: PAGE_SIZE
    }
  }

  /** The platform images an index lists, each pinned to its digest; attestations are skipped. */
  async platformImages(index: ImageRef, signal?: AbortSignal): Promise<IndexPlatforms> {
    const response = await this.client.send(
      new BatchGetImageCommand({
        repositoryName: index.repository,
        registryId: index.registryId,
        imageIds: [{ imageDigest: index.digest }],
        acceptedMediaTypes: [...IMAGE_INDEX_MEDIA_TYPES]
      }),
      { abortSignal: signal }
    )
    const manifest = response.images?.[0]?.imageManifest
    if (!manifest) {
      const failure = response.failures?.[0]
      throw new ImageNotFoundException({
        message: `ECR returned no manifest for the image index ${index.digest}${failure ? ` (${failure.failureCode}: ${failure.failureReason})` : ''}.`,
        $metadata: {}
      })
    }
    const { images, skipped } = platformImages(manifest)
    return {
      images: images.map(entry => ({
        platform: entry.platform,
        image: { ...index, digest: entry.digest, manifestMediaType: entry.mediaType }
      })),
      skipped
    }
  }

  /** One poll; `undefined` while the scan is not registered yet (ScanNotFoundException). */
  async describeScan(image: ImageRef, signal?: AbortSignal): Promise<ScanPage | undefined> {
    try {
      return toScanPage(
        await this.client.send(new DescribeImageScanFindingsCommand(this.findingsInput(image)), {
          abortSignal: signal
        })
      )
    } catch (error) {
      if (error instanceof ScanNotFoundException) return undefined
      throw error
    }
  }

  /** The pages after `startingToken`, through the SDK's paginator. */
  async *pagesAfter(
    image: ImageRef,
    startingToken: string,
    signal?: AbortSignal
  ): AsyncIterable<ScanPage> {
    const pages = paginateDescribeImageScanFindings(
      { client: this.client, pageSize: PAGE_SIZE, startingToken },
      this.findingsInput(image),
      { abortSignal: signal }
    )
    for await (const response of pages) yield toScanPage(response)
  }

  /**
   * The registry's scanning configuration and the repository's scan-on-push flag, to tell a scan
   * that is late from one that will never come. Throws what ECR throws (AccessDeniedException
   * for a role without ecr:GetRegistryScanningConfiguration or ecr:DescribeRepositories).
   */
  async scanningConfiguration(
    image: ImageRef,
    signal?: AbortSignal
  ): Promise<ScanningConfiguration> {
    const [registry, repositories] = await Promise.all([
      this.client.send(new GetRegistryScanningConfigurationCommand({}), { abortSignal: signal }),
      this.client.send(
        new DescribeRepositoriesCommand({
          registryId: image.registryId,
          repositoryNames: [image.repository]
        }),
        { abortSignal: signal }
      )
    ])
    const configuration = registry.scanningConfiguration
    return {
      registryId: registry.registryId,
      scanType: configuration?.scanType,
      rules: (configuration?.rules ?? []).map(rule => ({
        scanFrequency: rule.scanFrequency,
        filters: (rule.repositoryFilters ?? []).map(entry => ({
          filter: entry.filter,
          filterType: entry.filterType
        }))
      })),
      repositoryScanOnPush:
        repositories.repositories?.[0]?.imageScanningConfiguration?.scanOnPush ?? false
    }
  }

  async startScan(image: ImageRef, signal?: AbortSignal): Promise<StartScanOutcome> {
    try {
      await this.client.send(
        new StartImageScanCommand({
          repositoryName: image.repository,
          registryId: image.registryId,
          imageId: { imageDigest: image.digest }
        }),
        { abortSignal: signal }
      )
      return { kind: 'started' }
    } catch (error) {
      if (error instanceof LimitExceededException) return { kind: 'limit-exceeded' }
      if (error instanceof ValidationException || error instanceof UnsupportedImageTypeException) {
        return { kind: 'not-supported', reason: error.message }
      }
      throw error
    }
  }
}

function toScanPage(response: DescribeImageScanFindingsResponse): ScanPage {
  const results = response.imageScanFindings
  return {
    status: response.imageScanStatus?.status ?? 'UNKNOWN',
    description: response.imageScanStatus?.description,
    completedAt: results?.imageScanCompletedAt,
    vulnerabilitySourceUpdatedAt: results?.vulnerabilitySourceUpdatedAt,
    hasResults: results !== undefined,
    listed: results?.findings !== undefined || results?.enhancedFindings !== undefined,
    findings: results?.findings ?? [],
    enhancedFindings: results?.enhancedFindings ?? [],
    enhanced:
      results?.enhancedFindings !== undefined || response.imageScanStatus?.status === 'ACTIVE',
    severityCounts: results?.findingSeverityCounts,
    nextToken: response.nextToken
  }
}
