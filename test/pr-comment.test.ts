import { getOctokit } from '@actions/github'
import { afterEach, describe, expect, it } from '@jest/globals'
import { COMMENT_BODY_LIMIT, COMMENT_MARKER_BUDGET } from '../src/report/limits.js'
import {
  COMMENT_MAX_PAGES,
  type CommentRequest,
  commentMarker,
  publishComment,
  resolvePullRequestNumber
} from '../src/action/pr-comment.js'
import {
  type FakeGitHub,
  type FakeGitHubScenario,
  type SeedComment,
  manyComments,
  startFakeGitHub
} from './support/fake-github.js'

const OWNER = 'octo-org'
const REPO = 'service'
const PULL_NUMBER = 7
const WEB_IMAGE = { registryId: '123456789012', region: 'eu-west-1', repository: 'team/web' }
const WEB_MARKER = commentMarker(WEB_IMAGE)

let fake: FakeGitHub | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function startGitHub(scenario?: FakeGitHubScenario) {
  fake = await startFakeGitHub(scenario)
  return { github: fake, client: getOctokit('fake-token', { baseUrl: fake.url }) }
}

function recordingLog() {
  const lines = { info: [] as string[], warning: [] as string[] }
  return {
    lines,
    log: {
      info: (message: string) => lines.info.push(message),
      warning: (message: string) => lines.warning.push(message)
    }
  }
}

function commentRequest(overrides: Partial<CommentRequest> = {}): CommentRequest {
  return {
    owner: OWNER,
    repo: REPO,
    pullNumber: PULL_NUMBER,
    marker: WEB_MARKER,
    body: '## Scan of team/web\n3 findings',
    mode: 'always',
    problemFound: true,
    ...overrides
  }
}

function seed(login: string, body: string): SeedComment {
  return { owner: OWNER, repo: REPO, issueNumber: PULL_NUMBER, login, body }
}

function writes(github: FakeGitHub) {
  return github.requests
    .filter(request => request.method === 'POST' || request.method === 'PATCH')
    .filter(request => request.path !== '/graphql')
}

describe('commentMarker', () => {
  it('names registry, region, repository and key but never the digest or tag', () => {
    const image = { ...WEB_IMAGE, digest: 'sha256:abc123', tag: 'v1.2.3' }

    const marker = commentMarker(image, 'arm64')

    expect(marker).toBe(
      '<!-- ecr-scan-findings comment registry=123456789012 region=eu-west-1 repository=team/web key=arm64 -->'
    )
  })

  it('leaves out the registry when none is given', () => {
    expect(commentMarker({ region: 'us-east-1', repository: 'app' })).toBe(
      '<!-- ecr-scan-findings comment region=us-east-1 repository=app -->'
    )
  })

  it('escapes what could end the HTML comment early, keeping one marker per key', () => {
    const marker = commentMarker(WEB_IMAGE, 'x --> <!-- evil\n')

    expect(marker.indexOf('-->')).toBe(marker.length - 3)
    expect(marker.slice(4, -3)).not.toMatch(/--|[<>\n]/)
    expect(commentMarker(WEB_IMAGE, 'a b')).not.toBe(commentMarker(WEB_IMAGE, 'a%20b'))
    expect(commentMarker(WEB_IMAGE, 'x')).not.toBe(commentMarker(WEB_IMAGE))
  })

  it('rejects a key that would push the marker past its budget', () => {
    expect(() => commentMarker(WEB_IMAGE, 'é'.repeat(COMMENT_MARKER_BUDGET))).toThrow(
      /comment-key is too long/
    )
    expect(commentMarker(WEB_IMAGE, 'k'.repeat(200)).length).toBeLessThan(COMMENT_MARKER_BUDGET)
  })

  it('names a set of images by its hash', () => {
    const hash = 'ab'.repeat(32)

    expect(commentMarker({ images: hash }, 'arm64')).toBe(
      `<!-- ecr-scan-findings comment images=${hash} key=arm64 -->`
    )
  })

  it('does not blame comment-key for a marker too long without one', () => {
    const place = { region: 'us-east-1', repository: 'x'.repeat(COMMENT_MARKER_BUDGET) }

    expect(() => commentMarker(place)).toThrow(/marker would take/)
    expect(() => commentMarker(place)).not.toThrow(/comment-key/)
  })
})

describe('resolvePullRequestNumber', () => {
  it('reads the number from pull_request and pull_request_target payloads', () => {
    const payload = { pull_request: { number: 42 } }

    expect(resolvePullRequestNumber('pull_request', payload)).toBe(42)
    expect(resolvePullRequestNumber('pull_request_target', payload)).toBe(42)
  })

  it('takes the explicit pr-number on workflow_run', () => {
    expect(resolvePullRequestNumber('workflow_run', { workflow_run: {} }, 17)).toBe(17)
  })

  it('has no number for a push without pr-number', () => {
    expect(resolvePullRequestNumber('push', { ref: 'refs/heads/main' })).toBeUndefined()
  })

  it('ignores a pull_request field on events that are not about pull requests', () => {
    expect(resolvePullRequestNumber('push', { pull_request: { number: 3 } })).toBeUndefined()
  })
})

describe('publishComment', () => {
  it('creates the comment on the first run, marker on its first line', async () => {
    const { github, client } = await startGitHub()
    const { log, lines } = recordingLog()

    const result = await publishComment(client, commentRequest(), log)

    expect(github.comments).toHaveLength(1)
    const [comment] = github.comments
    expect(comment?.body).toBe(`${WEB_MARKER}\n## Scan of team/web\n3 findings`)
    expect(comment?.login).toBe('github-actions[bot]')
    expect(result).toEqual({
      action: 'created',
      message: `PR comment created: ${comment?.htmlUrl}`,
      url: comment?.htmlUrl
    })
    expect(lines.info).toEqual([result.message])
  })

  it('updates the same comment on the next run', async () => {
    const { github, client } = await startGitHub()
    const { log } = recordingLog()
    await publishComment(client, commentRequest(), log)

    const result = await publishComment(client, commentRequest({ body: 'now 0 findings' }), log)

    expect(result.action).toBe('updated')
    expect(github.comments.map(comment => comment.body)).toEqual([`${WEB_MARKER}\nnow 0 findings`])
    expect(github.requests.filter(request => request.method === 'PATCH')).toHaveLength(1)
  })

  it('keeps a separate comment for another repository or another key', async () => {
    const { github, client } = await startGitHub()
    const { log } = recordingLog()
    const apiMarker = commentMarker({ ...WEB_IMAGE, repository: 'team/api' })
    const armMarker = commentMarker(WEB_IMAGE, 'arm64')

    await publishComment(client, commentRequest({ body: 'web' }), log)
    await publishComment(client, commentRequest({ marker: apiMarker, body: 'api' }), log)
    await publishComment(client, commentRequest({ marker: armMarker, body: 'web arm64' }), log)
    await publishComment(client, commentRequest({ body: 'web again' }), log)

    expect(github.comments.map(comment => comment.body)).toEqual([
      `${WEB_MARKER}\nweb again`,
      `${apiMarker}\napi`,
      `${armMarker}\nweb arm64`
    ])
  })

  it("leaves someone else's comment alone even when it carries our marker", async () => {
    const copied = `${WEB_MARKER}\nI pasted the bot's comment`
    const { github, client } = await startGitHub({ comments: [seed('mallory', copied)] })

    const result = await publishComment(client, commentRequest(), recordingLog().log)

    expect(result.action).toBe('created')
    expect(github.comments[0]).toMatchObject({ login: 'mallory', body: copied })
    expect(github.comments).toHaveLength(2)
  })

  it('does not take over a comment that only quotes the marker in its text', async () => {
    const apiMarker = commentMarker({ ...WEB_IMAGE, repository: 'team/api' })
    const apiReport = `${apiMarker}\nfinding text quoting ${WEB_MARKER}`
    const { github, client } = await startGitHub({
      comments: [seed('github-actions[bot]', apiReport)]
    })

    const result = await publishComment(client, commentRequest(), recordingLog().log)

    expect(result.action).toBe('created')
    expect(github.comments[0]?.body).toBe(apiReport)
  })

  // A human may hold the plain login of an app (`github-actions` is a real user), so stripping
  // `[bot]` would let them plant a marked comment that we then edit, or that hides ours.
  it('leaves a marked comment by the human namesake of the bot alone', async () => {
    const planted = `${WEB_MARKER}\nplanted by a user, not the app`
    const { github, client } = await startGitHub({ comments: [seed('github-actions', planted)] })

    const result = await publishComment(client, commentRequest({ body: 'new' }), recordingLog().log)

    expect(result.action).toBe('created')
    expect(github.comments.map(comment => [comment.login, comment.body])).toEqual([
      ['github-actions', planted],
      ['github-actions[bot]', `${WEB_MARKER}\nnew`]
    ])
  })

  it('matches its own login whatever the case', async () => {
    const { github, client } = await startGitHub({
      comments: [seed('GitHub-Actions[bot]', `${WEB_MARKER}\nold`)]
    })

    const result = await publishComment(client, commentRequest({ body: 'new' }), recordingLog().log)

    expect(result.action).toBe('updated')
    expect(github.comments.map(comment => comment.body)).toEqual([`${WEB_MARKER}\nnew`])
  })

  it('uses /api/v3 and /api/graphql on GitHub Enterprise Server', async () => {
    const { github, client } = await startGitHub({ enterprise: true })
    const { log } = recordingLog()

    const created = await publishComment(client, commentRequest({ body: 'first' }), log)
    const updated = await publishComment(client, commentRequest({ body: 'second' }), log)

    expect([created.action, updated.action]).toEqual(['created', 'updated'])
    expect(github.comments.map(comment => comment.body)).toEqual([`${WEB_MARKER}\nsecond`])
    const comments = `/api/v3/repos/${OWNER}/${REPO}/issues`
    expect(github.requests.map(request => `${request.method} ${request.path}`)).toEqual([
      'POST /api/graphql',
      `GET ${comments}/${PULL_NUMBER}/comments?per_page=100`,
      `POST ${comments}/${PULL_NUMBER}/comments`,
      'POST /api/graphql',
      `GET ${comments}/${PULL_NUMBER}/comments?per_page=100`,
      `PATCH ${comments}/comments/${github.comments[0]?.id}`
    ])
  })

  it('finds its comment on page 3 of 250', async () => {
    const chatter = Array.from({ length: 250 }, (_, index) => seed('alice', `comment ${index}`))
    chatter[234] = seed('github-actions[bot]', `${WEB_MARKER}\nold report`)
    const { github, client } = await startGitHub({ comments: chatter })

    const result = await publishComment(
      client,
      commentRequest({ body: 'new report' }),
      recordingLog().log
    )

    expect(result.action).toBe('updated')
    expect(github.comments).toHaveLength(250)
    expect(github.comments[234]?.body).toBe(`${WEB_MARKER}\nnew report`)
    const listed = github.requests.filter(request => request.method === 'GET')
    expect(listed.map(request => request.path)).toEqual([
      `/repos/${OWNER}/${REPO}/issues/${PULL_NUMBER}/comments?per_page=100`,
      `/repos/${OWNER}/${REPO}/issues/${PULL_NUMBER}/comments?per_page=100&page=2`,
      `/repos/${OWNER}/${REPO}/issues/${PULL_NUMBER}/comments?per_page=100&page=3`
    ])
  })

  describe('in on-failure mode', () => {
    it('writes nothing for a clean run without a comment', async () => {
      const { github, client } = await startGitHub()
      const { log, lines } = recordingLog()

      const request = commentRequest({ mode: 'on-failure', problemFound: false })
      const result = await publishComment(client, request, log)

      expect(result.action).toBe('skipped')
      expect(lines.info).toEqual([result.message])
      expect(writes(github)).toEqual([])
      expect(github.comments).toEqual([])
    })

    it('updates an existing comment with the clean report', async () => {
      const { github, client } = await startGitHub({
        comments: [seed('github-actions[bot]', `${WEB_MARKER}\n5 CRITICAL findings`)]
      })

      const request = commentRequest({ mode: 'on-failure', problemFound: false, body: 'all clear' })
      const result = await publishComment(client, request, recordingLog().log)

      expect(result.action).toBe('updated')
      expect(github.comments.map(comment => comment.body)).toEqual([`${WEB_MARKER}\nall clear`])
    })

    it('creates the comment when the policy failed', async () => {
      const { github, client } = await startGitHub()

      const request = commentRequest({ mode: 'on-failure', problemFound: true })
      const result = await publishComment(client, request, recordingLog().log)

      expect(result.action).toBe('created')
      expect(github.comments).toHaveLength(1)
    })
  })

  it('makes no request at all in never mode', async () => {
    const { github, client } = await startGitHub()

    const result = await publishComment(
      client,
      commentRequest({ mode: 'never' }),
      recordingLog().log
    )

    expect(result.action).toBe('skipped')
    expect(github.requests).toEqual([])
  })

  it('skips with one log line when the run has no pull request', async () => {
    const { github, client } = await startGitHub()
    const { log, lines } = recordingLog()

    const result = await publishComment(client, commentRequest({ pullNumber: undefined }), log)

    expect(result.action).toBe('skipped')
    expect(lines.info).toEqual([expect.stringContaining('pr-number')])
    expect(lines.warning).toEqual([])
    expect(github.requests).toEqual([])
  })

  it.each([
    ['createComment', 403, [], 'create a comment'],
    [
      'updateComment',
      404,
      [seed('github-actions[bot]', `${WEB_MARKER}\nold`)],
      'update the comment'
    ]
  ] as const)(
    'warns about pull-requests: write and forks when %s answers %d, without throwing',
    async (route, status, comments, step) => {
      const { github, client } = await startGitHub({
        comments: [...comments],
        failures: { [route]: { status } }
      })
      const { log, lines } = recordingLog()

      const result = await publishComment(client, commentRequest(), log)

      expect(result.action).toBe('failed')
      expect(result.message).toContain(`could not ${step} on ${OWNER}/${REPO}#${PULL_NUMBER}`)
      expect(result.message).toContain(`HTTP ${status}`)
      expect(result.message).toContain('pull-requests: write')
      expect(result.message).toContain('forks')
      expect(result.message).toContain('workflow_run')
      expect(result.message).toContain('docs/pr-comments.md')
      expect(result.message).not.toContain('\n')
      expect(lines.warning).toEqual([result.message])
      expect(github.comments.map(comment => comment.body)).toEqual(comments.map(c => c.body))
    }
  )

  it("reports other failures with GitHub's status and message", async () => {
    const { client } = await startGitHub({
      failures: { listComments: { status: 502, message: 'Server Error' } }
    })
    const { log, lines } = recordingLog()

    const result = await publishComment(client, commentRequest(), log)

    expect(result).toEqual({
      action: 'failed',
      message: `PR comment: could not list the comments on ${OWNER}/${REPO}#${PULL_NUMBER} (HTTP 502: Server Error). GitHub failed to answer; rerun the job.`
    })
    expect(lines.warning).toEqual([result.message])
  })

  it('points at the token when GitHub does not accept it', async () => {
    const { client } = await startGitHub({ failures: { viewer: { status: 401 } } })

    const result = await publishComment(client, commentRequest(), recordingLog().log)

    expect(result.message).toBe(
      'PR comment: could not find the token account (HTTP 401: Bad credentials). Check the github-token input: GitHub did not accept the token.'
    )
  })

  describe('when GraphQL answers the viewer query with errors', () => {
    // GitHub reports GraphQL refusals as HTTP 200 with an `errors` list, which the fake cannot
    // send for viewer; this fetch answers /graphql itself and leaves the rest to the fake.
    async function startGitHubWithGraphqlErrors(errors: Array<{ type?: string; message: string }>) {
      const { github } = await startGitHub()
      const fetchWithErrors: typeof fetch = async (input, init) => {
        const url = input instanceof Request ? input.url : String(input)
        if (new URL(url).pathname !== '/graphql') return fetch(input, init)
        return Response.json({ data: { viewer: null }, errors })
      }
      const client = getOctokit('fake-token', {
        baseUrl: github.url,
        request: { fetch: fetchWithErrors }
      })
      return { github, client }
    }

    it('gives the permission and fork hint for FORBIDDEN, on one line', async () => {
      const { github, client } = await startGitHubWithGraphqlErrors([
        { type: 'FORBIDDEN', message: 'Resource not accessible by integration' }
      ])
      const { log, lines } = recordingLog()

      const result = await publishComment(client, commentRequest(), log)

      expect(result.action).toBe('failed')
      expect(result.message).toMatch(
        /^PR comment: could not find the token account \(GitHub GraphQL FORBIDDEN: Resource not accessible by integration\)\. /
      )
      expect(result.message).toContain('pull-requests: write')
      expect(result.message).toContain('docs/pr-comments.md')
      expect(result.message).not.toContain('\n')
      expect(lines.warning).toEqual([result.message])
      expect(github.comments).toEqual([])
    })

    it('tells a GraphQL rate limit apart, and joins several errors on one line', async () => {
      const { client } = await startGitHubWithGraphqlErrors([
        { type: 'RATE_LIMITED', message: 'API rate limit exceeded\nfor installation.' },
        { message: 'Try again later.' }
      ])

      const result = await publishComment(client, commentRequest(), recordingLog().log)

      expect(result.message).toBe(
        'PR comment: could not find the token account (GitHub GraphQL RATE_LIMITED: API rate limit exceeded for installation.; Try again later.). GitHub rate-limited the token; rerun the job later.'
      )
    })

    it('falls back to a token and permissions hint for other errors', async () => {
      const { client } = await startGitHubWithGraphqlErrors([
        { type: 'SOMETHING_NEW', message: 'Something went wrong' }
      ])

      const result = await publishComment(client, commentRequest(), recordingLog().log)

      expect(result.message).toBe(
        'PR comment: could not find the token account (GitHub GraphQL SOMETHING_NEW: Something went wrong). Rerun the job; if it keeps failing, check the github-token input and the job permissions.'
      )
    })
  })

  it('tells a rate limit apart from a missing permission', async () => {
    const message = 'You have exceeded a secondary rate limit.'
    const { client } = await startGitHub({ failures: { createComment: { status: 403, message } } })

    const result = await publishComment(client, commentRequest(), recordingLog().log)

    expect(result.message).toContain(message)
    expect(result.message).toContain('rerun the job later')
    expect(result.message).not.toContain('pull-requests: write')
  })

  it('refuses a body GitHub would reject as too long, before any request', async () => {
    const { github, client } = await startGitHub()
    const body = 'x'.repeat(COMMENT_BODY_LIMIT - WEB_MARKER.length)

    const result = await publishComment(client, commentRequest({ body }), recordingLog().log)

    expect(result.action).toBe('failed')
    expect(result.message).toContain(`${COMMENT_BODY_LIMIT + 1} characters`)
    expect(github.requests).toEqual([])
  })

  it('fits a body of the full budget', async () => {
    const { github, client } = await startGitHub()
    const body = 'x'.repeat(COMMENT_BODY_LIMIT - COMMENT_MARKER_BUDGET)

    const result = await publishComment(client, commentRequest({ body }), recordingLog().log)

    expect(result.action).toBe('created')
    expect(github.comments[0]?.body.length).toBe(WEB_MARKER.length + 1 + body.length)
  })
})

describe('publishComment against a slow, huge or broken GitHub', () => {
  const PLACE = { owner: OWNER, repo: REPO, issueNumber: PULL_NUMBER }
  const SMALL_LIMITS = { requestTimeoutMs: 200, totalTimeoutMs: 5000 }
  const COMMENTS_PATH = `/repos/${OWNER}/${REPO}/issues/${PULL_NUMBER}/comments`

  function listings(github: FakeGitHub) {
    return github.requests.filter(request => request.method === 'GET').map(request => request.path)
  }

  it.each([
    ['viewer', 'before-headers', [], 'find the token account'],
    ['viewer', 'mid-body', [], 'find the token account'],
    ['listComments', 'before-headers', [], 'list the comments on'],
    ['listComments', 'mid-body', [], 'list the comments on'],
    ['createComment', 'before-headers', [], 'create a comment on'],
    [
      'updateComment',
      'before-headers',
      [seed('github-actions[bot]', `${WEB_MARKER}\nold`)],
      'update the comment on'
    ]
  ] as const)(
    'warns within the timeout when %s never answers (%s)',
    async (route, stall, comments, step) => {
      const { client } = await startGitHub({ comments: [...comments], stalls: { [route]: stall } })
      const { log, lines } = recordingLog()
      const started = performance.now()

      const result = await publishComment(client, commentRequest(), log, SMALL_LIMITS)

      const elapsed = performance.now() - started
      expect(elapsed).toBeGreaterThanOrEqual(190)
      expect(elapsed).toBeLessThan(2000)
      expect(result.action).toBe('failed')
      expect(result.message).toContain(`could not ${step}`)
      expect(result.message).toContain(
        '(GitHub did not answer within 200 ms). GitHub is slow or down'
      )
      expect(lines.warning).toEqual([result.message])
    }
  )

  it('gives up when the whole comment outlasts its budget, whatever each request may take', async () => {
    const { client } = await startGitHub({ stalls: { listComments: 'before-headers' } })
    const started = performance.now()

    const result = await publishComment(client, commentRequest(), recordingLog().log, {
      requestTimeoutMs: 10_000,
      totalTimeoutMs: 250
    })

    expect(performance.now() - started).toBeLessThan(2000)
    expect(result.message).toBe(
      `PR comment: could not list the comments on ${OWNER}/${REPO}#${PULL_NUMBER} (GitHub took longer than the 250 ms the PR comment may take). GitHub is slow or down; rerun the job to update the comment.`
    )
  })

  it('stops at a next link that leads back to a page already read, writing nothing', async () => {
    const { github, client } = await startGitHub({
      comments: manyComments(250, PLACE),
      nextLinkLoop: true
    })
    const { log, lines } = recordingLog()

    const result = await publishComment(client, commentRequest(), log)

    expect(result.action).toBe('failed')
    expect(result.message).toBe(
      `PR comment: could not list the comments on ${OWNER}/${REPO}#${PULL_NUMBER} (GitHub's link to the page after page 1 leads back to page 1). Nothing was written; rerun the job.`
    )
    expect(lines.warning).toEqual([result.message])
    expect(listings(github)).toEqual([`${COMMENTS_PATH}?per_page=100`])
    expect(writes(github)).toEqual([])
  })

  it(`reads a thread of ${COMMENT_MAX_PAGES} full pages whole, finding its comment on the last`, async () => {
    const chatter = manyComments(COMMENT_MAX_PAGES * 100, PLACE)
    chatter[chatter.length - 1] = seed('github-actions[bot]', `${WEB_MARKER}\nold`)
    const { github, client } = await startGitHub({ comments: chatter })
    const { log, lines } = recordingLog()

    const result = await publishComment(client, commentRequest({ body: 'new' }), log)

    expect(result.action).toBe('updated')
    expect(lines.warning).toEqual([])
    expect(github.comments.at(-1)?.body).toBe(`${WEB_MARKER}\nnew`)
    expect(listings(github)).toHaveLength(COMMENT_MAX_PAGES)
  })

  it('finds its comment on the newest page of 3,050 comments in two requests', async () => {
    const chatter = [
      ...manyComments(3049, PLACE),
      seed('github-actions[bot]', `${WEB_MARKER}\nold`)
    ]
    const { github, client } = await startGitHub({ comments: chatter })

    const result = await publishComment(client, commentRequest({ body: 'new' }), recordingLog().log)

    expect(result.action).toBe('updated')
    expect(github.comments.at(-1)?.body).toBe(`${WEB_MARKER}\nnew`)
    expect(listings(github)).toEqual([
      `${COMMENTS_PATH}?per_page=100`,
      `${COMMENTS_PATH}?per_page=100&page=31`
    ])
  })

  it('searches both ends of 5,000 comments, then creates a comment it finds next time', async () => {
    const chatter = manyComments(5000, PLACE)
    // Page 11: neither the first page nor the newest 29 (pages 22 to 50).
    chatter[1000] = seed('github-actions[bot]', `${WEB_MARKER}\nmiddle`)
    const { github, client } = await startGitHub({ comments: chatter })
    const { log, lines } = recordingLog()

    const created = await publishComment(client, commentRequest({ body: 'first' }), log)

    expect(created.action).toBe('created')
    expect(created.warning).toBe(
      `PR comment: ${OWNER}/${REPO}#${PULL_NUMBER} has more than 4900 comments; only the first 100 and the newest 2900 were searched, so an earlier report of this image in between, if any, was left as it is.`
    )
    expect(lines.warning).toEqual([created.warning])
    expect(lines.info).toEqual([created.message])
    const searched = listings(github)
    expect(searched).toHaveLength(COMMENT_MAX_PAGES)
    expect(searched.slice(0, 3)).toEqual([
      `${COMMENTS_PATH}?per_page=100`,
      `${COMMENTS_PATH}?per_page=100&page=50`,
      `${COMMENTS_PATH}?per_page=100&page=49`
    ])
    expect(searched.at(-1)).toBe(`${COMMENTS_PATH}?per_page=100&page=22`)

    const before = github.requests.length
    const updated = await publishComment(client, commentRequest({ body: 'second' }), log)

    expect(updated.action).toBe('updated')
    expect(github.comments.at(-1)?.body).toBe(`${WEB_MARKER}\nsecond`)
    expect(github.comments[1000]?.body).toBe(`${WEB_MARKER}\nmiddle`)
    expect(listings(github).length - searched.length).toBe(2)
    expect(github.requests.length - before).toBe(4)
  })
})

describe('the fake GitHub', () => {
  it('pages comments with a Link header like GitHub', async () => {
    const chatter = Array.from({ length: 250 }, (_, index) => seed('alice', `comment ${index}`))
    const { github } = await startGitHub({ comments: chatter })
    const path = `/repos/${OWNER}/${REPO}/issues/${PULL_NUMBER}/comments`
    const pageUrl = (page: number) => `<${github.url}${path}?per_page=100&page=${page}>`

    const response = await fetch(`${github.url}${path}?per_page=100&page=2`, {
      headers: { authorization: 'token fake-token' }
    })

    expect(response.headers.get('link')).toBe(
      `${pageUrl(1)}; rel="prev", ${pageUrl(3)}; rel="next", ${pageUrl(3)}; rel="last", ${pageUrl(1)}; rel="first"`
    )
    const comments = (await response.json()) as Array<{ body: string }>
    expect(comments.map(comment => comment.body)).toEqual(
      chatter.slice(100, 200).map(comment => comment.body)
    )
  })
})
