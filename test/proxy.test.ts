/**
 * Proxy support. The rules are tested in-process against @actions/http-client's (which the GitHub
 * calls use); the routing end to end in child processes, since NODE_EXTRA_CA_CERTS (the test CA)
 * is read only at start. The targets have names only the test proxy resolves, so an answer proves
 * the request went through it; @actions/http-client would send loopback addresses direct anyway.
 */
import { checkBypass } from '@actions/http-client/lib/proxy'
import { execFile } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bypassesProxy, proxyConfigured, proxyFor, withProxy } from '../src/aws/proxy.js'
import { type FakeEcr, startFakeEcr } from './support/fake-ecr.js'
import { type FakeGitHub, startFakeGitHub } from './support/fake-github.js'
import { type FakeInspector, startFakeInspector } from './support/fake-inspector.js'
import { type ForwardProxy, startForwardProxy } from './support/forward-proxy.js'
import { type TestCa, type TlsFront, createTestCa, startTlsFront } from './support/test-ca.js'

const PROBE = join(dirname(fileURLToPath(import.meta.url)), 'support', 'proxy-probe.js')

describe('bypassesProxy (NO_PROXY)', () => {
  const cases: [url: string, noProxy: string, direct: boolean][] = [
    ['https://api.ecr.us-east-1.amazonaws.com', '', false],
    ['https://api.ecr.us-east-1.amazonaws.com', '*', true],
    ['https://api.ecr.us-east-1.amazonaws.com', 'amazonaws.com', true],
    ['https://api.ecr.us-east-1.amazonaws.com', '.amazonaws.com', true],
    ['https://amazonaws.com', 'amazonaws.com', true],
    // A leading dot means subdomains only, as in @actions/http-client.
    ['https://amazonaws.com', '.amazonaws.com', false],
    ['https://notamazonaws.com', 'amazonaws.com', false],
    ['https://API.ECR.us-east-1.AmazonAWS.com', 'amazonaws.COM', true],
    ['https://api.github.com', 'github.example, api.github.com', true],
    ['https://api.github.com', ' , github.com ,', true],
    ['https://api.github.com', 'github.example', false],
    ['https://api.github.com', 'api.github.com:443', true],
    ['https://api.github.com', 'api.github.com:8443', false],
    ['https://api.github.com:8443', 'api.github.com:8443', true],
    ['http://ecr.internal', 'ecr.internal:80', true],
    ['http://ecr.internal', 'ecr.internal:443', false],
    ['https://10.1.2.3', '10.1.2.3', true],
    ['https://10.1.2.4', '10.1.2.3', false],
    // Loopback always goes direct.
    ['http://localhost:4566', '', true],
    ['http://127.0.0.1:4566', 'example.com', true],
    ['http://[::1]:4566', '', true]
  ]

  it.each(cases)('%s with NO_PROXY=%j: direct %s', (url, noProxy, direct) => {
    expect(bypassesProxy(new URL(url), noProxy)).toBe(direct)
  })

  it.each(cases)('%s with NO_PROXY=%j: as @actions/http-client decides', (url, noProxy) => {
    const saved = { no_proxy: process.env.no_proxy, NO_PROXY: process.env.NO_PROXY }
    try {
      delete process.env.NO_PROXY
      process.env.no_proxy = noProxy
      expect(bypassesProxy(new URL(url), noProxy)).toBe(checkBypass(new URL(url)))
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name]
        else process.env[name] = value
      }
    }
  })
})

describe('proxyFor', () => {
  it('takes HTTPS_PROXY for https:// and HTTP_PROXY for http://', () => {
    const env = { HTTPS_PROXY: 'http://secure:3128', HTTP_PROXY: 'http://plain:3128' }
    expect(proxyFor('https://api.github.com', env)?.href).toBe('http://secure:3128/')
    expect(proxyFor('http://ecr.internal', env)?.href).toBe('http://plain:3128/')
    expect(proxyFor('http://ecr.internal', { HTTPS_PROXY: 'http://secure:3128' })).toBeUndefined()
  })

  it('reads lower-case names, which win over upper-case ones', () => {
    expect(proxyFor('https://a.example', { https_proxy: 'http://lower:1' })?.host).toBe('lower:1')
    const both = { https_proxy: 'http://lower:1', HTTPS_PROXY: 'http://upper:2' }
    expect(proxyFor('https://a.example', both)?.host).toBe('lower:1')
    const noProxy = { HTTPS_PROXY: 'http://p:1', no_proxy: 'a.example', NO_PROXY: 'b.example' }
    expect(proxyFor('https://a.example', noProxy)).toBeUndefined()
    expect(proxyFor('https://b.example', noProxy)?.host).toBe('p:1')
  })

  it('keeps credentials, and reads a value without a scheme as http://', () => {
    const proxy = proxyFor('https://a.example', { HTTPS_PROXY: 'http://user:p%40ss@proxy:8080' })
    expect([proxy?.username, proxy?.password, proxy?.port]).toEqual(['user', 'p%40ss', '8080'])
    expect(proxyFor('https://a.example', { HTTPS_PROXY: 'proxy.corp:3128' })?.href).toBe(
      'http://proxy.corp:3128/'
    )
    expect(proxyFor('https://a.example', { HTTPS_PROXY: '  ' })).toBeUndefined()
  })

  it('names the variable when it is no http(s) proxy URL', () => {
    expect(() => proxyFor('https://a.example', { HTTPS_PROXY: 'socks5://proxy:1080' })).toThrow(
      'HTTPS_PROXY must be an http:// or https:// proxy URL, not socks5://proxy:1080'
    )
    expect(() => proxyFor('http://a.example', { http_proxy: 'http://' })).toThrow('HTTP_PROXY')
  })
})

describe('withProxy', () => {
  const options = { connectionTimeout: 5000, requestTimeout: 20000 }

  // With one set, the routing agent is loaded and used by the child processes below.
  it('leaves the handler options alone when no proxy variable is set', () => {
    expect(proxyConfigured({ NO_PROXY: '*' })).toBe(false)
    expect(withProxy(options, { NO_PROXY: '*' })).toBe(options)
  })
})

interface ProbeResult {
  ok: boolean
  digest?: string
  bodies?: string[]
  risks?: Record<string, unknown>
  warnings?: string[]
  name?: string
  code?: string
  message?: string
}

/** Runs test/support/proxy-probe.js in a fresh node with exactly these variables (plus PATH). */
function probe(args: string[], env: Record<string, string>): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [PROBE, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? ''
        try {
          resolve(JSON.parse(line) as ProbeResult)
        } catch {
          reject(new Error(`probe printed no result (${error?.message}): ${stdout}\n${stderr}`))
        }
      }
    )
  })
}

describe('through a forwarding proxy', () => {
  const ECR_HOST = 'ecr.proxy-test.internal'
  const GITHUB_HOST = 'api.github.proxy-test.internal'
  const INSPECTOR_HOST = 'inspector2.proxy-test.internal'
  const DIGEST = `sha256:${'e'.repeat(64)}`
  let ca: TestCa
  let ecr: FakeEcr
  let github: FakeGitHub
  let inspector: FakeInspector
  let inspectorArgs: string[]
  let ecrFront: TlsFront
  let githubFront: TlsFront
  let inspectorFront: TlsFront
  let proxy: ForwardProxy
  let aws: Record<string, string>

  beforeAll(async () => {
    ca = await createTestCa([ECR_HOST, GITHUB_HOST, INSPECTOR_HOST])
    ecr = await startFakeEcr({
      images: [{ repository: 'shop/api', digest: DIGEST, tags: ['1.2.3'] }]
    })
    github = await startFakeGitHub({
      comments: [{ owner: 'o', repo: 'r', issueNumber: 7, login: 'someone', body: 'hello' }]
    })
    // exploitAvailable YES, so both ListFindings and BatchGetFindingDetails are sent.
    inspector = await startFakeInspector({
      findings: [
        { repository: 'shop/api', digest: DIGEST, epss: 0.42, kev: { action: 'Patch it.' } }
      ]
    })
    inspectorArgs = ['inspector', 'shop/api', DIGEST, inspector.arns[0] ?? '']
    ecrFront = await startTlsFront(ca, Number(new URL(ecr.url).port))
    githubFront = await startTlsFront(ca, Number(new URL(github.url).port))
    inspectorFront = await startTlsFront(ca, Number(new URL(inspector.url).port))
    proxy = await startForwardProxy({ hosts: [ECR_HOST, GITHUB_HOST, INSPECTOR_HOST] })
    aws = {
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ENDPOINT_URL_ECR: `https://${ECR_HOST}:${ecrFront.port}`,
      AWS_ENDPOINT_URL_INSPECTOR2: `https://${INSPECTOR_HOST}:${inspectorFront.port}`,
      NODE_EXTRA_CA_CERTS: ca.caFile
    }
  })

  afterAll(async () => {
    await Promise.all(
      [proxy, ecrFront, githubFront, inspectorFront, ecr, github, inspector].map(server =>
        server?.close()
      )
    )
    await ca?.remove()
  })

  beforeEach(() => {
    proxy.requests.length = 0
    ecr.requests.length = 0
    inspector.requests.length = 0
  })

  it.each(['HTTPS_PROXY', 'https_proxy'])('%s tunnels ECR calls with CONNECT', async name => {
    const result = await probe(['ecr', 'shop/api', '1.2.3'], { ...aws, [name]: proxy.url })
    expect(result).toEqual({ ok: true, digest: DIGEST })
    expect(proxy.requests).toContainEqual({
      method: 'CONNECT',
      host: ECR_HOST,
      port: ecrFront.port
    })
    expect(ecr.requests.map(request => request.operation)).toEqual(['DescribeImages'])
  })

  it.each(['proxy-test.internal', `.proxy-test.internal`, `${ECR_HOST}:PORT`, '*'])(
    'NO_PROXY=%s sends ECR calls direct, past the proxy',
    async entry => {
      const noProxy = `example.com,${entry.replace('PORT', String(ecrFront.port))}`
      const result = await probe(['ecr', 'shop/api', '1.2.3'], {
        ...aws,
        HTTPS_PROXY: proxy.url,
        NO_PROXY: noProxy
      })
      // Only the proxy knows the name: going direct, the lookup fails.
      expect(result).toMatchObject({
        ok: false,
        code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/)
      })
      expect(proxy.count(ECR_HOST)).toBe(0)
    }
  )

  it('a NO_PROXY entry for another port still goes through the proxy', async () => {
    const env = { ...aws, HTTPS_PROXY: proxy.url, no_proxy: `${ECR_HOST}:1` }
    expect(await probe(['ecr', 'shop/api', '1.2.3'], env)).toEqual({ ok: true, digest: DIGEST })
    expect(proxy.count(ECR_HOST)).toBeGreaterThan(0)
  })

  it('HTTP_PROXY carries http:// ECR calls as absolute-URI requests', async () => {
    const env = {
      ...aws,
      AWS_ENDPOINT_URL_ECR: `http://${ECR_HOST}:${new URL(ecr.url).port}`,
      HTTP_PROXY: proxy.url,
      // Only for https://, so it must not be used.
      HTTPS_PROXY: 'http://127.0.0.1:9'
    }
    expect(await probe(['ecr', 'shop/api', '1.2.3'], env)).toEqual({ ok: true, digest: DIGEST })
    expect(proxy.requests.map(({ method, host }) => `${method} ${host}`)).toEqual([
      `POST ${ECR_HOST}`
    ])
  })

  it.each(['HTTPS_PROXY', 'https_proxy'])(
    '%s tunnels Inspector calls (enrich: inspector) with CONNECT',
    async name => {
      const result = await probe(inspectorArgs, { ...aws, [name]: proxy.url })
      expect(result).toEqual({
        ok: true,
        risks: { [inspector.arns[0] ?? '']: { epss: 0.42, kev: { action: 'Patch it.' } } },
        warnings: []
      })
      expect(proxy.requests).toContainEqual({
        method: 'CONNECT',
        host: INSPECTOR_HOST,
        port: inspectorFront.port
      })
      expect(inspector.requests.map(request => request.operation)).toEqual([
        'ListFindings',
        'BatchGetFindingDetails'
      ])
    }
  )

  it.each(['proxy-test.internal', `${INSPECTOR_HOST}:PORT`])(
    'NO_PROXY=%s sends Inspector calls direct, past the proxy',
    async entry => {
      const noProxy = `example.com,${entry.replace('PORT', String(inspectorFront.port))}`
      const result = await probe(inspectorArgs, {
        ...aws,
        HTTPS_PROXY: proxy.url,
        NO_PROXY: noProxy
      })
      // Only the proxy knows the name: going direct, the lookup fails (a warning: enrichment
      // never fails the run).
      expect(result).toMatchObject({ ok: false, risks: {} })
      expect(result.warnings).toEqual([
        expect.stringMatching(
          new RegExp(
            `ListFindings failed .*(ENOTFOUND|EAI_AGAIN) ${INSPECTOR_HOST.replace(/\./g, '\\.')}`
          )
        )
      ])
      expect(proxy.count(INSPECTOR_HOST)).toBe(0)
      expect(inspector.requests).toEqual([])
    }
  )

  it('GitHub calls from getOctokit go through HTTPS_PROXY already', async () => {
    const env = {
      NODE_EXTRA_CA_CERTS: ca.caFile,
      GITHUB_API_URL: `https://${GITHUB_HOST}:${githubFront.port}`,
      HTTPS_PROXY: proxy.url
    }
    expect(await probe(['github', 'o', 'r', '7'], env)).toEqual({ ok: true, bodies: ['hello'] })
    expect(proxy.requests).toContainEqual({
      method: 'CONNECT',
      host: GITHUB_HOST,
      port: githubFront.port
    })
  })

  it('GitHub calls honour NO_PROXY', async () => {
    const env = {
      NODE_EXTRA_CA_CERTS: ca.caFile,
      GITHUB_API_URL: `https://${GITHUB_HOST}:${githubFront.port}`,
      https_proxy: proxy.url,
      no_proxy: 'github.proxy-test.internal'
    }
    expect(await probe(['github', 'o', 'r', '7'], env)).toMatchObject({
      ok: false,
      code: expect.stringMatching(/^(ENOTFOUND|EAI_AGAIN)$/)
    })
    expect(proxy.count(GITHUB_HOST)).toBe(0)
  })
})
