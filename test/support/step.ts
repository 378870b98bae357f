/**
 * The whole step in-process: the real AWS SDK client and real octokit over HTTP against the fake
 * ECR and GitHub servers, with an injected clock and sleep so no test really waits.
 */
import { afterAll, beforeAll } from '@jest/globals'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type FakeEcr, type FakeEcrScenario, startFakeEcr } from './fake-ecr.js'
import { type FakeGitHub, startFakeGitHub } from './fake-github.js'

export interface StepResult {
  failed: boolean
  log: string
  outputs: Record<string, string>
  summary: string
  ecr: FakeEcr
  sleptMs: number
}

export interface StepHarness {
  /**
   * Runs the step against a fake ECR holding `scenario`, with these inputs over the defaults and
   * `env` for other fakes' endpoints.
   */
  step(
    scenario: FakeEcrScenario,
    inputs?: Record<string, string>,
    env?: Record<string, string>
  ): Promise<StepResult>
  /** A folder of the harness's own, for files a test writes. */
  workDir(): string
  github(): FakeGitHub
}

type GitHubOptions = NonNullable<Parameters<typeof startFakeGitHub>[0]>

/** Reports escape untrusted text as numeric entities; tests read what a browser shows. */
export function decodeEntities(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
}

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const match of text.matchAll(/^([^\n=<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[match[1] ?? ''] = match[3] ?? ''
  return outputs
}

/**
 * Sets up a fake GitHub and a pull-request event for the test file, and returns the step runner.
 * `defaults` are the inputs every step gets unless it gives its own.
 */
export function actionStep(
  defaults: Record<string, string>,
  github: Omit<GitHubOptions, 'login'> = {}
): StepHarness {
  let fakeGitHub: FakeGitHub
  let workDir = ''
  let run: typeof import('../../src/action/main.js').run

  beforeAll(async () => {
    fakeGitHub = await startFakeGitHub({ login: 'github-actions[bot]', ...github })
    workDir = await mkdtemp(join(tmpdir(), 'step-test-'))
    const eventPath = join(workDir, 'event.json')
    await writeFile(eventPath, JSON.stringify({ pull_request: { number: 7 } }))
    // @actions/github reads the event and API URL once, when first loaded.
    Object.assign(process.env, {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_API_URL: fakeGitHub.url,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret',
      AWS_EC2_METADATA_DISABLED: 'true'
    })
    ;({ run } = await import('../../src/action/main.js'))
  })

  afterAll(async () => {
    await fakeGitHub.close()
  })

  async function step(
    scenario: FakeEcrScenario,
    inputs: Record<string, string> = {},
    env: Record<string, string> = {}
  ): Promise<StepResult> {
    const ecr = await startFakeEcr(scenario)
    const outputFile = join(workDir, `output-${Math.random()}`)
    // core.summary remembers the first summary path it sees, so every step shares one file.
    const summaryFile = join(workDir, 'summary.md')
    await writeFile(outputFile, '')
    await writeFile(summaryFile, '')
    const allInputs = { comment: 'never', ...defaults, ...inputs }
    const saved = { ...process.env }
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_ECR: ecr.url,
      AWS_REGION: 'us-east-1',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: workDir,
      ...env,
      ...Object.fromEntries(
        Object.entries(allInputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
      )
    })
    let log = ''
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string | Uint8Array) => {
      log += chunk.toString()
      return true
    }) as typeof process.stdout.write
    let clock = 0
    try {
      await run({
        now: () => clock,
        sleep: async ms => {
          clock += ms
        },
        random: () => 1
      })
    } finally {
      process.stdout.write = write
      process.env = saved
      await ecr.close()
    }
    const failed = process.exitCode === 1
    process.exitCode = 0
    return {
      failed,
      log,
      outputs: parseOutputs(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
      ecr,
      sleptMs: clock
    }
  }

  return { step, workDir: () => workDir, github: () => fakeGitHub }
}
