import type { getOctokit } from '@actions/github'
import { oneLine } from '../model/text.js'
import { COMMENT_BODY_LIMIT, COMMENT_MARKER_BUDGET } from '../report/limits.js'
import type { CommentMode } from '../config/inputs.js'

/** The parts of octokit this module calls; main.ts passes `getOctokit(token)`. */
export type CommentClient = Pick<ReturnType<typeof getOctokit>, 'graphql' | 'paginate' | 'rest'>

export interface CommentLog {
  info(message: string): void
  warning(message: string): void
}

/** Which comment is ours: an image's place, never its digest or tag, so new pushes update it. */
export interface CommentIdentity {
  registryId?: string
  region: string
  repository: string
}

export interface CommentRequest {
  owner: string
  repo: string
  /** From `resolvePullRequestNumber`; undefined skips the comment. */
  pullNumber: number | undefined
  marker: string
  /** The rendered report, without the marker; at most COMMENT_BODY_LIMIT - COMMENT_MARKER_BUDGET. */
  body: string
  mode: CommentMode
  /** The policy failed or the scan could not be judged: what `on-failure` comments on. */
  problemFound: boolean
}

export interface CommentResult {
  action: 'created' | 'updated' | 'skipped' | 'failed'
  /** One line, already logged by `publishComment` (warning when failed, info otherwise). */
  message: string
  url?: string
}

const MARKER_PREFIX = '<!-- ecr-scan-findings comment'

const PERMISSION_HINT =
  'The token needs `permissions: pull-requests: write`; pull requests from forks only get a ' +
  'read-only token, so for them use the two-workflow `workflow_run` pattern in docs/pr-comments.md.'

const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment'
])

// Percent-encoding keeps each value on one line, free of `<`, `>` and `--` (any of which could end
// the HTML comment early or open another), and keeps distinct values distinct.
function escapeMarkerValue(value: string): string {
  return value.replace(/[^\w./:@-]|-(?=-)/gu, character =>
    Array.from(
      new TextEncoder().encode(character),
      byte => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
    ).join('')
  )
}

/**
 * The hidden first line that finds this image's comment again. `key` separates several comments
 * for the same repository (matrix jobs); an ImageRef can be passed as the identity as it is.
 */
export function commentMarker(identity: CommentIdentity, key?: string): string {
  const fields: Array<[string, string | undefined]> = [
    ['registry', identity.registryId],
    ['region', identity.region],
    ['repository', identity.repository],
    ['key', key]
  ]
  const values = fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => ` ${name}=${escapeMarkerValue(value)}`)
  const marker = `${MARKER_PREFIX}${values.join('')} -->`
  if (marker.length >= COMMENT_MARKER_BUDGET) {
    throw new RangeError(
      `comment-key is too long: the hidden comment marker would take ${marker.length} characters (limit ${COMMENT_MARKER_BUDGET - 1}).`
    )
  }
  return marker
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** An explicit number wins; otherwise only pull-request events carry one in their payload. */
export function resolvePullRequestNumber(
  eventName: string,
  payload: unknown,
  explicit?: number
): number | undefined {
  if (explicit !== undefined) return explicit
  if (!PULL_REQUEST_EVENTS.has(eventName) || !isRecord(payload)) return undefined
  const pullRequest = payload['pull_request']
  const number = isRecord(pullRequest) ? pullRequest['number'] : undefined
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined
}

// Exact but case-insensitive, as logins are: GraphQL's viewer and REST both name an app
// `name[bot]`, and a human may own the plain `name` (there is a user `github-actions`).
function sameAccount(login: string, other: string): boolean {
  return login.toLowerCase() === other.toLowerCase()
}

// REST `GET /user` answers 403 for the installation token GITHUB_TOKEN is; GraphQL's viewer
// names the account behind installation tokens and personal tokens alike.
async function tokenLogin(client: CommentClient): Promise<string> {
  const { viewer } = await client.graphql<{ viewer: { login: string } }>(
    'query { viewer { login } }'
  )
  return viewer.login
}

// Only the first line counts, so a marker quoted inside finding text cannot claim the comment.
function startsWithMarker(body: string | undefined, marker: string): boolean {
  return body?.split(/\r?\n/, 1)[0] === marker
}

async function findOwnComment(
  client: CommentClient,
  request: CommentRequest & { pullNumber: number },
  login: string
): Promise<{ id: number } | undefined> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: request.owner,
    repo: request.repo,
    issue_number: request.pullNumber,
    per_page: 100
  })
  for await (const { data: comments } of pages) {
    const ours = comments.find(
      comment =>
        comment.user !== null &&
        sameAccount(comment.user.login, login) &&
        startsWithMarker(comment.body, request.marker)
    )
    if (ours) return ours
  }
  return undefined
}

/** The shape of octokit's RequestError, which also stands for network failures (status 500). */
interface HttpError extends Error {
  status: number
  response?: { data?: unknown }
}

function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && typeof (error as Partial<HttpError>).status === 'number'
}

function gitHubMessage(error: HttpError): string {
  const data = error.response?.data
  if (!isRecord(data) || typeof data['message'] !== 'string') return error.message
  const details = Array.isArray(data['errors'])
    ? data['errors'].flatMap(detail =>
        isRecord(detail) && detail['message'] ? [detail['message']] : []
      )
    : []
  return [data['message'], ...details].join(': ')
}

function hintFor(status: number, message: string): string {
  if (status === 429 || /rate limit/i.test(message))
    return 'GitHub rate-limited the token; rerun the job later.'
  if (status === 403 || status === 404) return PERMISSION_HINT
  if (status === 401) return 'Check the github-token input: GitHub did not accept the token.'
  if (status === 422) return 'GitHub refused the comment; please report this with the run log.'
  if (status >= 500) return 'GitHub failed to answer; rerun the job.'
  return 'Rerun the job; if it keeps failing, check the github-token input and the job permissions.'
}

/** octokit's GraphqlResponseError: HTTP 200, with GitHub's complaints in `errors`. */
interface GraphqlError extends Error {
  errors?: Array<{ type?: string; message?: string }>
}

// GraphQL error types answering to the HTTP statuses hintFor knows.
const GRAPHQL_STATUS = new Map([
  ['FORBIDDEN', 403],
  ['INSUFFICIENT_SCOPES', 403],
  ['NOT_FOUND', 404],
  ['RATE_LIMITED', 429]
])

function describeGraphqlFailure(error: GraphqlError, step: string): string {
  const errors = Array.isArray(error.errors) ? error.errors : []
  const type = errors.find(detail => detail.type)?.type
  // octokit's own message spans several lines; GitHub's messages, joined, keep to one.
  const message =
    oneLine(errors.flatMap(detail => (detail.message ? [detail.message] : [])).join('; ')) ||
    'no message'
  const hint = hintFor(GRAPHQL_STATUS.get(type ?? '') ?? 0, message)
  return `PR comment: could not ${step} (GitHub GraphQL${type ? ` ${type}` : ''}: ${message}). ${hint}`
}

/** Turns an octokit error into one line; anything that is not a GitHub answer is a bug and rethrown. */
function describeFailure(error: unknown, step: string): string {
  if (error instanceof Error && error.name === 'GraphqlResponseError') {
    return describeGraphqlFailure(error, step)
  }
  if (isHttpError(error)) {
    const message = oneLine(gitHubMessage(error))
    return `PR comment: could not ${step} (HTTP ${error.status}: ${message}). ${hintFor(error.status, message)}`
  }
  throw error
}

async function writeComment(
  client: CommentClient,
  request: CommentRequest
): Promise<CommentResult> {
  const { owner, repo, pullNumber, marker, mode } = request
  if (mode === 'never') return { action: 'skipped', message: 'PR comment: off (comment: never).' }
  if (pullNumber === undefined) {
    return {
      action: 'skipped',
      message:
        'PR comment: skipped, this run is not for a pull request (pass pr-number to comment).'
    }
  }
  const body = `${marker}\n${request.body}`
  if (body.length > COMMENT_BODY_LIMIT) {
    return {
      action: 'failed',
      message: `PR comment: not written, the body is ${body.length} characters and GitHub allows ${COMMENT_BODY_LIMIT}; please report this.`
    }
  }
  const place = `${owner}/${repo}#${pullNumber}`
  let step = 'find the token account'
  try {
    const login = await tokenLogin(client)
    step = `list the comments on ${place}`
    const existing = await findOwnComment(client, { ...request, pullNumber }, login)
    if (existing) {
      step = `update the comment on ${place}`
      const { data } = await client.rest.issues.updateComment({
        owner,
        repo,
        comment_id: existing.id,
        body
      })
      return {
        action: 'updated',
        message: `PR comment updated: ${data.html_url}`,
        url: data.html_url
      }
    }
    if (mode === 'on-failure' && !request.problemFound) {
      return {
        action: 'skipped',
        message: 'PR comment: none needed, the scan passed (comment: on-failure).'
      }
    }
    step = `create a comment on ${place}`
    const { data } = await client.rest.issues.createComment({
      owner,
      repo,
      issue_number: pullNumber,
      body
    })
    return {
      action: 'created',
      message: `PR comment created: ${data.html_url}`,
      url: data.html_url
    }
  } catch (error) {
    return { action: 'failed', message: describeFailure(error, step) }
  }
}

/**
 * Creates or updates this image's comment on the pull request. GitHub's refusals (permissions,
 * forks, outages) come back as a `failed` result, never as a throw: the scan verdict stands alone.
 */
export async function publishComment(
  client: CommentClient,
  request: CommentRequest,
  log: CommentLog
): Promise<CommentResult> {
  const result = await writeComment(client, request)
  if (result.action === 'failed') log.warning(result.message)
  else log.info(result.message)
  return result
}
