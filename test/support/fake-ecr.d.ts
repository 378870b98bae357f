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
}

export interface FakeImage {
  repository: string
  /** `sha256:` followed by 64 hex digits. */
  digest: string
  tags?: string[]
  /** Default 2024-08-12T09:30:00Z. */
  pushedAt?: DateLike
  sizeInBytes?: number
  manifestMediaType?: string
  /** Absent: the image was never scanned (ScanNotFoundException until StartImageScan succeeds). */
  scan?: FakeScan
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
}

export interface RecordedRequest {
  /** The operation from X-Amz-Target, e.g. 'DescribeImages'. */
  operation: string
  /** The parsed JSON request body. */
  body: Record<string, unknown>
  /** Request headers, names in lower case. */
  headers: Record<string, string | string[] | undefined>
}

export interface FakeEcr {
  /** `http://127.0.0.1:<port>`: pass as the ECRClient `endpoint`. */
  url: string
  registryId: string
  /** Every request received, in order, including ones answered with an error. */
  requests: RecordedRequest[]
  close(): Promise<void>
}

export function startFakeEcr(scenario: FakeEcrScenario): Promise<FakeEcr>
