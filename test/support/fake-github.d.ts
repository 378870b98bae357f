/** The endpoints the fake answers; each can be made to fail. */
export type FakeGitHubRoute = 'viewer' | 'listComments' | 'createComment' | 'updateComment'

/** A forced answer: the status, with GitHub's usual message for it unless one is given. */
export interface FakeGitHubFailure {
  status: number
  message?: string
}

/** A comment already on a pull request before the test starts. */
export interface SeedComment {
  owner: string
  repo: string
  issueNumber: number
  login: string
  body: string
}

export interface StoredComment extends SeedComment {
  id: number
  htmlUrl: string
}

export interface FakeGitHubScenario {
  /** The token's account, as GraphQL `viewer { login }` names it; default `github-actions[bot]`. */
  login?: string
  /** Stored in order, with ids from 1001 up. */
  comments?: SeedComment[]
  failures?: Partial<Record<FakeGitHubRoute, FakeGitHubFailure>>
  /** Serve the API as GitHub Enterprise Server does: REST under /api/v3, GraphQL at /api/graphql. */
  enterprise?: boolean
}

export interface RecordedRequest {
  method: string
  /** Path and query string, e.g. `/repos/o/r/issues/1/comments?per_page=100&page=2`. */
  path: string
  /** The parsed JSON body, if any. */
  body: unknown
}

export interface FakeGitHub {
  /** Base URL for octokit: `getOctokit(token, { baseUrl: fake.url })`; ends in /api/v3 for enterprise. */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: RecordedRequest[]
  /** A snapshot of every stored comment, in creation order. */
  readonly comments: StoredComment[]
  close(): Promise<void>
}

export function startFakeGitHub(scenario?: FakeGitHubScenario): Promise<FakeGitHub>
