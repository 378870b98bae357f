/**
 * The command line in-process: main() with captured stdout and stderr, the real AWS SDK client
 * against the fake ECR, and an injected clock and sleep so no test really waits.
 */
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { FLAGS, flagWording, helpText, inputReader, parseFlags } from '../src/cli/flags.js'
import { type CliOptions, main } from '../src/cli/main.js'
import { planOutputs } from '../src/cli/outputs.js'
import { ProgressLog } from '../src/cli/progress.js'
import { readConfig } from '../src/config/inputs.js'
import { type FakeEcrScenario, startFakeEcr } from './support/fake-ecr.js'
import { expectValidJunit } from './support/junit-schema.js'
import { FAKE_AWS_ENV } from './support/aws-env.js'

const SAMPLE = JSON.parse(
  await readFile(new URL('./fixtures/sample-image.json', import.meta.url), 'utf8')
) as FakeEcrScenario
const IMAGE = SAMPLE.images[0] as { repository: string; tags: string[] }
const SAMPLE_FLAGS = ['--repository', IMAGE.repository, '--image-tag', IMAGE.tags[0] ?? '']
const ESC = '\u001b'
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

let workDir: string

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'cli-test-'))
  Object.assign(process.env, FAKE_AWS_ENV)
})

interface Capture {
  text: string
  write(text: string): boolean
  isTTY?: boolean
  columns?: number
}

function capture(isTTY = false): Capture {
  return {
    text: '',
    isTTY,
    columns: 100,
    write(text: string) {
      this.text += text
      return true
    }
  }
}

interface CliRun {
  code: number
  stdout: string
  stderr: string
  sleptMs: number
}

async function cli(
  args: string[],
  options: {
    scenario?: FakeEcrScenario
    env?: Record<string, string>
    stdoutTTY?: boolean
    stderrTTY?: boolean
    overrides?: CliOptions
  } = {}
): Promise<CliRun> {
  const ecr = await startFakeEcr(options.scenario ?? SAMPLE)
  const saved = process.env.AWS_ENDPOINT_URL_ECR
  // The SDK reads its endpoint from the process environment, not from main's env.
  process.env.AWS_ENDPOINT_URL_ECR = ecr.url
  const stdout = capture(options.stdoutTTY)
  const stderr = capture(options.stderrTTY)
  let clock = Date.parse('2026-03-01T12:00:00Z')
  let sleptMs = 0
  try {
    const code = await main(
      args,
      { AWS_REGION: 'us-east-1', ...options.env },
      { stdout, stderr },
      {
        now: () => clock,
        sleep: async ms => {
          clock += ms
          sleptMs += ms
        },
        random: () => 1,
        cwd: workDir,
        ...options.overrides
      }
    )
    return { code, stdout: stdout.text, stderr: stderr.text, sleptMs }
  } finally {
    process.env.AWS_ENDPOINT_URL_ECR = saved
    await ecr.close()
  }
}

const failedScan: FakeEcrScenario = {
  images: [
    {
      repository: 'team/api',
      digest: `sha256:${'e'.repeat(64)}`,
      tags: ['v1'],
      scan: { statuses: ['FAILED'], description: 'UnsupportedImageError: unsupported OS' }
    }
  ]
}

describe('ecr-scan-findings (in-process)', () => {
  it('passes with exit code 0 and prints the verdict and the findings table', async () => {
    const run = await cli([...SAMPLE_FLAGS, '--fail-on', 'NONE'])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^PASSED {2}demo\/web-api:v1\.4\.2@sha256:9b2c7e41/)
    expect(run.stdout).toContain('SEVERITY')
    expect(run.stdout).toMatch(/CRITICAL +CVE-2023-38545 +curl/)
    expect(run.stdout).toContain('Findings (40)')
    expect(run.sleptMs).toBeGreaterThan(0)
  })

  it('fails the policy with exit code 1 and names each breach', async () => {
    const run = await cli([...SAMPLE_FLAGS, '--fail-on', 'CRITICAL', '--max-findings', 'HIGH=5'])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^FAILED/)
    expect(run.stdout).toContain('6 findings at CRITICAL or higher (fail-on: CRITICAL, allowed: 0)')
    expect(run.stdout).toContain('11 HIGH findings (max-findings allows 5)')
  })

  it('rejects an unknown flag with exit code 2 and a pointer to --help', async () => {
    const run = await cli([...SAMPLE_FLAGS, '--fail-onn', 'HIGH'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Unknown flag --fail-onn.')
    expect(run.stderr).toContain('--help')
    expect(run.stdout).toBe('')
  })

  it('rejects a bad --fail-on with exit code 2, naming the flag and its options', async () => {
    const run = await cli([...SAMPLE_FLAGS, '--fail-on', 'SEVERE'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      "Invalid --fail-on: 'SEVERE'. Possible options are: CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, NONE."
    )
    expect(run.stderr).not.toContain('input')
  })

  it('names flags, not inputs, when the image is missing', async () => {
    const run = await cli(['--image-tag', 'v1'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Missing flag: --repository')
    expect(run.stderr).toContain('--images')
  })

  it('exits 2 when an image has no verdict', async () => {
    const run = await cli(['--repository', 'team/api', '--image-tag', 'v1'], {
      scenario: failedScan
    })
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/^NO VERDICT/)
    expect(run.stderr).toContain('no verdict for team/api:v1@sha256:eeee')
  })

  it('exits 0 with a warning for a scan that ended without results under --scan-failure warn', async () => {
    const run = await cli(
      ['--repository', 'team/api', '--image-tag', 'v1', '--scan-failure', 'warn'],
      { scenario: failedScan }
    )
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/warning: team\/api:v1@sha256:e+: The scan ended with status FAILED/)
  })

  it('writes the JSON report to --output and keeps the text report on stdout', async () => {
    const path = join(workDir, 'report.json')
    const run = await cli([...SAMPLE_FLAGS, '--format', 'json', '--output', path])
    expect(run.code).toBe(1)
    const report = JSON.parse(await readFile(path, 'utf8'))
    expect(report.reportVersion).toBe(2)
    expect(report.passed).toBe(false)
    expect(report.images[0].image.repository).toBe('demo/web-api')
    expect(report.images[0].findings).toHaveLength(40)
    expect(report.images[0].verdict.passed).toBe(false)
    expect(run.stdout).toMatch(/^FAILED/)
  })

  it('picks the format from the extension and writes several reports at once', async () => {
    const run = await cli([
      ...SAMPLE_FLAGS,
      '-o',
      join(workDir, 'r.sarif'),
      '-o',
      join(workDir, 'r.md'),
      '-o',
      join(workDir, 'r.xml')
    ])
    expect(run.code).toBe(1)
    const sarif = JSON.parse(await readFile(join(workDir, 'r.sarif'), 'utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs).toHaveLength(1)
    expect(await readFile(join(workDir, 'r.md'), 'utf8')).toMatch(/^## ❌ Failed: demo\/web-api/)
    await expectValidJunit(await readFile(join(workDir, 'r.xml'), 'utf8'))
  })

  it('prints JUnit XML that the schema accepts on stdout, with the verdict on stderr', async () => {
    const run = await cli([...SAMPLE_FLAGS, '--format', 'junit', '--max-findings', 'HIGH=5'])
    expect(run.code).toBe(1)
    await expectValidJunit(run.stdout)
    expect(run.stdout).toContain('<testcase name="fail-on HIGH"')
    expect(run.stdout).toContain('<testcase name="max-findings HIGH=5"')
    expect(run.stderr).toContain('Failed: demo/web-api:v1.4.2@sha256:')
  })

  it('prints the job summary Markdown with --format markdown', async () => {
    const run = await cli([...SAMPLE_FLAGS, '--format', 'markdown'])
    expect(run.stdout).toMatch(/^## ❌ Failed: demo\/web-api&#58;v1\.4\.2 breaks/)
  })

  it('prints the PR comment Markdown with --format comment, well under the comment limit', async () => {
    const run = await cli([...SAMPLE_FLAGS, '--format', 'comment', '--comment-max-rows', '3'])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('#### What fails the check')
    expect(run.stdout).toMatch(/3 of \d+ shown/)
    expect(run.stdout.length).toBeLessThan(10_000)
  })

  it('aborts a stalled ECR at --timeout and exits 2 with the timeout, not an error', async () => {
    const started = Date.now()
    const run = await cli([...SAMPLE_FLAGS, '--timeout', '1'], {
      scenario: { ...SAMPLE, stalls: [{ operation: 'DescribeImageScanFindings', times: 10 }] }
    })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('The timeout ran out while waiting for ECR to answer')
    // The SDK waits 20 s per request over 6 attempts: only the run's abort signal ends it this soon.
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('writes no colour with NO_COLOR, even on a terminal', async () => {
    const run = await cli([...SAMPLE_FLAGS], {
      env: { NO_COLOR: '1' },
      stdoutTTY: true,
      stderrTTY: true
    })
    expect(run.stdout).not.toContain(ESC)
    expect(run.stderr).not.toContain(ESC)
  })

  it('colours a terminal, and FORCE_COLOR colours a pipe', async () => {
    expect((await cli(SAMPLE_FLAGS, { stdoutTTY: true })).stdout).toContain(`${ESC}[31m`)
    expect((await cli(SAMPLE_FLAGS)).stdout).not.toContain(ESC)
    expect((await cli(SAMPLE_FLAGS, { env: { FORCE_COLOR: '1' } })).stdout).toContain(ESC)
  })

  it('writes periodic progress lines without a terminal', async () => {
    const scenario: FakeEcrScenario = {
      images: [
        {
          repository: 'team/api',
          digest: `sha256:${'f'.repeat(64)}`,
          tags: ['v1'],
          scan: { statuses: [...Array(12).fill('IN_PROGRESS'), 'COMPLETE'], findings: [] }
        }
      ]
    }
    const run = await cli(['--repository', 'team/api', '--image-tag', 'v1'], {
      scenario,
      overrides: { progressEveryMs: 60_000 }
    })
    expect(run.code).toBe(0)
    const lines = run.stderr.trimEnd().split('\n')
    expect(run.stderr).not.toContain('\r')
    // About 2.5 minutes of polling: a line at the start, one a minute, and the last step.
    expect(run.sleptMs).toBeGreaterThan(120_000)
    expect(lines.length).toBeGreaterThanOrEqual(3)
    expect(lines.length).toBeLessThanOrEqual(5)
    expect(lines[0]).toMatch(/^team\/api:v1: Image: team\/api:v1@sha256:f+ \(us-east-1\) \[0s\]$/)
    expect(lines.at(-1)).toMatch(/^team\/api:v1: Read 0 findings over 1 page\(s\)\. \[2m\d+s\]$/)
  })

  it('rewrites one progress line in place on a terminal', async () => {
    const run = await cli(SAMPLE_FLAGS, { env: { NO_COLOR: '1' }, stderrTTY: true })
    expect(run.stderr.split('\r').length).toBeGreaterThan(3)
    expect(run.stderr).not.toContain('\n')
    // Cleared at the end, so the report starts on a clean line.
    expect(run.stderr).toMatch(/\r +\r$/)
  })

  it('neutralises control characters from ECR in the terminal report', async () => {
    const scenario: FakeEcrScenario = {
      images: [
        {
          repository: 'team/api',
          digest: `sha256:${'9'.repeat(64)}`,
          tags: ['v1'],
          scan: {
            findings: [
              {
                name: `CVE-2024-1${ESC}]0;pwned\u0007`,
                severity: 'HIGH',
                attributes: [{ key: 'package_name', value: `evil${ESC}[2J` }]
              }
            ]
          }
        }
      ]
    }
    const run = await cli(['--repository', 'team/api', '--image-tag', 'v1'], { scenario })
    expect(run.stdout).not.toContain(ESC)
    expect(run.stdout).toContain('evil\ufffd[2J')
  })

  it('cuts a long cell of the findings table between characters, never inside an emoji', async () => {
    const scenario: FakeEcrScenario = {
      images: [
        {
          repository: 'team/api',
          digest: `sha256:${'7'.repeat(64)}`,
          tags: ['v1'],
          scan: { findings: [{ name: `${'A'.repeat(46)}😀${'B'.repeat(10)}`, severity: 'HIGH' }] }
        }
      ]
    }
    const run = await cli(['--repository', 'team/api', '--image-tag', 'v1'], { scenario })
    expect(run.stdout).not.toMatch(LONE_SURROGATE)
    expect(run.stdout).toContain(`${'A'.repeat(46)}😀…`)
  })

  it('cuts the progress line on a terminal between characters, never inside an emoji', () => {
    const stderr = capture(true)
    const progress = new ProgressLog(stderr, 1, { now: () => 0, verbose: false })
    // `team/api:v1: ` and 84 letters fill the line up to the emoji; 98 characters fit before `…`.
    progress.open('team/api:v1').info(`${'A'.repeat(84)}😀${'B'.repeat(20)}`)
    expect(stderr.text).not.toMatch(LONE_SURROGATE)
    expect(stderr.text).toBe(`\rteam/api:v1: ${'A'.repeat(84)}😀…`)
  })

  it('keeps workflow commands in ECR text from being obeyed when it runs in a GitHub job', async () => {
    const scenario: FakeEcrScenario = {
      images: [
        {
          repository: 'team/api',
          digest: `sha256:${'8'.repeat(64)}`,
          tags: ['v1'],
          scan: {
            findings: [
              {
                name: '::add-mask::CVE-2024-2',
                severity: 'HIGH',
                description: 'see ##[set-output name=passed;]true',
                attributes: [{ key: 'package_name', value: 'x##[set-output name=passed;]true' }]
              }
            ]
          }
        }
      ]
    }
    const run = await cli(['--repository', 'team/api', '--image-tag', 'v1', '--verbose'], {
      scenario
    })
    for (const line of `${run.stdout}\n${run.stderr}`.split('\n')) {
      expect(line.trimStart().startsWith('::')).toBe(false)
      expect(line).not.toContain('##[')
    }
    expect(run.stdout.replace(/\u200B/g, '')).toContain('::add-mask::CVE-2024-2')
    expect(run.stdout.replace(/\u200B/g, '')).toContain('x##[set-output')
  })

  it('refuses formats and outputs that cannot be paired', async () => {
    const run = await cli([...SAMPLE_FLAGS, '--format', 'json', '--format', 'sarif'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('give each format an --output')
    const unknown = await cli([...SAMPLE_FLAGS, '-o', join(workDir, 'report.html')])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Cannot tell the format')
  })

  it('names the flag, never the input, in every input error', async () => {
    // A bad value for each flag that stands for an input; --dockerfile takes any path.
    const bad: Record<string, string[]> = {
      repository: ['--repository', 'Team/API', '--image-tag', 'v1'],
      'image-tag': ['--repository', 'team/api', '--image-tag', '-v1'],
      'image-digest': ['--repository', 'team/api', '--image-digest', 'sha256:abc'],
      images: ['--images', 'team/api'],
      'registry-id': [...SAMPLE_FLAGS, '--registry-id', '123'],
      region: [...SAMPLE_FLAGS, '--region', 'Mars'],
      timeout: [...SAMPLE_FLAGS, '--timeout', 'soon'],
      'settle-interval': [...SAMPLE_FLAGS, '--settle-interval', 'soon'],
      'scan-failure': [...SAMPLE_FLAGS, '--scan-failure', 'maybe'],
      'fail-on': [...SAMPLE_FLAGS, '--fail-on', 'SEVERE'],
      'max-findings': [...SAMPLE_FLAGS, '--max-findings', 'SEVERE=1'],
      'ignore-file': [...SAMPLE_FLAGS, '--ignore-file', join(workDir, 'missing.yml')],
      ignore: [...SAMPLE_FLAGS, '--ignore', '[{reason: no id}]'],
      'min-cvss': [...SAMPLE_FLAGS, '--min-cvss', '11'],
      'fail-on-kev': [...SAMPLE_FLAGS, '--fail-on-kev'],
      'min-epss': [...SAMPLE_FLAGS, '--min-epss', '0.1'],
      enrich: [...SAMPLE_FLAGS, '--enrich', 'epss'],
      baseline: [...SAMPLE_FLAGS, '--baseline', 'a b'],
      'max-concurrency': [...SAMPLE_FLAGS, '--max-concurrency', '0'],
      'comment-max-rows': [...SAMPLE_FLAGS, '--comment-max-rows', '0']
    }
    const anyValue = ['dockerfile']
    const checkable = FLAGS.filter(flag => flag.input && !anyValue.includes(flag.name))
    const booleans = checkable.filter(flag => flag.type === 'boolean' && !(flag.name in bad))
    expect(Object.keys(bad).sort()).toEqual(
      checkable
        .filter(flag => !booleans.includes(flag))
        .map(flag => flag.name)
        .sort()
    )
    const problems: string[] = []
    for (const [name, args] of Object.entries(bad)) {
      const { code, stderr } = await cli(args)
      if (code !== 2 || !stderr.includes(`--${name}`) || /\binputs?\b|'[a-z-]+: true'/.test(stderr))
        problems.push(`--${name} (exit ${code}): ${stderr}`)
    }
    expect(problems).toEqual([])
  })

  it('words the enrichment requirement with flags', async () => {
    const kev = await cli([...SAMPLE_FLAGS, '--fail-on-kev'])
    expect(kev.code).toBe(2)
    expect(kev.stderr).toBe(
      "ecr-scan-findings: --fail-on-kev needs EPSS and KEV data from Amazon Inspector: set --enrich to 'inspector' (enhanced scanning only), or leave it out.\n"
    )
    const both = await cli([...SAMPLE_FLAGS, '--fail-on-kev', '--min-epss', '0.3'])
    expect(both.stderr).toBe(
      "ecr-scan-findings: --fail-on-kev and --min-epss need EPSS and KEV data from Amazon Inspector: set --enrich to 'inspector' (enhanced scanning only), or leave them out.\n"
    )
  })

  it('gives command-line advice for a missing or bad region', async () => {
    const missing = await cli(SAMPLE_FLAGS, { env: { AWS_REGION: '' } })
    expect(missing.code).toBe(2)
    expect(missing.stderr).toBe(
      'ecr-scan-findings: No AWS region: give --region, or set AWS_REGION or AWS_DEFAULT_REGION in the environment.\n'
    )
    const bad = await cli(SAMPLE_FLAGS, { env: { AWS_REGION: 'eu_west_1' } })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toBe(
      "ecr-scan-findings: Invalid AWS_REGION 'eu_west_1': expected an AWS region such as us-east-1. Fix AWS_REGION in the environment, or give --region.\n"
    )
    expect(`${missing.stderr}${bad.stderr}`).not.toContain('configure-aws-credentials')
  })

  it('reads --settle-interval as the settle-interval input', () => {
    const read = (args: string[]) =>
      readConfig(inputReader(parseFlags([...SAMPLE_FLAGS, ...args]).values), {
        AWS_REGION: 'us-east-1'
      }).settleIntervalMs
    expect(read([])).toBe(15_000)
    expect(read(['--settle-interval', '0'])).toBe(0)
    expect(read(['--settle-interval', '1m'])).toBe(60_000)
  })

  it('prints --help and --version', async () => {
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    for (const flag of FLAGS) expect(help.stdout).toContain(`--${flag.name}`)
    expect(help.stdout).toContain('Exit codes:')
    const version = await cli(['--version'])
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/)
  })
})

describe('SARIF past 20 images, as the Action writes it', () => {
  const scanned = (repository: string, index: number, statuses: string[]) => ({
    repository,
    digest: `sha256:${index.toString(16).padStart(64, '0')}`,
    tags: ['v1'],
    scan: { statuses, findings: [] }
  })
  const sarifStep = (repositories: string[], failed: (repository: string) => boolean) => {
    const path = join(
      workDir,
      `folded-${repositories.length}-${repositories.filter(failed).length}.sarif`
    )
    const scenario: FakeEcrScenario = {
      images: repositories.map((repository, index) =>
        scanned(repository, index + 1, failed(repository) ? ['FAILED'] : ['COMPLETE'])
      )
    }
    const images = repositories.map(repository => `${repository}:v1`).join('\n')
    return {
      path,
      run: cli(['--images', images, '--scan-failure', 'warn', '-o', path], { scenario })
    }
  }

  it('writes no file when every folded group holds an image without a verdict, and says why', async () => {
    // The Action's case: the one judged image shares its group with a failed scan. A file
    // without runs is rejected by code scanning; docs/cli.md says none is written.
    const failed = Array.from({ length: 20 }, (_, index) => `team/failed-${index}`)
    const { path, run } = sarifStep(['team/judged', ...failed], repository =>
      repository.startsWith('team/failed-')
    )
    const { code, stderr } = await run
    expect(code).toBe(0)
    expect(existsSync(path)).toBe(false)
    expect(stderr).toContain(
      'warning: SARIF report not written: each group of images it would hold has one without a verdict, so code scanning keeps its alerts as they were until a run judges them all.'
    )
  })

  it('prints the notice of a folded group left out, as the Action logs it', async () => {
    const judged = Array.from({ length: 20 }, (_, index) => `team/judged-${index}`)
    const { path, run } = sarifStep(
      ['team/failed', ...judged],
      repository => repository === 'team/failed'
    )
    const { code, stderr } = await run
    expect(code).toBe(0)
    const sarif = JSON.parse(await readFile(path, 'utf8'))
    expect(sarif.runs.length).toBeGreaterThan(0)
    expect(stderr).toMatch(
      /warning: SARIF \(ecr-scan-findings\/group-\d+\/\): ecr-scan-findings\/group-\d+\/ is left out of this file because team\/failed:v1 has no verdict/
    )
  })
})

describe('flags', () => {
  const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }

  it('mirror action inputs, with the defaults action.yml declares', () => {
    const mirrored = FLAGS.filter(entry => entry.input)
    expect(mirrored.length).toBeGreaterThan(20)
    // Defaults the environment supplies are described in --help, not given as a value.
    const described = new Map(
      FLAGS.filter(entry => /^[A-Z_]+, else /.test(entry.default ?? '')).map(entry => [
        entry.name,
        entry.default
      ])
    )
    expect([...described.keys()]).toEqual(['region'])
    for (const flag of mirrored) {
      const input = action.inputs[flag.input ?? '']
      expect(input).toBeDefined()
      const declared = input?.default ?? ''
      if (flag.type === 'boolean') expect([declared, flag.default]).toEqual(['false', 'off'])
      else if (!described.has(flag.name)) expect(flag.default ?? '').toBe(declared)
    }
  })

  it('cover every action input, but for a few that only make sense on GitHub', () => {
    // Inputs without a flag, and why. Add a flag for a new input, or a reason here.
    const withoutFlag: Record<string, string> = {
      'json-report': '--format json --output PATH writes the JSON report',
      'sarif-report': '--format sarif --output PATH writes the SARIF file',
      comment: 'posts the PR comment; --format comment prints it instead',
      'comment-key': "the PR comment's marker; nothing is posted from the command line",
      'pr-number': 'the pull request to comment on',
      'github-token': 'the token for the PR comment'
    }
    const flagged = new Set(FLAGS.map(flag => flag.input).filter(Boolean))
    const missing = Object.keys(action.inputs).filter(
      name => !flagged.has(name as never) && !(name in withoutFlag)
    )
    expect(missing).toEqual([])
    for (const name of Object.keys(withoutFlag)) {
      expect({ name, declared: name in action.inputs }).toEqual({ name, declared: true })
      expect({ name, flagged: flagged.has(name as never) }).toEqual({ name, flagged: false })
    }
  })

  it('count --fail-on-kev and --fail-on-exploit as policy failures (exit code 1)', () => {
    const exitOne = helpText('9.9.9')
      .split('\n')
      .find(line => line.startsWith('  1  '))
    expect(exitOne).toContain('--fail-on-exploit')
    expect(exitOne).toContain('--fail-on-kev')
  })

  it('have help text generated from the table, with every default', () => {
    const help = helpText('9.9.9')
    for (const flag of FLAGS.filter(entry => entry.default))
      expect(help.replace(/\s+/g, ' ')).toContain(`(default: ${flag.default})`)
  })

  it('word readConfig messages for the command line', () => {
    expect(
      flagWording("Invalid input 'min-cvss': '11'. Use a CVSS score from 0 to 10, e.g. 7.0.")
    ).toBe("Invalid --min-cvss: '11'. Use a CVSS score from 0 to 10, e.g. 7.0.")
    expect(flagWording("No AWS region: set the 'region' input, or AWS_REGION.")).toBe(
      'No AWS region: set --region, or AWS_REGION.'
    )
    // A value that happens to be a flag's name stays as written.
    expect(flagWording("Invalid input 'fail-on': 'timeout'.")).toBe("Invalid --fail-on: 'timeout'.")
  })
})

describe('planOutputs', () => {
  it('sends the text report to stdout unless another report goes there', () => {
    expect(planOutputs([], [])).toEqual([{ format: 'text' }])
    expect(planOutputs(['json'], [])).toEqual([{ format: 'json' }])
    expect(planOutputs([], ['a.json'])).toEqual([
      { format: 'json', path: 'a.json' },
      { format: 'text' }
    ])
    expect(planOutputs(['junit', 'json'], ['-', 'x'])).toEqual([
      { format: 'junit' },
      { format: 'json', path: 'x' }
    ])
    expect(planOutputs([], ['a.sarif.json'])[0]).toEqual({ format: 'sarif', path: 'a.sarif.json' })
  })

  it('refuses mismatched counts, two reports on stdout and a path given twice', () => {
    expect(() => planOutputs(['json'], ['a.json', 'b.json'])).toThrow('one --format per --output')
    expect(() => planOutputs(['json', 'sarif'], ['-', '-'])).toThrow('stdout')
    expect(() => planOutputs([], ['a.json', 'a.json'])).toThrow('more than once')
  })
})
