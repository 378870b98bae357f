/** The committed bundle, run as a child process exactly as the runner starts it. */
import { existsSync } from 'node:fs'
import { type FakeEcr, startFakeEcr } from './support/fake-ecr.js'
import { basicFindings } from './support/findings-factory.js'
import { BUNDLE, cleanUp, runAction } from './support/run-action.js'

const DIGEST = `sha256:${'d'.repeat(64)}`
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
      }
    ]
  })
})

afterAll(async () => {
  await ecr.close()
})

describe('dist/index.js', () => {
  it('exists: dist/ is committed', () => {
    expect(existsSync(BUNDLE)).toBe(true)
  })

  it('reads INPUT_* variables, talks to AWS_ENDPOINT_URL_ECR and writes outputs and the summary', async () => {
    const run = await runAction({
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

  it('falls back to AWS_DEFAULT_REGION when AWS_REGION is empty', async () => {
    const run = await runAction({
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
