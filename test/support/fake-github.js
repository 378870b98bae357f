// A local stand-in for the slices of GitHub's REST and GraphQL APIs the PR comment uses, served
// over real HTTP so real octokit (pagination, errors, auth header) runs against it unchanged.
import { createServer } from 'node:http'

const COMMENT_BODY_LIMIT = 65536
const DEFAULT_PER_PAGE = 30
const MAX_PER_PAGE = 100
const FIRST_COMMENT_ID = 1001
// A fake clock keeps responses deterministic: every write happens one minute after the last.
const EPOCH = Date.UTC(2024, 0, 1)

const STANDARD_MESSAGES = {
  400: 'Problems parsing JSON',
  401: 'Bad credentials',
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  500: 'Server Error',
  502: 'Server Error'
}

const DOCUMENTATION = {
  viewer: 'https://docs.github.com/graphql',
  listComments: 'https://docs.github.com/rest/issues/comments#list-issue-comments',
  createComment: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  updateComment: 'https://docs.github.com/rest/issues/comments#update-an-issue-comment',
  unknown: 'https://docs.github.com/rest'
}

const ISSUE_COMMENTS_PATH = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/
const COMMENT_PATH = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/

/** @param {import('node:http').ServerResponse} response */
function sendJson(response, status, data, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  response.end(JSON.stringify(data))
}

function sendError(response, status, route, message, errors) {
  const data = {
    message: message ?? STANDARD_MESSAGES[status] ?? 'Error',
    documentation_url: DOCUMENTATION[route],
    status: String(status)
  }
  sendJson(response, status, errors ? { ...data, errors } : data)
}

/** @param {import('node:http').IncomingMessage} request */
async function readBody(request) {
  const chunks = []
  for await (const chunk of request) chunks.push(chunk)
  const text = Buffer.concat(chunks).toString('utf8')
  return text === '' ? undefined : JSON.parse(text)
}

function positiveInteger(text, fallback) {
  const number = Number.parseInt(text ?? '', 10)
  return Number.isInteger(number) && number > 0 ? number : fallback
}

/**
 * GitHub's Link header: first/prev on later pages, next/last on earlier ones. With `loop`, every
 * page's next link leads back to the page itself, as a broken server's might.
 */
function linkHeader(pageUrl, page, lastPage, loop) {
  const link = (target, rel) => `<${pageUrl(target)}>; rel="${rel}"`
  const links = []
  if (page > 1) links.push(link(page - 1, 'prev'))
  if (loop) links.push(link(page, 'next'), link(lastPage, 'last'))
  else if (page < lastPage) links.push(link(page + 1, 'next'), link(lastPage, 'last'))
  if (page > 1) links.push(link(1, 'first'))
  return links.join(', ')
}

function validationErrors(body) {
  if (typeof body?.body !== 'string' || body.body === '') {
    return [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]
  }
  if (body.body.length > COMMENT_BODY_LIMIT) {
    const message = `Body is too long (maximum is ${COMMENT_BODY_LIMIT} characters)`
    return [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message }]
  }
  return undefined
}

/**
 * `count` comments by `login` (default alice) on one pull request: a long thread to seed.
 * @param {number} count
 * @param {{ owner: string, repo: string, issueNumber: number }} place
 * @returns {import('./fake-github.js').SeedComment[]}
 */
export function manyComments(count, place, login = 'alice') {
  return Array.from({ length: count }, (_, index) => ({
    ...place,
    login,
    body: `comment ${index}`
  }))
}

/**
 * @param {import('./fake-github.js').FakeGitHubScenario} [scenario]
 * @returns {Promise<import('./fake-github.js').FakeGitHub>}
 */
export async function startFakeGitHub(scenario = {}) {
  const login = scenario.login ?? 'github-actions[bot]'
  const failures = scenario.failures ?? {}
  const stalls = scenario.stalls ?? {}
  // GitHub Enterprise Server serves REST under /api/v3 and GraphQL at /api/graphql.
  const restPrefix = scenario.enterprise ? '/api/v3' : ''
  const graphqlPath = scenario.enterprise ? '/api/graphql' : '/graphql'
  /** @type {import('./fake-github.js').RecordedRequest[]} */
  const requests = []
  /** @type {import('./fake-github.js').StoredComment[]} */
  const comments = []
  let nextId = FIRST_COMMENT_ID
  let minutesSinceEpoch = 0
  let url = ''

  function tick() {
    minutesSinceEpoch += 1
    return new Date(EPOCH + minutesSinceEpoch * 60000).toISOString()
  }

  function store(owner, repo, issueNumber, author, body) {
    const id = nextId++
    const htmlUrl = `${url}/${owner}/${repo}/pull/${issueNumber}#issuecomment-${id}`
    const createdAt = tick()
    const comment = {
      id,
      owner,
      repo,
      issueNumber,
      login: author,
      body,
      htmlUrl,
      createdAt,
      updatedAt: createdAt
    }
    comments.push(comment)
    return comment
  }

  function restComment(comment) {
    const { id, owner, repo, issueNumber } = comment
    return {
      id,
      node_id: `IC_fake${id}`,
      url: `${url}/repos/${owner}/${repo}/issues/comments/${id}`,
      html_url: comment.htmlUrl,
      issue_url: `${url}/repos/${owner}/${repo}/issues/${issueNumber}`,
      body: comment.body,
      user: {
        login: comment.login,
        id: 10000 + comment.login.length,
        type: comment.login.endsWith('[bot]') ? 'Bot' : 'User'
      },
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.login.endsWith('[bot]') ? 'NONE' : 'MEMBER'
    }
  }

  function listComments(response, requestUrl, owner, repo, issueNumber) {
    const perPage = Math.min(
      positiveInteger(requestUrl.searchParams.get('per_page'), DEFAULT_PER_PAGE),
      MAX_PER_PAGE
    )
    const page = positiveInteger(requestUrl.searchParams.get('page'), 1)
    const onIssue = comments.filter(
      comment =>
        comment.owner === owner && comment.repo === repo && comment.issueNumber === issueNumber
    )
    const lastPage = Math.max(1, Math.ceil(onIssue.length / perPage))
    const pageUrl = target => `${url}${requestUrl.pathname}?per_page=${perPage}&page=${target}`
    const link = linkHeader(pageUrl, page, lastPage, scenario.nextLinkLoop === true)
    const pageComments = onIssue.slice((page - 1) * perPage, page * perPage).map(restComment)
    sendJson(response, 200, pageComments, link ? { link } : {})
  }

  function route(method, fullPath) {
    if (method === 'POST' && fullPath === graphqlPath) return { name: 'viewer' }
    if (!fullPath.startsWith(`${restPrefix}/`)) return { name: 'unknown' }
    const pathname = fullPath.slice(restPrefix.length)
    const onIssue = ISSUE_COMMENTS_PATH.exec(pathname)
    if (onIssue && (method === 'GET' || method === 'POST')) {
      const [, owner, repo, issueNumber] = onIssue
      const name = method === 'GET' ? 'listComments' : 'createComment'
      return { name, owner, repo, issueNumber: Number(issueNumber) }
    }
    const single = COMMENT_PATH.exec(pathname)
    if (single && method === 'PATCH') {
      const [, owner, repo, id] = single
      return { name: 'updateComment', owner, repo, id: Number(id) }
    }
    return { name: 'unknown' }
  }

  async function handle(request, response) {
    const requestUrl = new URL(request.url ?? '/', url)
    const method = request.method ?? 'GET'
    let body
    try {
      body = await readBody(request)
    } catch {
      requests.push({ method, path: `${requestUrl.pathname}${requestUrl.search}`, body: undefined })
      return sendError(response, 400, 'unknown')
    }
    requests.push({ method, path: `${requestUrl.pathname}${requestUrl.search}`, body })
    const target = route(method, requestUrl.pathname)
    if (!request.headers.authorization)
      return sendError(response, 401, target.name, 'Requires authentication')
    const stall = stalls[target.name]
    if (stall === 'before-headers') return undefined
    if (stall === 'mid-body') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      response.write(target.name === 'viewer' ? '{"data":{"viewer":' : '[{"id":')
      return undefined
    }
    const failure = failures[target.name]
    if (failure) return sendError(response, failure.status, target.name, failure.message)

    switch (target.name) {
      case 'viewer':
        if (/\bviewer\s*\{\s*login\s*\}/.test(body?.query ?? '')) {
          return sendJson(response, 200, { data: { viewer: { login } } })
        }
        return sendJson(response, 200, {
          data: null,
          errors: [{ type: 'FAKE', message: 'The fake GitHub only answers viewer { login }' }]
        })
      case 'listComments':
        return listComments(response, requestUrl, target.owner, target.repo, target.issueNumber)
      case 'createComment': {
        const errors = validationErrors(body)
        if (errors) return sendError(response, 422, target.name, undefined, errors)
        const comment = store(target.owner, target.repo, target.issueNumber, login, body.body)
        return sendJson(response, 201, restComment(comment), { location: restComment(comment).url })
      }
      case 'updateComment': {
        const comment = comments.find(
          stored =>
            stored.id === target.id && stored.owner === target.owner && stored.repo === target.repo
        )
        if (!comment) return sendError(response, 404, target.name)
        const errors = validationErrors(body)
        if (errors) return sendError(response, 422, target.name, undefined, errors)
        comment.body = body.body
        comment.updatedAt = tick()
        return sendJson(response, 200, restComment(comment))
      }
      default:
        return sendError(response, 404, 'unknown')
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(error => sendError(response, 500, 'unknown', String(error)))
  })
  await new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  if (address === null || typeof address === 'string')
    throw new Error('fake GitHub has no TCP port')
  url = `http://127.0.0.1:${address.port}${restPrefix}`

  for (const seed of scenario.comments ?? []) {
    store(seed.owner, seed.repo, seed.issueNumber, seed.login, seed.body)
  }

  return {
    url,
    requests,
    get comments() {
      return comments.map(({ id, owner, repo, issueNumber, login: author, body, htmlUrl }) => ({
        id,
        owner,
        repo,
        issueNumber,
        login: author,
        body,
        htmlUrl
      }))
    },
    close() {
      // octokit's fetch keeps connections alive, and stalled answers never end: close them all
      // so jest can exit.
      server.closeAllConnections()
      return new Promise((resolve, reject) =>
        server.close(error => (error ? reject(error) : resolve()))
      )
    }
  }
}
