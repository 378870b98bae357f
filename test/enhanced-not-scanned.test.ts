/**
 * "Scanning not configured" under enhanced scanning, end to end: the step in-process with the real
 * AWS SDK over HTTP against the fake ECR, whose registry scans with Amazon Inspector by rules that
 * do (or do not) match the repository.
 */
import type { FakeEcrScenario, FakeScanningConfiguration } from './support/fake-ecr.js'
import { actionStep } from './support/step.js'

const REPOSITORY = 'team/web'
const DIGEST = `sha256:${'e'.repeat(64)}`

const harness = actionStep({ repository: REPOSITORY, 'image-tag': 'v1', timeout: '10m' })

function enhanced(...filters: string[]): FakeScanningConfiguration {
  return {
    scanType: 'ENHANCED',
    rules: [
      {
        scanFrequency: 'CONTINUOUS_SCAN',
        repositoryFilters: filters.map(filter => ({ filter, filterType: 'WILDCARD' }))
      }
    ]
  }
}

/** An image ECR has no scan for; the repository's own scan-on-push flag is on. */
function scenario(scanningConfiguration: FakeScanningConfiguration): FakeEcrScenario {
  return {
    images: [{ repository: REPOSITORY, digest: DIGEST, tags: ['v1'] }],
    repositories: [{ name: REPOSITORY, scanOnPush: true }],
    scanningConfiguration
  }
}

describe('enhanced scanning whose rules do not match the repository', () => {
  it('fails at once, without waiting, naming the fix (scan on push on the repository does not count)', async () => {
    const result = await harness.step(scenario(enhanced('prod-*', 'team/api')))
    expect(result.failed).toBe(true)
    const errors = result.log.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toEqual([
      `::error::Repository ${REPOSITORY} is not scanned: enhanced scanning is on and no registry scanning rule (scan on push or continuous) matches it. Add a scanning rule that matches it (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html); start-scan cannot start enhanced scans.`
    ])
    expect(result.sleptMs).toBe(0)
    expect(result.ecr.counts).toMatchObject({
      DescribeImageScanFindings: 1,
      GetRegistryScanningConfiguration: 1,
      DescribeRepositories: 1
    })
    expect(result.ecr.counts.StartImageScan).toBeUndefined()
    expect(result.outputs).toMatchObject({ 'scan-status': 'SCAN_NOT_FOUND', passed: '' })
  })

  it('with a rule that matches, keeps waiting for the scan until the timeout instead', async () => {
    const result = await harness.step(scenario(enhanced('prod-*', 'team/*')))
    expect(result.failed).toBe(true)
    expect(result.log).not.toContain('is not scanned')
    expect(result.log).toContain('::error::The scan did not settle within the timeout')
    expect(result.sleptMs).toBe(600_000)
    expect(result.ecr.counts.GetRegistryScanningConfiguration).toBe(1)
    expect(result.ecr.counts.DescribeImageScanFindings).toBeGreaterThan(1)
  })
})
