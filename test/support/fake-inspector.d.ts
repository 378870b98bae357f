/** A date as a Date or as an ISO string. */
export type DateLike = Date | string

/** One scripted Inspector finding, on one ECR image. */
export interface FakeInspectorFinding {
  /** Default: a stable `arn:aws:inspector2:<region>:<account>:finding/<32 hex>` from the digest and index. */
  arn?: string
  repository: string
  /** `sha256:` followed by 64 hex digits. */
  digest: string
  /** Registry (account) of the image. Default: the scenario's account. */
  registry?: string
  tags?: string[]
  severity?: string
  vulnerabilityId?: string
  packageName?: string
  inspectorScore?: number
  /** `epss.score` in ListFindings and `epssScore` in BatchGetFindingDetails; any value is sent as is. */
  epss?: number
  /** Default 'YES' when `kev` is given, else 'NO'. */
  exploitAvailable?: 'YES' | 'NO'
  /** CISA KEV data, returned only by BatchGetFindingDetails (`cisaData`). */
  kev?: { dateAdded?: DateLike; dateDue?: DateLike; action?: string }
  exploitObserved?: { firstSeen?: DateLike; lastSeen?: DateLike }
  /** BatchGetFindingDetails answers neither a detail nor an error for it (a misbehaving service). */
  detailsUnanswered?: boolean
}

/** An error answered before normal handling, `times` times (Infinity for a permanent one). */
export interface FakeInspectorFault {
  /** 'ListFindings' or 'BatchGetFindingDetails'; absent: either. */
  operation?: string
  times: number
  /** e.g. 'AccessDeniedException' (403), 'ThrottlingException' (429), 'ValidationException' (400). */
  type: string
  status?: number
  message?: string
}

export interface FakeInspectorScenario {
  /** Default '123456789012'. */
  accountId?: string
  /** Used in finding ARNs. Default 'us-east-1'. */
  region?: string
  findings: FakeInspectorFinding[]
  faults?: FakeInspectorFault[]
  /** ListFindings answers every finding whatever filterCriteria says (a misbehaving service). */
  ignoreFilters?: boolean
}

export interface FakeInspectorRequest {
  /** 'ListFindings', 'BatchGetFindingDetails', or the path for an unknown route. */
  operation: string
  body: Record<string, unknown> | undefined
  headers: Record<string, string | string[] | undefined>
}

export interface FakeInspector {
  /** `http://127.0.0.1:<port>`: set as AWS_ENDPOINT_URL_INSPECTOR2. */
  url: string
  accountId: string
  region: string
  /** The ARN of each scripted finding, in scenario order. */
  arns: string[]
  /** Requests received per operation, including those answered with an error. */
  calls: { ListFindings: number; BatchGetFindingDetails: number }
  requests: FakeInspectorRequest[]
  close(): Promise<void>
}

export function inspectorFindingArn(key: string, region?: string, account?: string): string
export function startFakeInspector(scenario: FakeInspectorScenario): Promise<FakeInspector>
