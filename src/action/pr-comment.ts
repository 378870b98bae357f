import type { getOctokit } from '@actions/github'
import { oneLine } from '../model/text.js'
import { COMMENT_BODY_LIMIT, COMMENT_MARKER_BUDGET } from '../report/limits.js'
import type { CommentMode } from '../config/inputs.js'

/** The parts of octokit this module calls; main.ts passes `getOctokit(token)`. */
export type CommentClient = Pick<ReturnType<typeof getOctokit>, 'graphql' | 'rest'>

/**
 * One request may take this long. GitHub answers these small requests in well under a second;
 * 15 s leaves a slow answer room, while a GitHub that never answers costs at most this much.
 */
export const COMMENT_REQUEST_TIMEOUT_MS = 15_000

/** The whole comment (login, the pages of comments, the write) may take this long. */
export const COMMENT_TOTAL_TIMEOUT_MS = 60_000

/**
 * Pages of 100 comments read at most while looking for this image's comment: 3,000 comments,
 * more than even very long review threads reach, so nearly every thread is read whole, at the
 * cost of at most 30 of the 1,000 requests an hour GITHUB_TOKEN gets and a few seconds. REST has
 * no newest-first order for issue comments, so a longer thread is searched at both ends: the
 * first page, where a comment made on the PR's first run sits, and the newest pages, where a
 * comment made after such a partial search lands; so at most one extra comment ever appears.
 */
export const COMMENT_MAX_PAGES = 30

const PER_PAGE = 100

/** Limits for `publishComment`; tests pass small ones. */
export interface CommentOptions {
  /** Default COMMENT_REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number
  /** Default COMMENT_TOTAL_TIMEOUT_MS. */
  totalTimeoutMs?: number
  /** Default COMMENT_MAX_PAGES; at least 2. */
  maxPages?: number
}

export interface CommentLog {
  info(message: string): void
  warning(message: string): void
}

/** Which comment is ours: an image's place, never its digest or tag, so new pushes update it. */
export interface ImagePlace {
  registryId?: string
  region: string
  repository: string
}

/** One image's place, or several images named by a hash of them, which keeps the marker short. */
export type CommentIdentity = ImagePlace | { images: string }

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
  /**
   * Something to look at although the comment was written or skipped, e.g. a search that could
   * not read every page; logged as a warning before `message`.
   */
  warning?: string
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
 * Only a key can make it too long: a place or a hash stays far below the budget.
 */
export function commentMarker(identity: CommentIdentity, key?: string): string {
  type Field = [name: string, value: string | undefined]
  const place: Field[] =
    'images' in identity
      ? [['images', identity.images]]
      : [
          ['registry', identity.registryId],
          ['region', identity.region],
          ['repository', identity.repository]
        ]
  const fields: Field[] = [...place, ['key', key]]
  const values = fields
    .filter((field): field is [string, string] => Boolean(field[1]))
    .map(([name, value]) => ` ${name}=${escapeMarkerValue(value)}`)
  const marker = `${MARKER_PREFIX}${values.join('')} -->`
  if (marker.length >= COMMENT_MARKER_BUDGET) {
    const size = `the hidden comment marker would take ${marker.length} characters (limit ${COMMENT_MARKER_BUDGET - 1})`
    throw new RangeError(
      key
        ? `comment-key is too long: ${size}.`
        : `The image's place is too long for the PR comment: ${size}; please report this.`
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
async function tokenLogin(client: CommentClient, budget: Budget): Promise<string> {
  const answer = await budget.call(signal =>
    client.graphql<{ viewer?: { login?: unknown } }>('query { viewer { login } }', {
      request: { signal }
    })
  )
  const login = answer?.viewer?.login
  if (typeof login !== 'string') throw new GitHubAnswerError('GitHub GraphQL sent no viewer login')
  return login
}

// Only the first line counts, so a marker quoted inside finding text cannot claim the comment.
function startsWithMarker(body: string | undefined, marker: string): boolean {
  return body?.split(/\r?\n/, 1)[0] === marker
}

/** What the search found, and why it may have missed an older comment. */
interface Search {
  found?: { id: number }
  gap?: string
}

type PageLink = number | 'unreadable' | undefined

// GitHub pages issue comments by number: `<…&page=3>; rel="next", <…&page=9>; rel="last"`.
function linkedPage(link: string | undefined, rel: 'next' | 'last'): PageLink {
  for (const part of (link ?? '').split(',')) {
    const match = /<([^<>]*)>\s*;\s*rel="([^"]*)"/.exec(part)
    if (!match?.[1] || !match[2]?.split(/\s+/).includes(rel)) continue
    const page = URL.canParse(match[1])
      ? Number(new URL(match[1]).searchParams.get('page'))
      : Number.NaN
    return Number.isSafeInteger(page) && page > 0 ? page : 'unreadable'
  }
  return undefined
}

async function findOwnComment(
  client: CommentClient,
  request: CommentRequest & { pullNumber: number },
  login: string,
  budget: Budget
): Promise<Search> {
  const place = `${request.owner}/${request.repo}#${request.pullNumber}`
  const readPage = async (page: number) => {
    const response = await budget.call(signal =>
      client.rest.issues.listComments({
        owner: request.owner,
        repo: request.repo,
        issue_number: request.pullNumber,
        per_page: PER_PAGE,
        ...(page > 1 ? { page } : {}),
        request: { signal }
      })
    )
    if (!Array.isArray(response.data)) {
      throw new GitHubAnswerError(`GitHub sent page ${page} of the comments as something else`)
    }
    const found = response.data.find(
      comment =>
        comment.user !== null &&
        sameAccount(comment.user.login, login) &&
        startsWithMarker(comment.body, request.marker)
    )
    return { found: found && { id: found.id }, link: response.headers.link }
  }

  let page = 1
  let answer = await readPage(page)
  if (answer.found) return { found: answer.found }

  const last = linkedPage(answer.link, 'last')
  if (typeof last === 'number' && last > budget.maxPages) {
    const oldest = last - budget.maxPages + 2
    for (page = last; page >= oldest; page--) {
      answer = await readPage(page)
      if (answer.found) return { found: answer.found }
    }
    return {
      gap:
        `PR comment: ${place} has more than ${(last - 1) * PER_PAGE} comments; only the first ` +
        `${PER_PAGE} and the newest ${(budget.maxPages - 1) * PER_PAGE} were searched, so an ` +
        'earlier report of this image in between, if any, was left as it is.'
    }
  }

  // Page numbers from GitHub's links, never its URLs: the token only goes where octokit sends it.
  const read = new Set([page])
  for (;;) {
    const next = linkedPage(answer.link, 'next')
    if (next === undefined) return {}
    if (next === 'unreadable') {
      throw new GitHubAnswerError(`GitHub's link to the page after page ${page} has no page number`)
    }
    if (read.has(next)) {
      throw new GitHubAnswerError(
        `GitHub's link to the page after page ${page} leads back to page ${next}`
      )
    }
    if (read.size >= budget.maxPages) {
      return {
        gap:
          `PR comment: stopped looking for this image's report on ${place} after ` +
          `${read.size * PER_PAGE} comments; if it is further down, it was left as it is.`
      }
    }
    page = next
    read.add(page)
    answer = await readPage(page)
    if (answer.found) return { found: answer.found }
  }
}

/** GitHub answered with something this module cannot use; not a bug here, so not rethrown. */
class GitHubAnswerError extends Error {
  override readonly name = 'GitHubAnswerError'
}

/** A request, or the comment as a whole, ran out of time. */
class GitHubTimeoutError extends Error {
  override readonly name = 'GitHubTimeoutError'
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`
}

/**
 * The time limits of one comment. Each request gets its own signal, aborted after the request
 * timeout or when the whole comment's time is up; a request that answered anyway after its
 * signal fired (octokit reads an aborted body as empty) still counts as timed out.
 */
class Budget {
  readonly maxPages: number
  private readonly requestTimeoutMs: number
  private readonly totalTimeoutMs: number
  private readonly total = new AbortController()
  private readonly totalTimer: ReturnType<typeof setTimeout>

  constructor(options: CommentOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? COMMENT_REQUEST_TIMEOUT_MS
    this.totalTimeoutMs = options.totalTimeoutMs ?? COMMENT_TOTAL_TIMEOUT_MS
    this.maxPages = Math.max(2, options.maxPages ?? COMMENT_MAX_PAGES)
    this.totalTimer = setTimeout(() => this.total.abort(), this.totalTimeoutMs)
  }

  private timeout(): GitHubTimeoutError {
    return new GitHubTimeoutError(
      this.total.signal.aborted
        ? `GitHub took longer than the ${duration(this.totalTimeoutMs)} the PR comment may take`
        : `GitHub did not answer within ${duration(this.requestTimeoutMs)}`
    )
  }

  async call<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.total.signal.aborted) throw this.timeout()
    const controller = new AbortController()
    const abort = () => controller.abort()
    const timer = setTimeout(abort, this.requestTimeoutMs)
    this.total.signal.addEventListener('abort', abort, { once: true })
    try {
      const result = await run(controller.signal)
      if (controller.signal.aborted) throw this.timeout()
      return result
    } catch (error) {
      if (controller.signal.aborted) throw this.timeout()
      throw error
    } finally {
      clearTimeout(timer)
      this.total.signal.removeEventListener('abort', abort)
    }
  }

  end(): void {
    clearTimeout(this.totalTimer)
  }
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
  if (error instanceof GitHubTimeoutError) {
    return `PR comment: could not ${step} (${error.message}). GitHub is slow or down; rerun the job to update the comment.`
  }
  if (error instanceof GitHubAnswerError) {
    return `PR comment: could not ${step} (${error.message}). Nothing was written; rerun the job.`
  }
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
  request: CommentRequest,
  budget: Budget
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
  let warning: string | undefined
  try {
    const login = await tokenLogin(client, budget)
    step = `list the comments on ${place}`
    const search = await findOwnComment(client, { ...request, pullNumber }, login, budget)
    warning = search.gap
    if (search.found) {
      const commentId = search.found.id
      step = `update the comment on ${place}`
      const { data } = await budget.call(signal =>
        client.rest.issues.updateComment({
          owner,
          repo,
          comment_id: commentId,
          body,
          request: { signal }
        })
      )
      return {
        action: 'updated',
        message: `PR comment updated: ${data.html_url}`,
        url: data.html_url
      }
    }
    if (mode === 'on-failure' && !request.problemFound) {
      return {
        action: 'skipped',
        message: 'PR comment: none needed, the scan passed (comment: on-failure).',
        ...(warning && { warning })
      }
    }
    step = `create a comment on ${place}`
    const { data } = await budget.call(signal =>
      client.rest.issues.createComment({
        owner,
        repo,
        issue_number: pullNumber,
        body,
        request: { signal }
      })
    )
    return {
      action: 'created',
      message: `PR comment created: ${data.html_url}`,
      url: data.html_url,
      ...(warning && { warning })
    }
  } catch (error) {
    return { action: 'failed', message: describeFailure(error, step), ...(warning && { warning }) }
  }
}

/**
 * Creates or updates this image's comment on the pull request. GitHub's refusals (permissions,
 * forks, outages, no answer in time) come back as a `failed` result, never as a throw: the scan
 * verdict stands alone. Each request is limited by `options.requestTimeoutMs`, all of them
 * together by `options.totalTimeoutMs`, the search for the comment by `options.maxPages`.
 */
export async function publishComment(
  client: CommentClient,
  request: CommentRequest,
  log: CommentLog,
  options: CommentOptions = {}
): Promise<CommentResult> {
  const budget = new Budget(options)
  let result: CommentResult
  try {
    result = await writeComment(client, request, budget)
  } finally {
    budget.end()
  }
  if (result.warning) log.warning(result.warning)
  if (result.action === 'failed') log.warning(result.message)
  else log.info(result.message)
  return result
}
