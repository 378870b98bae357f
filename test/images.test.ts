import type { FindingSeverity, ImageScanFinding } from '@aws-sdk/client-ecr'
/**
 * Image indexes, several images and baselines, end to end: the step in-process with the real AWS
 * SDK and octokit over HTTP against the fake ECR and GitHub, with an injected clock and sleep.
 */
import {
  type FakeEcr,
  type FakeEcrScenario,
  type FakeImage,
  type FakeScan
} from './support/fake-ecr.js'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { actionStep, decodeEntities } from './support/step.js'
import { basicFindings } from './support/findings-factory.js'

const REPOSITORY = 'team/web-api'
const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
/** What the single-image inputs would be left at when `images` is used. */
const NO_SINGLE_IMAGE = { repository: '', 'image-tag': '' }

const digest = (seed: string) => `sha256:${seed.repeat(64).slice(0, 64)}`

const harness = actionStep({ repository: REPOSITORY, 'image-tag': 'v1' })

/** The step, with the summary as a browser shows it (numeric entities decoded). */
async function step(scenario: FakeEcrScenario, inputs: Record<string, string> = {}) {
  const result = await harness.step(scenario, inputs)
  return { ...result, summary: decodeEntities(result.summary) }
}

function finding(
  id: string,
  severity: FindingSeverity,
  packageName: string,
  version = '1.0'
): ImageScanFinding {
  return {
    name: id,
    severity,
    attributes: [
      { key: 'package_name', value: packageName },
      { key: 'package_version', value: version }
    ]
  }
}

const complete = (findings: ImageScanFinding[] = []): FakeScan => ({
  statuses: ['COMPLETE'],
  findings
})

/** The summary's table row (one line) that mentions every given text. */
/** Table rows holding every text; ids are shown with non-breaking hyphens, read as plain ones. */
function rowsWith(summary: string, ...texts: string[]): string[] {
  return summary
    .replace(/\u2011/g, '-')
    .split('\n')
    .filter(line => line.startsWith('|') && texts.every(t => line.includes(t)))
}

/** The scan calls (wait, read, start) of a step, with what each one hit. */
function scanCalls(ecr: FakeEcr) {
  return ecr.calls.filter(call =>
    ['DescribeImageScanFindings', 'StartImageScan'].includes(call.operation)
  )
}

describe('image indexes', () => {
  const INDEX = digest('1')
  const AMD64 = digest('2')

  it.each([
    ['an OCI image index (buildx)', undefined],
    ['a Docker manifest list', DOCKER_MANIFEST_LIST]
  ])(
    'judges the one platform image of %s with an attestation, never scanning the index or the attestation',
    async (_, manifestMediaType) => {
      const findings = basicFindings(7, { severities: { HIGH: 2, MEDIUM: 4, LOW: 1 } })
      const result = await step(
        {
          images: [
            {
              repository: REPOSITORY,
              digest: INDEX,
              tags: ['v1'],
              ...(manifestMediaType ? { manifestMediaType } : {}),
              attestations: true,
              platforms: [{ platform: 'linux/amd64', digest: AMD64, scan: complete(findings) }]
            }
          ]
        },
        { 'fail-on': 'CRITICAL', 'start-scan': 'true' }
      )
      expect(result.failed).toBe(false)
      expect(result.outputs).toMatchObject({
        high: '2',
        medium: '4',
        low: '1',
        critical: '0',
        total: '7',
        passed: 'true',
        'image-digest': INDEX
      })
      const scans = scanCalls(result.ecr)
      expect(scans.length).toBeGreaterThan(0)
      expect(scans.filter(call => call.imageKind !== 'image')).toEqual([])
      expect(new Set(scans.map(call => call.imageDigest))).toEqual(new Set([AMD64]))
      expect(result.summary).toContain('linux/amd64')
    }
  )

  describe('a platform without a trustworthy result', () => {
    const scenario = (): FakeEcrScenario => ({
      images: [
        {
          repository: REPOSITORY,
          digest: INDEX,
          tags: ['v1'],
          platforms: [
            {
              platform: 'linux/amd64',
              digest: AMD64,
              scan: {
                statuses: ['PENDING', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETE'],
                findings: basicFindings(3, { severities: { LOW: 3 } })
              }
            },
            {
              platform: 'linux/arm64',
              digest: digest('3'),
              scan: { statuses: ['UNSUPPORTED_IMAGE'] }
            }
          ]
        }
      ]
    })

    it('leaves the image without a verdict and names the platform in the failure', async () => {
      const result = await step(scenario())
      expect(result.failed).toBe(true)
      expect(result.log).toMatch(/::error::.*linux\/arm64.*UNSUPPORTED_IMAGE/)
      expect(result.outputs).toMatchObject({ passed: '', total: '', low: '' })
      // The slow platform was still waited for through its IN_PROGRESS polls.
      const amd64Polls = scanCalls(result.ecr).filter(call => call.imageDigest === AMD64)
      expect(amd64Polls.length).toBeGreaterThanOrEqual(5)
      expect(result.summary).toContain('linux/arm64')
    })

    it('only warns with scan-failure: warn', async () => {
      const result = await step(scenario(), { 'scan-failure': 'warn' })
      expect(result.failed).toBe(false)
      expect(result.log).toMatch(/::warning::.*linux\/arm64.*UNSUPPORTED_IMAGE/)
      expect(result.log).not.toContain('::error::')
      expect(result.outputs.passed).toBe('')
    })
  })

  it('merges the same vulnerability in the same package across platforms into one row, and keeps different packages apart', async () => {
    const result = await step(
      {
        images: [
          {
            repository: REPOSITORY,
            digest: INDEX,
            tags: ['v1'],
            platforms: [
              {
                platform: 'linux/amd64',
                digest: AMD64,
                scan: complete([
                  finding('CVE-2024-1000', 'HIGH', 'openssl', '3.0.11'),
                  finding('CVE-2024-2000', 'MEDIUM', 'openssl', '3.0.11'),
                  finding('CVE-2024-3000', 'LOW', 'zlib')
                ])
              },
              {
                platform: 'linux/arm64',
                digest: digest('3'),
                scan: complete([
                  finding('CVE-2024-1000', 'HIGH', 'openssl', '3.0.11'),
                  finding('CVE-2024-2000', 'MEDIUM', 'libssl3', '3.0.11')
                ])
              }
            ]
          }
        ]
      },
      { 'fail-on': 'CRITICAL' }
    )
    expect(result.failed).toBe(false)
    expect(result.outputs).toMatchObject({
      critical: '0',
      high: '1',
      medium: '2',
      low: '1',
      total: '4',
      passed: 'true'
    })
    const shared = rowsWith(result.summary, 'CVE-2024-1000')
    expect(shared).toHaveLength(1)
    expect(shared[0]).toContain('linux/amd64, linux/arm64')
    const split = rowsWith(result.summary, 'CVE-2024-2000')
    expect(split).toHaveLength(2)
    expect(rowsWith(result.summary, 'CVE-2024-2000', 'openssl', 'linux/amd64')).toHaveLength(1)
    expect(rowsWith(result.summary, 'CVE-2024-2000', 'libssl3', 'linux/arm64')).toHaveLength(1)
    expect(rowsWith(result.summary, 'CVE-2024-2000', 'linux/amd64, linux/arm64')).toHaveLength(0)
    // The platforms list shows each platform's own counts, before the merge.
    expect(result.summary).toMatch(/Platform linux\/amd64:.*1 HIGH, 1 MEDIUM, 1 LOW/)
    expect(result.summary).toMatch(/Platform linux\/arm64:.*1 HIGH, 1 MEDIUM/)
  })

  it('counts a one-platform index exactly as the plain image, a finding ECR lists twice included', async () => {
    const findings = [
      finding('CVE-2024-1000', 'HIGH', 'openssl', '3.0.11'),
      finding('CVE-2024-1000', 'HIGH', 'openssl', '3.0.11'),
      finding('CVE-2024-1000', 'HIGH', 'openssl', '1.1.1w'),
      finding('CVE-2024-3000', 'LOW', 'zlib')
    ]
    const inputs = { 'fail-on': 'CRITICAL', 'max-findings': 'HIGH=2' }
    const plain = await step(
      {
        images: [{ repository: REPOSITORY, digest: AMD64, tags: ['v1'], scan: complete(findings) }]
      },
      inputs
    )
    const indexed = await step(
      {
        images: [
          {
            repository: REPOSITORY,
            digest: INDEX,
            tags: ['v1'],
            platforms: [{ platform: 'linux/amd64', digest: AMD64, scan: complete(findings) }]
          }
        ]
      },
      inputs
    )
    expect(plain.outputs).toMatchObject({ high: '3', low: '1', total: '4', passed: 'false' })
    const counts = ['critical', 'high', 'medium', 'low', 'total', 'passed'] as const
    for (const output of counts) expect(indexed.outputs[output]).toBe(plain.outputs[output])
    expect(indexed.failed).toBe(true)
    expect(rowsWith(indexed.summary, 'CVE-2024-1000')).toHaveLength(3)
    expect(rowsWith(indexed.summary, 'linux/amd64, linux/amd64')).toHaveLength(0)
  })
})

describe('several images', () => {
  const WEB = digest('a')
  const WORKER = digest('b')
  const EU = digest('c')
  const EU_URI = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/eu-app:v1'

  function scenario(workerScan: FakeScan): FakeEcrScenario {
    return {
      images: [
        {
          repository: REPOSITORY,
          digest: WEB,
          tags: ['v1'],
          region: 'us-east-1',
          scan: complete(basicFindings(4, { severities: { MEDIUM: 3, LOW: 1 } }))
        },
        {
          repository: 'team/worker',
          digest: WORKER,
          tags: ['slow'],
          region: 'us-east-1',
          scan: workerScan
        },
        {
          repository: 'team/eu-app',
          digest: EU,
          tags: ['v1'],
          region: 'eu-west-1',
          scan: complete(basicFindings(2, { severities: { HIGH: 1, LOW: 1 } }))
        }
      ]
    }
  }
  const images = ['team/web-api:v1', 'team/worker:slow', EU_URI].join('\n')

  it('judges every image, in its own region, and sums the outputs', async () => {
    const result = await step(
      scenario({
        statuses: ['PENDING', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETE'],
        findings: basicFindings(5, { severities: { MEDIUM: 5 } })
      }),
      { ...NO_SINGLE_IMAGE, images, 'fail-on': 'CRITICAL' }
    )
    expect(result.failed).toBe(false)
    expect(result.outputs).toMatchObject({
      high: '1',
      medium: '8',
      low: '2',
      total: '11',
      passed: 'true'
    })
    expect(result.summary).toMatch(/^## ✅ Passed: 3 images/)
    expect(result.summary).toContain('| Image | Platforms | Scan status | Findings | Verdict |')
    for (const reference of ['team/web-api:v1', 'team/worker:slow', EU_URI])
      expect(rowsWith(result.summary, `| ${reference} |`, '✅ passed')).toHaveLength(1)
    // The full URI is read in its own region; the others in the default one.
    const euCalls = result.ecr.calls.filter(call => call.imageDigest === EU)
    expect(euCalls.length).toBeGreaterThan(0)
    expect(euCalls.every(call => call.region === 'eu-west-1')).toBe(true)
    const others = result.ecr.calls.filter(call => call.imageDigest !== EU)
    expect(others.every(call => call.region === 'us-east-1')).toBe(true)
    expect(
      result.ecr.calls.filter(
        call => call.operation === 'DescribeImageScanFindings' && call.imageDigest === WORKER
      ).length
    ).toBeGreaterThanOrEqual(4)
  })

  it('writes each set of images its own default JSON report, even when two sets start alike', async () => {
    const all = await step(scenario(complete()), { ...NO_SINGLE_IMAGE, images })
    const fewer = ['team/web-api:v1', 'team/worker:slow'].join('\n')
    const some = await step(scenario(complete()), { ...NO_SINGLE_IMAGE, images: fewer })
    const again = await step(scenario(complete()), { ...NO_SINGLE_IMAGE, images })
    expect(all.outputs['json-report']).toMatch(/3-images-[0-9a-f]{12}\.json$/)
    expect(some.outputs['json-report']).toMatch(/2-images-[0-9a-f]{12}\.json$/)
    expect(some.outputs['json-report']).not.toBe(all.outputs['json-report'])
    expect(again.outputs['json-report']).toBe(all.outputs['json-report'])
  })

  it('fails when one image fails, naming that image', async () => {
    const result = await step(
      scenario(complete(basicFindings(2, { severities: { CRITICAL: 2 } }))),
      { ...NO_SINGLE_IMAGE, images, 'fail-on': 'CRITICAL' }
    )
    expect(result.failed).toBe(true)
    const errors = result.log.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain(`Policy failed for team/worker:slow@${WORKER}`)
    expect(result.outputs).toMatchObject({ critical: '2', high: '1', total: '8', passed: 'false' })
    expect(result.summary).toMatch(/^## ❌ 1 of 3 images failed or have no verdict/)
    expect(rowsWith(result.summary, '| team/worker:slow |', '❌ failed')).toHaveLength(1)
  })

  it('fails when one image has no verdict, naming that image, and leaves the counts empty', async () => {
    const result = await step(scenario({ statuses: ['FAILED'] }), {
      ...NO_SINGLE_IMAGE,
      images,
      'fail-on': 'CRITICAL'
    })
    expect(result.failed).toBe(true)
    expect(result.log).toContain(
      `::error::team/worker:slow@${WORKER}: The scan ended with status FAILED`
    )
    expect(result.outputs).toMatchObject({ total: '', passed: '' })
    expect(rowsWith(result.summary, '| team/worker:slow |', 'no verdict')).toHaveLength(1)
    expect(rowsWith(result.summary, `| ${EU_URI} |`, '✅ passed')).toHaveLength(1)
  })

  it('reads 20 images of two platforms each through scripted throttling', async () => {
    const count = 20
    const fakeImages: FakeImage[] = Array.from({ length: count }, (_, index) => {
      const name = `team/svc-${String(index).padStart(2, '0')}`
      return {
        repository: name,
        digest: digest((index + 10).toString(16)),
        tags: ['v1'],
        attestations: true,
        platforms: ['linux/amd64', 'linux/arm64'].map(platform => ({
          platform,
          scan: {
            statuses: ['IN_PROGRESS', 'COMPLETE'],
            findings: basicFindings(3, { severities: { MEDIUM: 2, LOW: 1 }, seed: index })
          }
        }))
      }
    })
    const references = fakeImages.map(entry => `${entry.repository}:v1`)
    const result = await step(
      { images: fakeImages, throttle: { first: 3 } },
      { ...NO_SINGLE_IMAGE, images: references.join('\n'), 'fail-on': 'HIGH', timeout: '1h' }
    )
    expect(result.log).not.toContain('::error::')
    expect(result.failed).toBe(false)
    // Each platform has the same three findings: merged, three rows an image.
    expect(result.outputs).toMatchObject({
      medium: String(2 * count),
      low: String(count),
      total: String(3 * count),
      passed: 'true'
    })
    expect(result.summary).toMatch(new RegExp(`^## ✅ Passed: ${count} images`))
    for (const reference of references)
      expect(
        rowsWith(result.summary, `| ${reference} |`, 'linux/amd64, linux/arm64', '✅ passed')
      ).toHaveLength(1)
    const throttled = result.ecr.calls.filter(call => call.errorType === 'ThrottlingException')
    expect(throttled.length).toBeGreaterThan(0)
    // A throttled request is refused before it is resolved, so only answered calls name a kind.
    const scans = scanCalls(result.ecr).filter(call => call.errorType === undefined)
    expect(scans.filter(call => call.imageKind !== 'image')).toEqual([])
    // Every platform image was read to COMPLETE (two answered polls at least).
    const answered = scans.filter(call => call.status === 200)
    expect(new Set(answered.map(call => call.imageDigest)).size).toBe(2 * count)
  }, 60_000)
})

describe('baseline', () => {
  const V2 = digest('d')
  const V1 = digest('e')
  const A = finding('CVE-2024-0001', 'HIGH', 'openssl')
  const B = finding('CVE-2024-0002', 'MEDIUM', 'zlib')
  const C = finding('CVE-2024-0003', 'HIGH', 'curl')
  const D = finding('CVE-2024-0004', 'LOW', 'tar')

  function scenario(image: ImageScanFinding[], baseline: ImageScanFinding[]): FakeEcrScenario {
    return {
      images: [
        { repository: REPOSITORY, digest: V2, tags: ['v2'], scan: complete(image) },
        { repository: REPOSITORY, digest: V1, tags: ['main'], scan: complete(baseline) }
      ]
    }
  }

  it('counts new, fixed and unchanged findings against a tag in the same repository', async () => {
    const result = await step(scenario([A, B, C], [A, B, D]), {
      'image-tag': 'v2',
      baseline: 'main',
      'fail-on': 'CRITICAL'
    })
    expect(result.failed).toBe(false)
    expect(result.outputs).toMatchObject({ high: '2', medium: '1', total: '3', passed: 'true' })
    // The diff is in the log; the summary line "N new, M fixed, K unchanged" is not asserted here:
    // imageReport (src/core/results.ts) does not pass the diff on to the report yet.
    expect(result.log).toContain(`Against ${REPOSITORY}:main@${V1}: 1 new, 1 fixed, 2 unchanged.`)
    expect(result.ecr.calls.some(call => call.imageDigest === V1)).toBe(true)
  })

  it('warns when the baseline cannot be found and judges every finding', async () => {
    const result = await step(scenario([A, B, C], [A, B, D]), {
      'image-tag': 'v2',
      baseline: 'no-such-tag',
      'only-new': 'true'
    })
    expect(result.log).toMatch(/::warning::Baseline team\/web-api:no-such-tag could not be read/)
    expect(result.failed).toBe(true)
    expect(result.log).toContain('2 findings at HIGH or higher')
    expect(result.outputs).toMatchObject({
      high: '2',
      total: '3',
      'found-total': '3',
      passed: 'false'
    })
    expect(result.log).not.toMatch(/\d+ fixed, \d+ unchanged/)
  })

  it('passes with only-new when the only HIGH findings are unchanged', async () => {
    const inputs = { 'image-tag': 'v2', baseline: 'main', 'only-new': 'true' }
    const result = await step(scenario([A, B], [A, B, D]), inputs)
    expect(result.failed).toBe(false)
    // The counts are what the verdict judged: only-new set the unchanged findings aside.
    expect(result.outputs).toMatchObject({
      high: '0',
      total: '0',
      'found-total': '2',
      new: '0',
      fixed: '1',
      unchanged: '2',
      passed: 'true'
    })
    expect(result.summary).toContain('**0 new**, 1 fixed, 2 unchanged.')
    expect(result.log).toContain(`Against ${REPOSITORY}:main@${V1}: 0 new, 1 fixed, 2 unchanged.`)
    // Without only-new the same unchanged HIGH fails.
    const all = await step(scenario([A, B], [A, B, D]), { ...inputs, 'only-new': 'false' })
    expect(all.failed).toBe(true)
  })

  it('fails with only-new on a new HIGH finding, counting only it', async () => {
    const result = await step(scenario([A, B, C], [A, B, D]), {
      'image-tag': 'v2',
      baseline: 'main',
      'only-new': 'true'
    })
    expect(result.failed).toBe(true)
    expect(result.log).toMatch(
      /::error::Policy failed for team\/web-api:v2@.*1 finding at HIGH or higher/
    )
    expect(result.outputs).toMatchObject({
      high: '1',
      total: '1',
      'found-total': '3',
      passed: 'false'
    })
  })
})

describe('baseline in another region', () => {
  it('reads a baseline given as a full URI in its own region', async () => {
    const A = finding('CVE-2024-0001', 'HIGH', 'openssl')
    const B = finding('CVE-2024-0002', 'HIGH', 'curl')
    const BASE = digest('9')
    const result = await step(
      {
        images: [
          {
            repository: REPOSITORY,
            digest: digest('8'),
            tags: ['v2'],
            region: 'us-east-1',
            scan: complete([A, B])
          },
          {
            repository: 'team/golden',
            digest: BASE,
            tags: ['main'],
            region: 'eu-west-1',
            scan: complete([A])
          }
        ]
      },
      {
        'image-tag': 'v2',
        baseline: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/golden:main',
        'only-new': 'true'
      }
    )
    expect(result.log).not.toContain('::warning::')
    expect(result.log).toContain(`: 1 new, 0 fixed, 1 unchanged.`)
    const baselineCalls = result.ecr.calls.filter(call => call.imageDigest === BASE)
    expect(baselineCalls.length).toBeGreaterThan(0)
    expect(baselineCalls.every(call => call.region === 'eu-west-1')).toBe(true)
    expect(result.failed).toBe(true)
    expect(result.log).toContain('1 finding at HIGH or higher')
  })
})

describe('SARIF for more images than code scanning takes runs', () => {
  it('writes no file when every group of images holds one without a verdict, and says so', async () => {
    // 21 images fold into groups; the one judged image shares its group with a failed scan, so
    // no group is complete. An upload with no runs is rejected, and a partial group would mark
    // the failed image's alerts fixed.
    const failed = Array.from({ length: 20 }, (_, index) => `team/failed-${index}`)
    const sarifPath = join(harness.workDir(), 'folded.sarif')
    const result = await step(
      {
        images: [
          { repository: 'team/judged', digest: digest('1'), tags: ['v1'], scan: complete() },
          ...failed.map((repository, index) => ({
            repository,
            digest: digest(index.toString(16)),
            tags: ['v1'],
            scan: { statuses: ['FAILED'] }
          }))
        ]
      },
      {
        ...NO_SINGLE_IMAGE,
        images: ['team/judged', ...failed].map(repository => `${repository}:v1`).join('\n'),
        'sarif-report': sarifPath,
        'scan-failure': 'warn'
      }
    )
    expect(result.log).toMatch(/::warning::SARIF report not written: .*without a verdict/)
    expect(result.outputs['sarif-report']).toBeUndefined()
    expect(existsSync(sarifPath)).toBe(false)
  })
})

describe('one baseline for several images', () => {
  it('reads a baseline the images share once, and compares every image with it', async () => {
    const A = finding('CVE-2024-0001', 'HIGH', 'openssl')
    const B = finding('CVE-2024-0002', 'HIGH', 'curl')
    const GOLDEN = digest('7')
    const services = ['team/web-api', 'team/worker', 'team/cron']
    const result = await step(
      {
        images: [
          ...services.map((repository, index) => ({
            repository,
            digest: digest(String(index + 1)),
            tags: ['v2'],
            scan: complete([A, B])
          })),
          { repository: 'team/golden', digest: GOLDEN, tags: ['main'], scan: complete([A]) }
        ]
      },
      {
        ...NO_SINGLE_IMAGE,
        images: services.map(repository => `${repository}:v2`).join('\n'),
        baseline: 'team/golden:main',
        'fail-on': 'CRITICAL'
      }
    )
    expect(result.failed).toBe(false)
    expect(result.log.match(/: 1 new, 0 fixed, 1 unchanged\./g)).toHaveLength(services.length)
    const baselineReads = result.ecr.calls.filter(
      call => call.operation === 'DescribeImageScanFindings' && call.imageDigest === GOLDEN
    )
    expect(baselineReads).toHaveLength(1)
    expect(
      result.log.match(/Baseline team\/golden:main: already read for another image of this run\./g)
    ).toHaveLength(services.length - 1)
    expect(result.outputs).toMatchObject({ new: '3', unchanged: '3' })
  })
})

describe('the comment for several images', () => {
  const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
  const services = Array.from(
    { length: 20 },
    (_, index) => `team/service-${String(index).padStart(2, '0')}`
  )
  const scenario: FakeEcrScenario = {
    images: services.map((repository, index) => ({
      repository,
      digest: digest((index + 10).toString(16)),
      tags: [SHA],
      scan: complete()
    }))
  }
  const references = services.map(repository => `${repository}:${SHA}`)
  const markerLine = /^<!-- ecr-scan-findings comment images=[0-9a-f]{64}(?: key=\S+)? -->$/
  const ours = (key: string) =>
    harness
      .github()
      .comments.filter(comment => comment.body.split('\n', 1)[0]?.includes(`key=${key}`))

  it('keeps the marker short for twenty images, so nothing fails before the scan', async () => {
    const result = await step(scenario, {
      ...NO_SINGLE_IMAGE,
      images: references.join('\n'),
      comment: 'never'
    })
    expect(result.log).not.toContain('comment-key')
    expect(result.failed).toBe(false)
    expect(result.outputs.passed).toBe('true')
  })

  it('comments under one short marker, found again whatever the order of the images', async () => {
    const inputs = { ...NO_SINGLE_IMAGE, comment: 'always', 'github-token': 'fake-token' }
    const key = 'twenty-services'
    await step(scenario, { ...inputs, images: references.join('\n'), 'comment-key': key })
    const second = await step(scenario, {
      ...inputs,
      images: [...references].reverse().join('\n'),
      'comment-key': key
    })
    expect(second.failed).toBe(false)
    const written = ours(key)
    expect(written).toHaveLength(1)
    expect(written[0]?.body.split('\n', 1)[0]).toMatch(markerLine)
    expect(second.outputs['comment-url']).toBe(written[0]?.htmlUrl)
  })

  it('updates the same comment after a new push retags every image', async () => {
    const NEXT = 'ffeeddccbbaa99887766554433221100ffeeddcc'
    const pushed: FakeEcrScenario = {
      images: scenario.images.map(entry => ({ ...entry, tags: [SHA, NEXT] }))
    }
    const inputs = {
      ...NO_SINGLE_IMAGE,
      comment: 'always',
      'github-token': 'fake-token',
      'comment-key': 'new-push'
    }
    await step(pushed, { ...inputs, images: references.join('\n') })
    await step(pushed, {
      ...inputs,
      images: services.map(repository => `${repository}:${NEXT}`).join('\n')
    })
    expect(ours('new-push')).toHaveLength(1)
  })

  it('still fails on a comment-key too long for the marker, naming it, before calling AWS', async () => {
    const result = await step(scenario, {
      ...NO_SINGLE_IMAGE,
      images: references.join('\n'),
      'comment-key': '漢'.repeat(100)
    })
    expect(result.failed).toBe(true)
    expect(result.log).toContain('::error::comment-key is too long')
    expect(result.ecr.requests).toHaveLength(0)
  })
})

describe('image inputs', () => {
  it('refuses images together with repository before calling AWS', async () => {
    const result = await step(
      { images: [{ repository: REPOSITORY, digest: digest('f'), tags: ['v1'], scan: complete() }] },
      { images: 'team/web-api:v1' }
    )
    expect(result.failed).toBe(true)
    expect(result.log).toContain(
      "::error::Set either 'images' or 'repository' and 'image-tag', not both"
    )
    expect(result.ecr.requests).toHaveLength(0)
  })

  it('names the malformed line of images', async () => {
    const result = await step(
      { images: [{ repository: REPOSITORY, digest: digest('f'), tags: ['v1'], scan: complete() }] },
      { ...NO_SINGLE_IMAGE, images: 'team/web-api:v1\n\nteam/worker:v1:extra' }
    )
    expect(result.failed).toBe(true)
    expect(result.log).toMatch(
      /::error::Invalid input 'images', line 3 \('team\/worker:v1:extra'\)/
    )
    expect(result.ecr.requests).toHaveLength(0)
  })
})
