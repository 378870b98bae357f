/**
 * The answers that must never become a wrong "passed", through the real @aws-sdk/client-ecr against
 * a small scripted ECR over HTTP: each test scripts ECR's answers per operation.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { EcrScans } from '../src/aws/ecr.js'
import { explainAwsError } from '../src/aws/errors.js'
import type { ImageResult } from '../src/core/results.js'
import { type RunSettings, runScan } from '../src/core/run.js'
import { useFakeAwsEnv } from './support/aws-env.js'

const DIGEST = `sha256:${'d'.repeat(64)}`
const REPOSITORY = 'team/web'
const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.'

/** What the scripted ECR does with one request: answer JSON, answer an AWS error, or never answer. */
type Reply = { json: object } | { error: string; status?: number; message?: string } | 'stall'
type Script = Record<string, (body: Record<string, unknown>, call: number) => Reply>

interface ScriptedEcr {
  url: string
  operations: string[]
  close(): Promise<void>
}

async function scriptedEcr(script: Script): Promise<ScriptedEcr> {
  const operations: string[] = []
  const calls = new Map<string, number>()
  const sockets = new Set<Socket>()
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target'] ?? '').slice(TARGET_PREFIX.length)
      operations.push(operation)
      const call = calls.get(operation) ?? 0
      calls.set(operation, call + 1)
      const handler = script[operation]
      const reply: Reply = handler
        ? handler(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'), call)
        : { error: 'UnknownOperationException', message: `Unknown operation ${operation}` }
      if (reply === 'stall') return
      const headers = { 'content-type': 'application/x-amz-json-1.1' }
      if ('json' in reply) {
        response.writeHead(200, headers).end(JSON.stringify(reply.json))
      } else {
        response
          .writeHead(reply.status ?? 400, { ...headers, 'x-amzn-errortype': reply.error })
          .end(JSON.stringify({ __type: reply.error, message: reply.message ?? reply.error }))
      }
    })
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    operations,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

const describeImages = (): Reply => ({
  json: { imageDetails: [{ imageDigest: DIGEST, imageTags: ['v1'], repositoryName: REPOSITORY }] }
})

const COMPLETED_AT = 1_723_455_000

function scanAnswer(status: string, results?: object, nextToken?: string): Reply {
  return {
    json: {
      imageScanStatus: { status },
      ...(results ? { imageScanFindings: results } : {}),
      ...(nextToken ? { nextToken } : {})
    }
  }
}

const finding = (name: string, severity: string) => ({ name, severity })

interface Ran {
  result: ImageResult
  lines: string[]
  operations: string[]
  elapsedMs: number
  sleptMs: number
}

useFakeAwsEnv()

/**
 * One image through runScan with the real SDK client. `realTime` runs on the wall clock with
 * the deadline's AbortSignal.timeout, as the Action does; otherwise sleeps only move a fake clock.
 */
async function judge(
  script: Script,
  options: {
    timeoutMs?: number
    realTime?: boolean
    settings?: Pick<RunSettings, 'settleIntervalMs'>
    imageDigest?: string
  } = {}
): Promise<Ran> {
  const ecr = await scriptedEcr(script)
  process.env.AWS_ENDPOINT_URL_ECR = ecr.url
  const timeoutMs = options.timeoutMs ?? 600_000
  let fake = 0
  const lines: string[] = []
  const line = (level: string) => (message: string) => lines.push(`${level}: ${message}`)
  const started = Date.now()
  try {
    const [result] = await runScan(
      [
        {
          reference: `${REPOSITORY}:v1`,
          region: 'us-east-1',
          query: { repository: REPOSITORY, imageTag: 'v1', imageDigest: options.imageDigest }
        }
      ],
      {
        timeoutMs,
        startScan: false,
        backoff: { initialMs: 3000, maxMs: 15000, factor: 2 },
        rules: [],
        filters: { onlyFixable: false },
        thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false },
        concurrency: 1,
        onlyNew: false,
        settleIntervalMs: options.settings?.settleIntervalMs ?? 0
      },
      {
        sourceFor: region => EcrScans.create(region),
        clock: options.realTime
          ? {
              now: Date.now,
              sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
              random: Math.random
            }
          : {
              now: () => fake,
              sleep: async ms => {
                fake += ms
              },
              random: () => 1
            },
        logFor: () => ({
          info: line('info'),
          warning: line('warning'),
          notice: line('notice'),
          debug: line('debug'),
          close: () => undefined
        }),
        signal: AbortSignal.timeout(options.realTime ? timeoutMs : 60_000),
        explainError: (error, target) =>
          explainAwsError(error, { repository: target.query.repository, region: target.region })
      }
    )
    if (!result) throw new Error('no result')
    return {
      result,
      lines,
      operations: ecr.operations,
      elapsedMs: Date.now() - started,
      sleptMs: fake
    }
  } finally {
    await ecr.close()
  }
}

function problem(ran: Ran) {
  if (ran.result.kind !== 'unjudged') throw new Error(`judged: ${JSON.stringify(ran.result)}`)
  return ran.result.problem
}

describe('trust: a verdict only on a complete, settled read (real SDK over HTTP)', () => {
  it('a stalled ECR (accepts, never answers) is a timeout problem when the deadline aborts, not a hang', async () => {
    // The issue asks for a 10 s timeout finishing within 15 s; the same at 1 s within ~2 s.
    const ran = await judge(
      { DescribeImages: describeImages, DescribeImageScanFindings: () => 'stall' },
      { timeoutMs: 1000, realTime: true }
    )
    expect(problem(ran).kind).toBe('timeout')
    expect(problem(ran).message).toMatch(/^The timeout ran out while waiting for ECR to answer/)
    // Per request the SDK waits 20 s, over 6 attempts: only the abort signal ends it this soon
    // (the bound is loose for a loaded machine; it measured about 1.05 s).
    expect(ran.elapsedMs).toBeLessThan(10_000)
  })

  it('a stalled ECR with a 10 s timeout ends within 15 s, as the issue asks', async () => {
    const ran = await judge(
      { DescribeImages: describeImages, DescribeImageScanFindings: () => 'stall' },
      { timeoutMs: 10_000, realTime: true }
    )
    expect(problem(ran).kind).toBe('timeout')
    expect(ran.elapsedMs).toBeGreaterThanOrEqual(9_900)
    expect(ran.elapsedMs).toBeLessThan(15_000)
  }, 20_000)

  it('ECR stalling on the first request (DescribeImages) ends within the deadline too, explained as the timeout', async () => {
    const ran = await judge({ DescribeImages: () => 'stall' }, { timeoutMs: 1000, realTime: true })
    // An aborted request once the run's time is up is the timeout, not an AWS error.
    expect(problem(ran).kind).toBe('timeout')
    expect(problem(ran).message).toMatch(/^The step's timeout ran out while waiting for ECR/)
    expect(ran.elapsedMs).toBeLessThan(10_000)
  })

  it('COMPLETE with an empty list and no completion time, then the findings: waits and judges them', async () => {
    const ran = await judge({
      DescribeImages: describeImages,
      DescribeImageScanFindings: (_, call) =>
        call < 2
          ? scanAnswer('COMPLETE', { findings: [] })
          : scanAnswer('COMPLETE', {
              imageScanCompletedAt: COMPLETED_AT,
              findings: [finding('CVE-2024-1', 'CRITICAL')],
              findingSeverityCounts: { CRITICAL: 1 }
            })
    })
    expect(ran.result).toMatchObject({ kind: 'judged', counts: { CRITICAL: 1 } })
    expect(ran.result.kind === 'judged' && ran.result.verdict.passed).toBe(false)
  })

  it('ACTIVE with imageScanFindings {} until the deadline: a timeout saying what ECR answered', async () => {
    const ran = await judge(
      {
        DescribeImages: describeImages,
        DescribeImageScanFindings: () => scanAnswer('ACTIVE', {})
      },
      { timeoutMs: 600_000 }
    )
    expect(problem(ran)).toEqual({
      kind: 'timeout',
      message:
        "ECR kept answering ACTIVE without results (no completion time) for 10m0s, until the timeout: the scan's findings never arrived. Raise 'timeout', or check the scan of team/web in the ECR console."
    })
  })

  it('findingSeverityCounts above what the pages hold: read again, then incomplete, no verdict', async () => {
    const ran = await judge({
      DescribeImages: describeImages,
      DescribeImageScanFindings: () =>
        scanAnswer('COMPLETE', {
          imageScanCompletedAt: COMPLETED_AT,
          findings: [finding('CVE-1', 'LOW')],
          findingSeverityCounts: { LOW: 1, CRITICAL: 4 }
        })
    })
    expect(problem(ran).kind).toBe('incomplete')
    expect(problem(ran).message).toContain('CRITICAL 4 counted by ECR but 0 read')
    expect(ran.operations.filter(op => op === 'DescribeImageScanFindings')).toHaveLength(2)
  })

  it('a nextToken that comes back two pages later stops the read with an error, not a loop', async () => {
    const next: Record<string, string> = { a: 'b', b: 'c', c: 'a' }
    const ran = await judge({
      DescribeImages: describeImages,
      DescribeImageScanFindings: body =>
        scanAnswer(
          'COMPLETE',
          {
            imageScanCompletedAt: COMPLETED_AT,
            findings: [finding(`CVE-${String(body.nextToken ?? 'first')}`, 'LOW')]
          },
          body.nextToken ? next[String(body.nextToken)] : 'a'
        )
    })
    expect(problem(ran).kind).toBe('error')
    expect(problem(ran).message).toMatch(/page token it had already given/)
    expect(ran.operations.length).toBeLessThan(10)
  })

  it('an enhanced scan whose findings are still arriving is read until two reads agree', async () => {
    const enhanced = (count: number) =>
      scanAnswer('ACTIVE', {
        imageScanCompletedAt: COMPLETED_AT,
        enhancedFindings: Array.from({ length: count }, (_, index) => ({
          severity: 'HIGH',
          title: `CVE-${index}`
        }))
      })
    const ran = await judge(
      {
        DescribeImages: describeImages,
        DescribeImageScanFindings: (_, call) => enhanced(call === 0 ? 1 : 3)
      },
      { settings: { settleIntervalMs: 15_000 } }
    )
    expect(ran.result).toMatchObject({ kind: 'judged', counts: { HIGH: 3 } })
    expect(ran.lines).toContain(
      'info: Enhanced scan: reading again in 15s to check no findings are still arriving.'
    )
  })

  it('no scanning rule and scan on push off: not-scanned at once, naming the fix', async () => {
    const ran = await judge({
      DescribeImages: describeImages,
      DescribeImageScanFindings: () => ({
        error: 'ScanNotFoundException',
        message: 'Image scan does not exist'
      }),
      GetRegistryScanningConfiguration: () => ({
        json: {
          registryId: '123456789012',
          scanningConfiguration: {
            scanType: 'BASIC',
            rules: [
              {
                scanFrequency: 'SCAN_ON_PUSH',
                repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' }]
              }
            ]
          }
        }
      }),
      DescribeRepositories: () => ({
        json: {
          repositories: [
            { repositoryName: REPOSITORY, imageScanningConfiguration: { scanOnPush: false } }
          ]
        }
      })
    })
    expect(problem(ran)).toEqual({
      kind: 'not-scanned',
      message:
        'Repository team/web is not scanned: no registry scanning rule matches it and scan on push is off. Add a scanning rule or enable scan on push (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html), or set start-scan: true.'
    })
    expect(ran.sleptMs).toBe(0)
  })

  it('scanning configuration denied: a notice, and the wait goes on', async () => {
    const ran = await judge(
      {
        DescribeImages: describeImages,
        DescribeImageScanFindings: () => ({ error: 'ScanNotFoundException' }),
        GetRegistryScanningConfiguration: () => ({
          error: 'AccessDeniedException',
          status: 403,
          message: 'not authorized to perform: ecr:GetRegistryScanningConfiguration'
        }),
        DescribeRepositories: () => ({ json: { repositories: [] } })
      },
      { timeoutMs: 30_000 }
    )
    expect(problem(ran).kind).toBe('timeout')
    expect(ran.lines.filter(entry => entry.startsWith('notice:'))).toHaveLength(1)
    expect(ran.lines.find(entry => entry.startsWith('notice:'))).toContain(
      'ecr:GetRegistryScanningConfiguration'
    )
    expect(ran.sleptMs).toBe(30_000)
  })

  it('a digest from ECR other than the image-digest given is an error with a one-line message', async () => {
    const given = `sha256:${'e'.repeat(64)}`
    const ran = await judge({ DescribeImages: describeImages }, { imageDigest: given })
    expect(problem(ran)).toEqual({
      kind: 'error',
      message: `ECR answered digest ${DIGEST} for team/web:v1@${given}, not the image-digest given. Check the image-digest input; if it is right, retry the job and report this if it persists.`
    })
  })
})
