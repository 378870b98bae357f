import type { EnhancedImageScanFinding, ImageScanFinding } from '@aws-sdk/client-ecr'

/** A date as a Date or as an ISO string (so JSON fixtures can be scenarios too). */
export type DateLike = Date | string

export type StartScanBehaviour =
  /** The scan starts: StartImageScan answers IN_PROGRESS and the status script restarts. */
  | 'ok'
  /** LimitExceededException: "The scan quota per image has been exceeded. Wait and try again." */
  | 'limit-exceeded'
  /** ValidationException, as ECR answers when manual basic scans are unavailable (enhanced registry). */
  | 'enhanced'

export interface FakeScan {
  /**
   * Statuses returned by successive DescribeImageScanFindings calls without a nextToken; the last
   * one repeats. Calls with a nextToken keep the status of the page that issued the token.
   * Default: ['COMPLETE'] for basic scans, ['ACTIVE'] for enhanced ones.
   */
  statuses?: string[]
  /**
   * imageScanStatus.description for the last (settled) status. Without it ECR's usual wording is
   * used: "The scan was completed successfully." for COMPLETE, "Continuous scan is selected for
   * image." for ACTIVE, the UnsupportedImageError text for FAILED and UNSUPPORTED_IMAGE.
   */
  description?: string
  /** DescribeImageScanFindings answers ScanNotFoundException this many times before the scan exists. */
  scanNotFoundCalls?: number
  /** The scan never exists (ScanNotFoundException every time) until StartImageScan succeeds. */
  neverExists?: boolean
  /** Default: 'enhanced' when enhancedFindings is given, otherwise 'basic'. */
  type?: 'basic' | 'enhanced'
  /** Returned, paged, for basic scans once the status is COMPLETE, ACTIVE or SCAN_ELIGIBILITY_EXPIRED. */
  findings?: ImageScanFinding[]
  /** Returned, at most 100 a page, for enhanced scans under the same statuses. */
  enhancedFindings?: EnhancedImageScanFinding[]
  /** findingSeverityCounts to report instead of the true counts, to prove callers never trust it. */
  severityCountsOverride?: Record<string, number>
  /** Default: four minutes after the push. */
  completedAt?: DateLike
  /** Default: six hours before the push. */
  vulnerabilitySourceUpdatedAt?: DateLike
  /** Default 'ok'. */
  startScan?: StartScanBehaviour
  /**
   * The first N answers with a settled status (COMPLETE, ACTIVE, SCAN_ELIGIBILITY_EXPIRED) carry
   * only an empty findings list: no imageScanCompletedAt, no findingSeverityCounts, no nextToken.
   * ECR answers so while results are still being written (aws/aws-sdk#289). Default 0.
   */
  noResultsCalls?: number
  /** Then the next N settled answers carry `imageScanFindings: {}`, present but empty. Default 0. */
  emptyObjectCalls?: number
  /**
   * Findings that grow (or change) between polls, as continuous scanning delivers them: read r (the
   * r-th settled first page, counting from 0) serves `findingsByRead[r]`, the last list repeating.
   * Basic or enhanced findings according to `type`. Overrides findings/enhancedFindings; tokens keep
   * the list of the read that issued them, and findingSeverityCounts follow the current read.
   */
  findingsByRead?: (ImageScanFinding[] | EnhancedImageScanFinding[])[]
  /**
   * Page numbers (0 = the first page of a read) answered without the findings/enhancedFindings
   * list at all; the page's findings are skipped and its nextToken still given.
   */
  pagesWithoutList?: number[]
  /**
   * Page numbers (1 or more) answered, when asked with a nextToken, as a bare IN_PROGRESS status
   * with no imageScanFindings and no nextToken: a scan restarted while the caller was paging.
   */
  inProgressPages?: number[]
  /**
   * Every answer carries a nextToken: once the findings run out, the last token is handed back
   * forever with empty pages, as a paginator that never ends.
   */
  repeatNextToken?: boolean
}

/** One platform image of an image index. */
export interface FakePlatformImage {
  /** `os/architecture[/variant]`, e.g. 'linux/amd64' or 'linux/arm64/v8'. */
  platform: string
  /** Default: derived from the index digest and the platform. */
  digest?: string
  /** This platform image's own scan; absent: never scanned, as for a FakeImage. */
  scan?: FakeScan
  /** imageSizeInBytes in DescribeImages. Default as for FakeImage. */
  sizeInBytes?: number
}

export interface FakeImage {
  repository: string
  /** `sha256:` followed by 64 hex digits. */
  digest: string
  tags?: string[]
  /** Default 2024-08-12T09:30:00Z. */
  pushedAt?: DateLike
  sizeInBytes?: number
  /**
   * Default: the Docker v2 manifest type, or for an index (platforms or attestations given) the OCI
   * image index type; 'application/vnd.docker.distribution.manifest.list.v2+json' makes a Docker
   * manifest list whose children are Docker v2 manifests. Without platforms/attestations an index
   * type only labels a plain image (its own scan included).
   */
  manifestMediaType?: string
  /** Absent: the image was never scanned (ScanNotFoundException until StartImageScan succeeds). */
  scan?: FakeScan
  /**
   * Makes this image an index, as docker/build-push-action pushes: its manifest lists one child
   * manifest per platform, each registered as an untagged image of the repository, describable,
   * scannable and with its own scan. The index itself has no scan (`scan` is refused): ECR answers
   * DescribeImageScanFindings on it with ScanNotFoundException and StartImageScan with
   * UnsupportedImageTypeException ("The image is of a type that cannot be scanned.").
   */
  platforms?: FakePlatformImage[]
  /**
   * Adds one buildx attestation manifest per platform to the index (OCI manifest, in-toto layers,
   * platform unknown/unknown, annotations vnd.docker.reference.type: attestation-manifest and
   * vnd.docker.reference.digest: the platform digest); untagged, never scanned, and refused
   * like the index by StartImageScan. Their digests are in the index manifest (BatchGetImage).
   */
  attestations?: boolean
  /**
   * The manifest BatchGetImage returns (a JSON string is returned verbatim). Default: a generated
   * image manifest, or for an index the generated index manifest. Digests are never verified.
   */
  manifest?: string | object
  /**
   * The region this image (and its repository) lives in: only requests whose SigV4 credential
   * scope names that region see it. Absent: the image is in every region. The region is read from
   * the Authorization header, so one fake (one AWS_ENDPOINT_URL_ECR) serves clients of any region.
   */
  region?: string
}

/** A repository for DescribeRepositories; repositories holding images exist without one. */
export interface FakeRepository {
  name: string
  /** imageScanningConfiguration.scanOnPush. Default false. */
  scanOnPush?: boolean
  /** Default 'MUTABLE'. */
  imageTagMutability?: 'MUTABLE' | 'IMMUTABLE'
  /** Default 2023-01-09T08:00:00Z. */
  createdAt?: DateLike
  /** As for FakeImage.region. */
  region?: string
}

/** GetRegistryScanningConfiguration's scanningConfiguration, as ECR returns it. */
export interface FakeScanningConfiguration {
  scanType: 'BASIC' | 'ENHANCED'
  rules: {
    scanFrequency: 'SCAN_ON_PUSH' | 'CONTINUOUS_SCAN' | 'MANUAL'
    repositoryFilters: { filter: string; filterType: 'WILDCARD' }[]
  }[]
}

/**
 * A request accepted and then not answered: never (until the client gives up or close()), or after
 * `delayMs`. Taken in order like faults, `times` times. A request never answered changes no state.
 */
export interface FakeStall {
  /** Absent: any operation. */
  operation?: string
  times: number
  /** Answer after this many milliseconds; absent: never answer (unless `after` is 'headers'). */
  delayMs?: number
  /**
   * 'connect' (default): no byte of the answer is sent. 'headers': the status, headers and half
   * of the body are sent (after delayMs, if given), then the connection hangs.
   */
  after?: 'connect' | 'headers'
}

/**
 * ThrottlingException (HTTP 400, "Rate exceeded") for the first `first` requests of each
 * operation and/or every `every`-th request of it (counting every request, throttled or not).
 */
export interface FakeThrottle {
  /** Absent: every operation. */
  operations?: string[]
  /** Throttle requests 1..first of each operation, as a burst over the API's rate limit. */
  first?: number
  /** Throttle every `every`-th request of each operation, as sustained load near the limit. */
  every?: number
}

/**
 * An error answered before normal handling, `times` times (Infinity for a permanent one), e.g. two
 * ThrottlingException then success, or a permanent UnrecognizedClientException.
 */
export interface FakeFault {
  /** Operation name such as 'DescribeImageScanFindings'; absent: any operation. */
  operation?: string
  times: number
  /** The exception name, e.g. 'ThrottlingException', 'AccessDeniedException', 'ServerException'. */
  type: string
  /** Default: AWS's status for the type (403 for auth errors, 500 for ServerException, else 400). */
  status?: number
  /** Default: AWS-like wording for the type. */
  message?: string
}

export interface FakeEcrScenario {
  /** Default '123456789012'. */
  registryId?: string
  images: FakeImage[]
  /** Checked in order; the first with calls left that matches the operation fires. */
  faults?: FakeFault[]
  /** Repositories beyond those implied by images, or to set their scanning configuration. */
  repositories?: FakeRepository[]
  /** Default { scanType: 'BASIC', rules: [] }. */
  scanningConfiguration?: FakeScanningConfiguration
  /**
   * Operations answered with AccessDeniedException (HTTP 403, IAM's "is not authorized to
   * perform: ecr:<operation>" wording), e.g. ['GetRegistryScanningConfiguration'].
   */
  denied?: string[]
  /** ThrottlingException for scripted requests; checked after `denied`, before `faults`. */
  throttle?: FakeThrottle
  /** Requests answered late or never, taken in order; checked before everything else. */
  stalls?: FakeStall[]
  /**
   * The BatchGetImage failure for an image whose media type is not in acceptedMediaTypes. Default
   * { failureCode: 'UnsupportedImageType' } with a reason naming the media type. ECR's ImageFailure
   * documentation does not list that code, so tests can script another one.
   */
  unacceptedMediaTypeFailure?: { failureCode: string; failureReason?: string }
}

export interface RecordedRequest {
  /** The operation from X-Amz-Target, e.g. 'DescribeImages'. */
  operation: string
  /** The parsed JSON request body. */
  body: Record<string, unknown>
  /** Request headers, names in lower case. */
  headers: Record<string, string | string[] | undefined>
  /** The region of the SigV4 credential scope; undefined for an unsigned request. */
  region?: string
}

/** One line of the call log. */
export interface FakeCall {
  operation: string
  /**
   * The digest the request resolved to (a tag lookup included; the first, when it names several),
   * or the one it asked for.
   */
  imageDigest?: string
  /**
   * What that digest is: a scannable image, an image index or a buildx attestation manifest;
   * undefined when no image was found. Lets a test assert no scan call ever hit an index.
   */
  imageKind?: 'image' | 'index' | 'attestation'
  region?: string
  /** Date.now() when the request arrived. */
  at: number
  /** The HTTP status answered; undefined while (or if never) answered. */
  status?: number
  /** The exception name of an error answer. */
  errorType?: string
}

export interface FakeEcr {
  /** `http://127.0.0.1:<port>`: pass as the ECRClient `endpoint`. */
  url: string
  registryId: string
  /** Every request received, in order, including ones answered with an error. */
  requests: RecordedRequest[]
  /** Every request received, in order: operation, image digest, region, time and answer status. */
  calls: FakeCall[]
  /** Requests received per operation, throttled and stalled ones included. */
  counts: Record<string, number>
  close(): Promise<void>
}

export function startFakeEcr(scenario: FakeEcrScenario): Promise<FakeEcr>
