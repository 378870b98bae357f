import type { ImageScanFinding } from '@aws-sdk/client-ecr'
import { TERMINAL_STATUSES } from '../src/core/scan-status.js'
import { readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FakeEcrScenario } from './support/fake-ecr.js'
import { startFakeGitHub } from './support/fake-github.js'
import { actionStep, decodeEntities } from './support/step.js'
import { basicFindings, enhancedFindings } from './support/findings-factory.js'

const DIGEST = `sha256:${'c'.repeat(64)}`
const REPOSITORY = 'team/web-api'

/** The fake reads this object on every request, so a test can make GitHub refuse writes. */
const githubFailures: NonNullable<Parameters<typeof startFakeGitHub>[0]>['failures'] = {}
const harness = actionStep(
  { repository: REPOSITORY, 'image-tag': 'v1' },
  { failures: githubFailures }
)
const step = harness.step

function image(scan: FakeEcrScenario['images'][number]['scan'], extra = {}): FakeEcrScenario {
  return { images: [{ repository: REPOSITORY, digest: DIGEST, tags: ['v1'], scan, ...extra }] }
}

describe('the step, end to end over HTTP', () => {
  it('passes a clean image and sets every output', async () => {
    const result = await step(image({ statuses: ['COMPLETE'], findings: [] }))
    expect(result.failed).toBe(false)
    expect(result.outputs).toMatchObject({
      critical: '0',
      high: '0',
      untriaged: '0',
      total: '0',
      'scan-status': 'COMPLETE',
      'image-digest': DIGEST,
      passed: 'true'
    })
    expect(result.log).toContain(`Image: ${REPOSITORY}:v1@${DIGEST}`)
    expect(decodeEntities(result.summary)).toMatch(/^## ✅ Passed: team\/web-api:v1 /)
    expect(JSON.parse(await readFile(result.outputs['json-report'] ?? '', 'utf8'))).toMatchObject({
      reportVersion: 2,
      passed: true,
      images: [{ input: `${REPOSITORY}:v1`, image: { digest: DIGEST } }]
    })
  })

  it('reads 2,500 findings over three pages with exact counts, using the digest for every call', async () => {
    const severities = {
      CRITICAL: 100,
      HIGH: 400,
      MEDIUM: 1000,
      LOW: 600,
      INFORMATIONAL: 200,
      UNDEFINED: 150,
      UNTRIAGED: 50
    }
    const findings = basicFindings(2500, { severities })
    const result = await step(
      image({ statuses: ['COMPLETE'], findings, severityCountsOverride: { HIGH: 1 } }),
      {
        'fail-on': 'NONE'
      }
    )
    expect(result.failed).toBe(false)
    for (const [severity, count] of Object.entries(severities)) {
      expect(result.outputs[severity.toLowerCase()]).toBe(String(count))
    }
    expect(result.outputs.total).toBe('2500')
    const operations = result.ecr.requests.map(request => request.operation)
    expect(operations).toEqual(['DescribeImages', ...Array(3).fill('DescribeImageScanFindings')])
    const scanCalls = result.ecr.requests.slice(1)
    expect(
      scanCalls.every(
        call => (call.body.imageId as { imageDigest?: string }).imageDigest === DIGEST
      )
    ).toBe(true)
    expect(scanCalls.every(call => call.body.maxResults === 1000)).toBe(true)
    // The service's own counts disagree (severityCountsOverride): logged at debug level only.
    expect(result.log).not.toContain('::warning::')
  })

  it('waits through PENDING and IN_PROGRESS, logging progress', async () => {
    const result = await step(
      image({ statuses: ['PENDING', 'IN_PROGRESS', 'COMPLETE'], findings: basicFindings(3) }),
      {
        'fail-on': 'NONE'
      }
    )
    expect(result.failed).toBe(false)
    expect(result.log).toContain('Scan status PENDING after 0s; next check in 3s.')
    expect(result.log).toContain('Scan status IN_PROGRESS after 3s; next check in 6s.')
    expect(result.sleptMs).toBe(9000)
    expect(result.outputs.total).toBe('3')
  })

  it('keeps waiting while the scan of a repository scanned on push is not found yet', async () => {
    const result = await step({
      ...image({ scanNotFoundCalls: 2, statuses: ['COMPLETE'], findings: [] }),
      repositories: [{ name: REPOSITORY, scanOnPush: true }]
    })
    expect(result.failed).toBe(false)
    expect(
      result.ecr.requests.filter(request => request.operation === 'DescribeImageScanFindings')
    ).toHaveLength(3)
  })

  it('starts a scan when asked and none exists', async () => {
    const result = await step(image(undefined), { 'start-scan': 'true' })
    expect(result.ecr.requests.map(request => request.operation)).toContain('StartImageScan')
    expect(result.log).toContain('started a basic scan')
  })

  it.each([
    ['limit-exceeded', 'one manual scan per image per 24 hours'],
    ['enhanced', 'a scan cannot be started here']
  ] as const)(
    'explains a StartImageScan answered %s and waits for the scan on push',
    async (startScan, explanation) => {
      const result = await step(
        image({ scanNotFoundCalls: 2, statuses: ['COMPLETE'], findings: [], startScan }),
        { 'start-scan': 'true' }
      )
      expect(result.failed).toBe(false)
      expect(result.log).toContain(explanation)
      const operations = result.ecr.requests.map(request => request.operation)
      expect(operations.filter(operation => operation === 'StartImageScan')).toHaveLength(1)
    }
  )

  it('reads the findings of a scan whose eligibility expired, warning they may be stale', async () => {
    const result = await step(
      image({
        statuses: ['SCAN_ELIGIBILITY_EXPIRED'],
        findings: basicFindings(3, { severities: { LOW: 3 } })
      })
    )
    expect(result.failed).toBe(false)
    expect(result.outputs).toMatchObject({ low: '3', total: '3', passed: 'true' })
    expect(result.log).toContain('::warning::Scan eligibility expired')
  })

  it.each(TERMINAL_STATUSES)(
    'fails on %s with the status and a fix, without a verdict',
    async status => {
      const result = await step(image({ statuses: [status], description: 'AWS says why' }))
      expect(result.failed).toBe(true)
      expect(result.log).toMatch(
        new RegExp(`::error::The scan ended with status ${status} \\(AWS says why\\)`)
      )
      expect(result.outputs.passed).toBe('')
      // Zeros would read as a clean image: without a verdict the counts are empty.
      expect(result.outputs.critical).toBe('')
      expect(result.outputs.total).toBe('')
      expect(result.outputs['scan-status']).toBe(status)
      expect(decodeEntities(result.summary)).toContain(
        `The scan ended with status ${status} (AWS says why)`
      )
    }
  )

  it('only warns on a terminal status with scan-failure: warn', async () => {
    const result = await step(image({ statuses: ['UNSUPPORTED_IMAGE'] }), {
      'scan-failure': 'warn'
    })
    expect(result.failed).toBe(false)
    expect(result.log).toContain('::warning::The scan ended with status UNSUPPORTED_IMAGE')
  })

  it('reads enhanced findings when continuous scanning is ACTIVE', async () => {
    const findings = enhancedFindings(250, {
      severities: { CRITICAL: 10, HIGH: 40, MEDIUM: 100, LOW: 50, UNTRIAGED: 50 }
    })
    const result = await step(image({ statuses: ['ACTIVE'], enhancedFindings: findings }), {
      'fail-on': 'CRITICAL'
    })
    expect(result.failed).toBe(true)
    expect(result.outputs).toMatchObject({
      critical: '10',
      untriaged: '50',
      total: '250',
      'scan-status': 'ACTIVE',
      passed: 'false'
    })
    expect(result.log).toContain('::error::Policy failed')
    expect(result.log).toContain('10 findings at CRITICAL or higher')
    // Inspector pages hold 100 findings whatever maxResults asks: 3 pages, read twice, because
    // enhanced findings can still be arriving when the status settles.
    expect(
      result.ecr.requests.filter(request => request.operation === 'DescribeImageScanFindings')
    ).toHaveLength(6)
    expect(result.log).toContain(
      'Enhanced scan: reading again in 15s to check no findings are still arriving.'
    )
  })

  it('refuses an ignore file that is a symbolic link, before any AWS call', async () => {
    const target = join(harness.workDir(), 'real-rules.yml')
    const link = join(harness.workDir(), 'linked-rules.yml')
    await writeFile(target, 'ignore: []\n')
    await symlink(target, link)
    const result = await step(image({ statuses: ['COMPLETE'], findings: [] }), {
      'ignore-file': link
    })
    expect(result.failed).toBe(true)
    expect(result.log).toContain(`::error::${link} is a symbolic link`)
    expect(result.ecr.requests).toHaveLength(0)
  })

  it('refuses to write the JSON report through a symbolic link, and says so', async () => {
    const target = join(harness.workDir(), 'elsewhere.json')
    const link = join(harness.workDir(), 'report-link.json')
    await symlink(target, link)
    const result = await step(image({ statuses: ['COMPLETE'], findings: [] }), {
      'json-report': link
    })
    expect(result.failed).toBe(true)
    expect(result.log).toContain(`::error::Could not write the JSON report to ${link}`)
    expect(result.log).toContain('symbolic link')
    await expect(readFile(target, 'utf8')).rejects.toThrow('ENOENT')
  })

  it('keeps a multi-line AWS description on one line of the failure', async () => {
    const result = await step(image({ statuses: ['FAILED'], description: 'line one\nline two' }))
    expect(result.log).toContain('::error::The scan ended with status FAILED (line one line two)')
  })

  it.each(['ServerException', 'ThrottlingException'])(
    'rides out %s answers through the SDK retry strategy',
    async type => {
      const scenario = image({ statuses: ['COMPLETE'], findings: [] })
      scenario.faults = [{ operation: 'DescribeImageScanFindings', times: 2, type }]
      const result = await step(scenario)
      expect(result.failed).toBe(false)
      expect(
        result.ecr.requests.filter(request => request.operation === 'DescribeImageScanFindings')
      ).toHaveLength(3)
    }
  )

  it('fails fast on an unknown repository, well before the timeout', async () => {
    const result = await step(image({ statuses: ['COMPLETE'] }), { repository: 'team/typo' })
    expect(result.failed).toBe(true)
    expect(result.log).toContain("::error::Repository 'team/typo' was not found")
    expect(result.sleptMs).toBe(0)
    expect(result.ecr.requests).toHaveLength(1)
  })

  it('explains rejected credentials in one line', async () => {
    const scenario = image({ statuses: ['COMPLETE'] })
    scenario.faults = [{ times: Infinity, type: 'UnrecognizedClientException' }]
    const result = await step(scenario)
    expect(result.failed).toBe(true)
    expect(result.log).toContain('::error::AWS rejected the credentials')
  })

  it('refuses a tag that does not point at the given digest', async () => {
    const result = await step(image({ statuses: ['COMPLETE'] }, { tags: ['v2'] }), {
      'image-digest': DIGEST
    })
    expect(result.failed).toBe(true)
    expect(result.log).toContain(`::error::Tag 'v1' does not point at ${DIGEST}`)
  })

  it('times out with the last status and how long it waited', async () => {
    const result = await step(image({ statuses: ['IN_PROGRESS'] }), { timeout: '1m' })
    expect(result.failed).toBe(true)
    expect(result.sleptMs).toBe(60_000)
    expect(result.log).toContain(
      '::error::The scan did not settle within the timeout: last status IN_PROGRESS after 1.0 minutes'
    )
  })

  it('does not guess the scan type when the scan times out before showing its findings', async () => {
    const result = await step(image({ statuses: ['IN_PROGRESS'], type: 'enhanced' }), {
      timeout: '30s'
    })
    expect(result.failed).toBe(true)
    const report = JSON.parse(await readFile(result.outputs['json-report'] ?? '', 'utf8'))
    expect(report.images[0].scan).toMatchObject({ status: 'IN_PROGRESS', type: 'unknown' })
  })

  it('fails on a timeout even with scan-failure: warn, which is for scan results', async () => {
    const result = await step(image({ statuses: ['PENDING'] }), {
      timeout: '30s',
      'scan-failure': 'warn'
    })
    expect(result.failed).toBe(true)
    expect(result.log).toContain('::error::The scan did not settle within the timeout')
  })

  it('writes each image its own default JSON report', async () => {
    const first = await step(image({ statuses: ['COMPLETE'], findings: [] }))
    const other = await step(
      {
        images: [
          {
            repository: 'team/worker',
            digest: `sha256:${'f'.repeat(64)}`,
            tags: ['v1'],
            scan: { statuses: ['COMPLETE'] }
          }
        ]
      },
      { repository: 'team/worker' }
    )
    expect(first.outputs['json-report']).toMatch(/team-web-api-cccccccccccc\.json$/)
    expect(other.outputs['json-report']).toMatch(/team-worker-ffffffffffff\.json$/)
  })

  it('fails on a comment-key too long for the marker before calling AWS', async () => {
    const result = await step(image({ statuses: ['COMPLETE'] }), {
      repository: `team/${'x'.repeat(200)}`,
      'comment-key': '漢'.repeat(100)
    })
    expect(result.failed).toBe(true)
    expect(result.log).toContain('::error::')
    expect(result.ecr.requests).toHaveLength(0)
  })

  it('passes when counts stay within max-findings and fails naming each breach when they do not', async () => {
    const findings = basicFindings(8, { severities: { HIGH: 6, MEDIUM: 2 } })
    const within = await step(image({ statuses: ['COMPLETE'], findings }), {
      'fail-on': 'CRITICAL',
      'max-findings': 'HIGH=6'
    })
    expect(within.failed).toBe(false)
    expect(within.outputs.passed).toBe('true')
    const over = await step(image({ statuses: ['COMPLETE'], findings }), {
      'fail-on': 'CRITICAL',
      'max-findings': 'HIGH=5, MEDIUM=1'
    })
    expect(over.failed).toBe(true)
    expect(over.log).toContain(
      '6 HIGH findings (max-findings allows 5); 2 MEDIUM findings (max-findings allows 1)'
    )
  })

  it('fails with the input named when an input is invalid, before calling AWS', async () => {
    const result = await step(image({ statuses: ['COMPLETE'] }), { 'fail-on': 'SEVERE' })
    expect(result.failed).toBe(true)
    expect(result.log).toContain("::error::Invalid input 'fail-on': 'SEVERE'")
    expect(result.ecr.requests).toHaveLength(0)
  })

  it('comments on the pull request and updates the same comment on the next run', async () => {
    const inputs = { comment: 'always', 'github-token': 'fake-token' }
    const first = await step(
      image({ statuses: ['COMPLETE'], findings: basicFindings(2, { severities: { HIGH: 2 } }) }),
      inputs
    )
    expect(first.failed).toBe(true)
    const second = await step(image({ statuses: ['COMPLETE'], findings: [] }), inputs)
    expect(second.failed).toBe(false)
    const ours = harness.github().comments.filter(comment => comment.issueNumber === 7)
    expect(ours).toHaveLength(1)
    expect(second.outputs['comment-url']).toBe(ours[0]?.htmlUrl)
  })

  describe('the commit in the comment footer', () => {
    const HEAD = '1111111111111111111111111111111111111111'
    const MERGE = '2222222222222222222222222222222222222222'
    const inputs = { comment: 'always', 'github-token': 'fake-token' }

    async function eventFile(name: string, payload: unknown): Promise<string> {
      const path = join(harness.workDir(), `${name}.json`)
      await writeFile(path, JSON.stringify(payload))
      return path
    }
    const commentWith = (key: string) =>
      harness.github().comments.filter(item => item.body.split('\n', 1)[0]?.includes(`key=${key}`))

    it("is the pull request's head commit, not the merge commit GITHUB_SHA names", async () => {
      const path = await eventFile('head-commit', {
        pull_request: { number: 7, head: { sha: HEAD } }
      })
      const result = await step(
        image({ statuses: ['COMPLETE'], findings: [] }),
        { ...inputs, 'comment-key': 'head-commit' },
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_SHA: MERGE }
      )
      expect(result.failed).toBe(false)
      const [written] = commentWith('head-commit')
      expect(written?.body).toContain(HEAD)
      expect(written?.body).not.toContain(MERGE)
    })

    it('is GITHUB_SHA on an event without a pull request', async () => {
      const path = await eventFile('push', { ref: 'refs/heads/main', after: HEAD })
      await step(
        image({ statuses: ['COMPLETE'], findings: [] }),
        { ...inputs, 'comment-key': 'push-commit', 'pr-number': '7' },
        { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path, GITHUB_SHA: MERGE }
      )
      const [written] = commentWith('push-commit')
      expect(written?.body).toContain(MERGE)
    })

    it('comes from the same reading of the event as the pull request number', async () => {
      const path = await eventFile('pr-8', { pull_request: { number: 8, head: { sha: HEAD } } })
      await step(
        image({ statuses: ['COMPLETE'], findings: [] }),
        { ...inputs, 'comment-key': 'pr-8' },
        { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path, GITHUB_SHA: MERGE }
      )
      const written = commentWith('pr-8')
      expect(written.map(item => item.issueNumber)).toEqual([8])
      expect(written[0]?.body).toContain(HEAD)
    })
  })

  it('warns about a read-only token and lets the policy alone decide the step', async () => {
    Object.assign(githubFailures, {
      createComment: { status: 403 },
      updateComment: { status: 403 }
    })
    try {
      const result = await step(image({ statuses: ['COMPLETE'], findings: [] }), {
        comment: 'always',
        'github-token': 'fake-token',
        'comment-key': 'read-only'
      })
      expect(result.failed).toBe(false)
      expect(result.outputs.passed).toBe('true')
      expect(result.log).toMatch(/::warning::.*pull-requests: write/)
      expect(decodeEntities(result.summary)).toMatch(/^## ✅ Passed: team\/web-api:v1 /)
    } finally {
      delete githubFailures?.createComment
      delete githubFailures?.updateComment
    }
  })

  it('still writes the summary and the comment when a report file cannot be written, and fails naming it', async () => {
    const unwritable = join(harness.workDir(), 'summary.md', 'results.sarif')
    const result = await step(image({ statuses: ['COMPLETE'], findings: [] }), {
      comment: 'always',
      'github-token': 'fake-token',
      'comment-key': 'unwritable-sarif',
      'sarif-report': unwritable
    })
    expect(result.failed).toBe(true)
    expect(result.log).toContain(`::error::Could not write the SARIF report to ${unwritable}: `)
    expect(result.outputs.passed).toBe('true')
    expect(result.outputs['sarif-report']).toBeUndefined()
    expect(result.outputs['json-report']).toBeDefined()
    expect(decodeEntities(result.summary)).toMatch(/^## ✅ Passed: /)
    const written = harness
      .github()
      .comments.filter(item => item.body.includes('key=unwritable-sarif'))
    expect(written).toHaveLength(1)
    expect(result.outputs['comment-url']).toBe(written[0]?.htmlUrl)
  })

  describe('policy as code', () => {
    const findings: ImageScanFinding[] = [
      {
        name: 'CVE-2024-0001',
        severity: 'HIGH',
        attributes: [{ key: 'package_name', value: 'openssl' }]
      },
      {
        name: 'CVE-2024-0002',
        severity: 'CRITICAL',
        attributes: [{ key: 'CVSS3_SCORE', value: '9.8' }]
      }
    ]

    it('does not count ignored findings, and reports expired and stale rules', async () => {
      const ignore = [
        '- id: CVE-2024-0001',
        '  reason: not reachable',
        '- id: cve-2024-0002',
        '  reason: vendor fix pending',
        '- id: CVE-2024-0002',
        '  reason: old exception',
        '  expires: 1969-12-31',
        '- id: CVE-1999-0001',
        '  reason: long gone'
      ].join('\n')
      const result = await step(image({ statuses: ['COMPLETE'], findings }), { ignore })
      expect(result.failed).toBe(false)
      // The severity counts and total are what the verdict judged; found-total keeps every finding.
      expect(result.outputs).toMatchObject({
        total: '0',
        'found-total': '2',
        high: '0',
        ignored: '2',
        passed: 'true'
      })
      expect(result.log).toContain('::notice::Ignore rule')
      expect(result.log).toContain('CVE-1999-0001')
      const report = JSON.parse(await readFile(result.outputs['json-report'] ?? '', 'utf8'))
      expect(
        report.images[0].findings.map((finding: { disposition: string }) => finding.disposition)
      ).toEqual(['ignored', 'ignored'])
    })

    it('reads rules from the ignore file, and runs without one at the default path', async () => {
      const rulesFile = join(harness.workDir(), 'ignore-rules.yml')
      await writeFile(
        rulesFile,
        'ignore:\n  - id: CVE-2024-0001\n    reason: a\n  - id: CVE-2024-0002\n    reason: b\n'
      )
      const withFile = await step(image({ statuses: ['COMPLETE'], findings }), {
        'ignore-file': rulesFile
      })
      expect(withFile.failed).toBe(false)
      expect(withFile.outputs).toMatchObject({ ignored: '2', passed: 'true' })
      expect(decodeEntities(withFile.summary)).toContain(`${rulesFile}:2`)

      // The runner passes action.yml's default path as the input when a workflow leaves it out.
      const atDefault = await step(image({ statuses: ['COMPLETE'], findings }), {
        'ignore-file': '.github/ecr-scan-ignore.yml'
      })
      expect(atDefault.outputs).toMatchObject({ ignored: '0', passed: 'false' })
      expect(atDefault.log).not.toContain('does not exist')
    })

    it('warns about an expired rule, which then ignores nothing', async () => {
      const ignore = '- id: CVE-2024-0002\n  reason: old\n  expires: 1969-12-31'
      const result = await step(image({ statuses: ['COMPLETE'], findings }), { ignore })
      expect(result.failed).toBe(true)
      expect(result.log).toMatch(/::warning::Ignore rule .*expired on 1969-12-31/)
    })

    it('fails before any AWS call on a bad rule or a missing explicit ignore file', async () => {
      const bad = await step(image({ statuses: ['COMPLETE'], findings }), {
        ignore: '- id: CVE-1\n  reson: typo'
      })
      expect(bad.failed).toBe(true)
      expect(bad.log).toContain('::error::input ignore:2')
      expect(bad.ecr.requests).toHaveLength(0)
      const missing = await step(image({ statuses: ['COMPLETE'], findings }), {
        'ignore-file': 'no/such/file.yml'
      })
      expect(missing.failed).toBe(true)
      expect(missing.log).toContain('no/such/file.yml')
      expect(missing.ecr.requests).toHaveLength(0)
    })

    it('judges only findings at or above min-cvss, keeping unscored ones', async () => {
      const result = await step(image({ statuses: ['COMPLETE'], findings }), {
        'min-cvss': '9.9',
        'fail-on': 'HIGH'
      })
      // The unscored HIGH finding is kept and still fails; the 9.8 CRITICAL one is set aside.
      expect(result.failed).toBe(true)
      expect(result.log).toContain('1 finding at HIGH or higher')
    })

    it('fails on a known exploit at any severity with fail-on-exploit', async () => {
      const [low] = enhancedFindings(1, { severities: { LOW: 1 } })
      const exploited = { ...low, exploitAvailable: 'YES' }
      const result = await step(image({ statuses: ['ACTIVE'], enhancedFindings: [exploited] }), {
        'fail-on': 'NONE',
        'fail-on-exploit': 'true'
      })
      expect(result.failed).toBe(true)
      expect(result.log).toMatch(/::error::Policy failed.*known exploit/)
      const allowed = await step(image({ statuses: ['ACTIVE'], enhancedFindings: [exploited] }), {
        'fail-on': 'NONE'
      })
      expect(allowed.failed).toBe(false)
    })

    it('writes no SARIF for a scan that gave nothing to judge', async () => {
      const sarifPath = join(harness.workDir(), 'terminal.sarif')
      const result = await step(image({ statuses: ['FAILED'] }), {
        'sarif-report': sarifPath,
        'scan-failure': 'warn'
      })
      expect(result.outputs['sarif-report']).toBeUndefined()
      await expect(readFile(sarifPath, 'utf8')).rejects.toThrow(/ENOENT/)
    })

    it('writes SARIF located at the Dockerfile when asked', async () => {
      const sarifPath = join(harness.workDir(), 'results.sarif')
      const result = await step(image({ statuses: ['COMPLETE'], findings }), {
        'sarif-report': sarifPath,
        dockerfile: 'docker/Dockerfile',
        'fail-on': 'NONE'
      })
      expect(result.outputs['sarif-report']).toBe(sarifPath)
      const sarif = JSON.parse(await readFile(sarifPath, 'utf8'))
      expect(sarif.version).toBe('2.1.0')
      const results = sarif.runs[0].results
      expect(results).toHaveLength(2)
      expect(results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(
        'docker/Dockerfile'
      )
      expect(result.log).not.toContain('outside the repository')
    })

    it('warns when the Dockerfile is outside the repository', async () => {
      const result = await step(image({ statuses: ['COMPLETE'], findings }), {
        'sarif-report': join(harness.workDir(), 'outside.sarif'),
        dockerfile: '../elsewhere/Dockerfile',
        'fail-on': 'NONE'
      })
      expect(result.log).toMatch(
        /::warning::'dockerfile' \(\.\.\/elsewhere\/Dockerfile\) is outside/
      )
      expect(result.outputs['sarif-report']).toBe(join(harness.workDir(), 'outside.sarif'))
    })
  })
})

describe('run, when the rest of the step cannot run', () => {
  it('fails the step with one line, not a stack trace', async () => {
    const { run } = await import('../src/action/main.js')
    let written = ''
    const write = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written += chunk.toString()
      return true
    }) as typeof process.stdout.write
    try {
      await run({
        env: { INPUT_REPOSITORY: 'team/web', 'INPUT_IMAGE-TAG': 'v1', AWS_REGION: 'us-east-1' },
        loadStep: () => Promise.reject(new Error("Cannot find module './925.index.js'"))
      })
    } finally {
      process.stdout.write = write
    }
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    expect(written.trim().split('\n')).toEqual([
      "::error::ecr-scan-findings stopped unexpectedly: Cannot find module './925.index.js'. Rerun the job; if it happens again, please report it with the run log."
    ])
  })
})
