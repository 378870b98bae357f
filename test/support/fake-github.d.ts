/** The endpoints the fake answers; each can be made to fail. */
export type FakeGitHubRoute = 'viewer' | 'listComments' | 'createComment' | 'updateComment'

/** A forced answer: the status, with GitHub's usual message for it unless one is given. */
export interface FakeGitHubFailure {
  status: number
  message?: string
}

/** How a stalled route fails to answer; see FakeGitHubScenario.stalls. */
export type FakeGitHubStall = 'before-headers' | 'mid-body'

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
  /**
   * Routes that take the request and never finish answering: `before-headers` sends nothing,
   * `mid-body` sends 200, its headers and the start of a JSON body. Recorded like any request.
   */
  stalls?: Partial<Record<FakeGitHubRoute, FakeGitHubStall>>
  /** Every page of comments links to itself as `next` (`last` stays true), as a broken server might. */
  nextLinkLoop?: boolean
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

/** `count` comments (`comment 0`, `comment 1`, …) by `login` (default alice) on one pull request. */
export function manyComments(
  count: number,
  place: { owner: string; repo: string; issueNumber: number },
  login?: string
): SeedComment[]
