import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  DETAILS_BATCH_SIZE,
  LIST_PAGE_SIZE,
  createInspectorEnricher
} from '../src/aws/inspector.js'
import { failOnKev, minEpss, withRisk } from '../src/core/enrichment.js'
import {
  type FakeInspector,
  type FakeInspectorFinding,
  type FakeInspectorScenario,
  startFakeInspector
} from './support/fake-inspector.js'

const REGION = 'us-east-1'
const REPOSITORY = 'team/web'
const DIGEST = `sha256:${'a'.repeat(64)}`
const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`

let fake: FakeInspector | undefined
let savedEnv: NodeJS.ProcessEnv

beforeEach(() => {
  savedEnv = { ...process.env }
})

afterEach(async () => {
  process.env = savedEnv
  await fake?.close()
  fake = undefined
})

async function serve(scenario: FakeInspectorScenario) {
  fake = await startFakeInspector(scenario)
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_INSPECTOR2: fake.url,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'example-secret'
  })
  return fake
}

function onImage(
  count: number,
  make: (index: number) => Partial<FakeInspectorFinding> = () => ({})
) {
  return Array.from({ length: count }, (_, index) => ({
    repository: REPOSITORY,
    digest: DIGEST,
    vulnerabilityId: `CVE-2024-${String(index).padStart(5, '0')}`,
    epss: 0.01,
    ...make(index)
  }))
}

const expectedListCalls = (listed: number) => Math.max(1, Math.ceil(listed / LIST_PAGE_SIZE))
const expectedDetailCalls = (exploitable: number) => Math.ceil(exploitable / DETAILS_BATCH_SIZE)

/** The ARNs of the scenario's findings that are on the image under test, as ECR would list them. */
function arnsOnImage(server: FakeInspector, findings: FakeInspectorFinding[]) {
  return server.arns.filter((_, index) => findings[index]?.digest === DIGEST)
}

const ENRICH_PROBE = fileURLToPath(new URL('./support/enrich-probe.js', import.meta.url))

/**
 * test/support/enrich-probe.js in a child node with the Inspector endpoint and fake credentials;
 * its last line of output. A child that runs out of its capped heap rejects, naming its stderr.
 */
function enrichProbe(args: string[], nodeArgs: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...nodeArgs, ENRICH_PROBE, ...args],
      {
        env: {
          PATH: process.env.PATH ?? '',
          AWS_ENDPOINT_URL_INSPECTOR2: process.env.AWS_ENDPOINT_URL_INSPECTOR2,
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'example-secret'
        },
        maxBuffer: 16 * 2 ** 20,
        timeout: 170_000
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`enrich-probe ${args[0]} failed: ${error.message}\n${stderr}`))
        else resolve(stdout.trim().split('\n').pop() ?? '')
      }
    )
  })
}

describe('createInspectorEnricher', () => {
  it('adds KEV data to a MEDIUM finding on the CISA list and keeps a low EPSS as a score', async () => {
    const findings: FakeInspectorFinding[] = [
      {
        repository: REPOSITORY,
        digest: DIGEST,
        severity: 'MEDIUM',
        vulnerabilityId: 'CVE-2023-4863',
        epss: 0.93,
        kev: {
          dateAdded: '2023-09-13T00:00:00Z',
          dateDue: '2023-10-04T00:00:00Z',
          action: 'Apply mitigations per vendor instructions or discontinue use of the product.'
        },
        exploitObserved: { firstSeen: '2023-09-11T00:00:00Z', lastSeen: '2024-07-01T00:00:00Z' }
      },
      { repository: REPOSITORY, digest: DIGEST, severity: 'HIGH', epss: 0.00043 }
    ]
    const server = await serve({ findings })
    const [kevArn, lowArn] = server.arns as [string, string]
    const result = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      findingArns: server.arns
    })

    expect(result.warnings).toEqual([])
    expect(result.byArn.get(kevArn)).toEqual({
      epss: 0.93,
      kev: {
        dateAdded: '2023-09-13T00:00:00.000Z',
        dueDate: '2023-10-04T00:00:00.000Z',
        action: 'Apply mitigations per vendor instructions or discontinue use of the product.'
      },
      exploitObserved: {
        firstSeen: '2023-09-11T00:00:00.000Z',
        lastSeen: '2024-07-01T00:00:00.000Z'
      }
    })
    // Not exploitable per ListFindings, so no details were asked for it.
    expect(result.byArn.get(lowArn)).toEqual({ epss: 0.00043 })
    expect(server.calls).toEqual({ ListFindings: 1, BatchGetFindingDetails: 1 })
    expect(result.calls).toBe(2)

    // Each request is signed and asks for the image's resource, 100 a page.
    const list = server.requests.find(request => request.operation === 'ListFindings')
    expect(list?.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//)
    expect(list?.body).toEqual({
      maxResults: LIST_PAGE_SIZE,
      filterCriteria: {
        ecrImageRepositoryName: [{ comparison: 'EQUALS', value: REPOSITORY }],
        ecrImageHash: [{ comparison: 'EQUALS', value: DIGEST }]
      }
    })

    const findingsWithRisk = withRisk(
      [
        { id: 'CVE-2023-4863', severity: 'MEDIUM', findingArn: kevArn },
        { id: 'low', severity: 'HIGH', findingArn: lowArn }
      ],
      result.byArn
    )
    expect(failOnKev(findingsWithRisk).map(finding => finding.id)).toEqual(['CVE-2023-4863'])
    const filter = minEpss(0.01)
    expect(findingsWithRisk.filter(finding => filter.setsAside(finding)).map(f => f.id)).toEqual([
      'low'
    ])
  })

  it('enriches 2,000 findings in ListFindings pages of 100 and details batches of 10', async () => {
    const exploitableEvery = 20
    const findings: FakeInspectorFinding[] = [
      ...onImage(2_000, index => ({
        exploitAvailable: index % exploitableEvery === 0 ? 'YES' : 'NO',
        epss: (index % 1000) / 1000
      })),
      // Same repository, another image: Inspector's filter leaves these out.
      ...onImage(300).map(finding => ({ ...finding, digest: OTHER_DIGEST }))
    ]
    const server = await serve({ findings })
    const findingArns = arnsOnImage(server, findings)
    const result = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      findingArns
    })

    const exploitable = Math.ceil(2_000 / exploitableEvery)
    const expected = {
      ListFindings: expectedListCalls(2_000),
      BatchGetFindingDetails: expectedDetailCalls(exploitable)
    }
    expect(server.calls).toEqual(expected)
    expect(result.calls).toBe(expected.ListFindings + expected.BatchGetFindingDetails)
    expect(result.warnings).toEqual([])
    // Index 0 scores 0, which is a valid EPSS; every finding got its score.
    expect(result.byArn.size).toBe(2_000)
    expect(result.byArn.get(findingArns[1] as string)).toEqual({ epss: 0.001 })
    const batches = server.requests.filter(r => r.operation === 'BatchGetFindingDetails')
    expect(batches.every(r => (r.body?.findingArns as string[]).length <= DETAILS_BATCH_SIZE)).toBe(
      true
    )
  })

  it('ignores findings Inspector returns for another image or that were not asked for', async () => {
    const findings: FakeInspectorFinding[] = [
      { repository: REPOSITORY, digest: DIGEST, epss: 0.2 },
      { repository: REPOSITORY, digest: OTHER_DIGEST, epss: 0.9, kev: { dateAdded: '2024-01-01' } },
      { repository: 'team/api', digest: DIGEST, epss: 0.8 },
      { repository: REPOSITORY, digest: DIGEST, epss: 0.7 }
    ]
    const server = await serve({ findings, ignoreFilters: true })
    const [mine, otherImage, otherRepository] = server.arns as [string, string, string, string]
    const result = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      // The other image's ARN is asked for too, to prove the resource is checked, not only the ARN.
      findingArns: [mine, otherImage, otherRepository]
    })
    expect([...result.byArn.keys()]).toEqual([mine])
    expect(server.calls.BatchGetFindingDetails).toBe(0)
  })

  it.each([
    ['ListFindings', 'inspector2:ListFindings'],
    ['BatchGetFindingDetails', 'inspector2:BatchGetFindingDetails']
  ])('turns AccessDenied on %s into one warning naming %s, without throwing', async (op, act) => {
    const findings = onImage(25, () => ({ exploitAvailable: 'YES' as const, epss: 0.5 }))
    const server = await serve({
      findings,
      faults: [{ operation: op, times: Infinity, type: 'AccessDeniedException' }]
    })
    const result = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      findingArns: server.arns
    })
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toContain(`access denied to ${act}`)
    expect(result.warnings[0]).toContain(
      'Grant inspector2:ListFindings and inspector2:BatchGetFindingDetails'
    )
    if (op === 'ListFindings') {
      expect(result.byArn.size).toBe(0)
      // Not retried, and no details asked for without a list.
      expect(server.calls).toEqual({ ListFindings: 1, BatchGetFindingDetails: 0 })
    } else {
      // EPSS from ListFindings is kept; after the first denial no further batch is sent.
      expect(result.byArn.size).toBe(25)
      expect(server.calls.BatchGetFindingDetails).toBeLessThanOrEqual(expectedDetailCalls(25))
    }
  })

  it('asks about every finding with kevLookup all, and only possibly exploitable ones by default', async () => {
    const findings = onImage(30, index => ({ exploitAvailable: index < 10 ? 'YES' : 'NO' }))
    const server = await serve({ findings })
    const target = { repository: REPOSITORY, imageDigests: [DIGEST], findingArns: server.arns }
    await createInspectorEnricher(REGION).enrich(target)
    expect(server.calls.BatchGetFindingDetails).toBe(expectedDetailCalls(10))
    await createInspectorEnricher(REGION).enrich({ ...target, kevLookup: 'all' })
    expect(server.calls.BatchGetFindingDetails).toBe(
      expectedDetailCalls(10) + expectedDetailCalls(30)
    )
  })

  it('warns about ARNs it cannot ask about: another account or region, or not an Inspector ARN', async () => {
    const server = await serve({ findings: onImage(2, () => ({ exploitAvailable: 'YES' })) })
    const elsewhere = [
      `arn:aws:inspector2:eu-west-1:${server.accountId}:finding/${'d'.repeat(32)}`,
      `arn:aws:inspector2:${REGION}:210987654321:finding/${'e'.repeat(32)}`,
      'not-an-arn'
    ]
    const result = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      registryId: server.accountId,
      findingArns: [...server.arns, ...elsewhere]
    })
    expect(result.byArn.size).toBe(2)
    expect(result.warnings).toEqual([
      expect.stringContaining(
        `3 of 5 findings have Inspector ARNs outside ${REGION} and account ${server.accountId}`
      )
    ])
    // None askable at all: still a warning, never a silent empty result.
    const none = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      registryId: server.accountId,
      findingArns: elsewhere
    })
    expect(none.warnings).toEqual([
      expect.stringContaining('3 of 3 findings have Inspector ARNs outside')
    ])
  })

  it('still asks for KEV data after warning about ARNs it cannot ask about', async () => {
    const server = await serve({
      findings: onImage(3, index => ({
        exploitAvailable: 'YES',
        kev: index === 0 ? { dateAdded: '2024-02-01' } : undefined
      }))
    })
    const result = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      registryId: server.accountId,
      findingArns: [...server.arns, `arn:aws:inspector2:eu-west-1:${server.accountId}:finding/x`]
    })
    expect(result.warnings).toEqual([
      expect.stringContaining('1 of 4 findings have Inspector ARNs')
    ])
    // Fewer than a batch of 10: the last, partial batch is the one the warning must not cancel.
    expect(server.calls.BatchGetFindingDetails).toBe(1)
    expect([...result.byArn.values()].filter(risk => risk.kev)).toHaveLength(1)
  })

  it('warns when BatchGetFindingDetails answers neither details nor an error for a finding', async () => {
    const findings = onImage(3, index => ({
      exploitAvailable: 'YES',
      detailsUnanswered: index === 1
    }))
    const server = await serve({ findings })
    const result = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      findingArns: server.arns
    })
    expect(result.warnings).toEqual([
      expect.stringContaining(
        'BatchGetFindingDetails gave no details for some findings (NO_ANSWER 1)'
      )
    ])
  })

  it('retries throttling through the SDK and then goes on', async () => {
    const server = await serve({
      findings: onImage(3),
      faults: [{ operation: 'ListFindings', times: 2, type: 'ThrottlingException' }]
    })
    const result = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      findingArns: server.arns
    })
    expect(result.warnings).toEqual([])
    expect(result.byArn.size).toBe(3)
    expect(server.calls.ListFindings).toBe(3)
    // One operation, however many attempts the SDK made.
    expect(result.calls).toBe(1)
  })

  it('warns once when Inspector lists none of the findings', async () => {
    const server = await serve({ findings: [] })
    const result = await createInspectorEnricher(REGION).enrich({
      repository: REPOSITORY,
      imageDigests: [DIGEST],
      findingArns: [`arn:aws:inspector2:${REGION}:${server.accountId}:finding/${'c'.repeat(32)}`]
    })
    expect(result.warnings).toEqual([expect.stringContaining('Inspector listed none of the image')])
    expect(result.calls).toBe(1)
  })

  it('enriches 50,000 findings in the calls the page and batch sizes allow, within 200 MiB of heap', async () => {
    const total = 50_000
    const exploitableEvery = 100
    const findings = onImage(total, index => ({
      exploitAvailable: index % exploitableEvery === 0 ? 'YES' : 'NO',
      kev: index % 1000 === 0 ? { dateAdded: '2024-02-01T00:00:00Z' } : undefined,
      epss: ((index * 7) % 1000) / 1000
    }))
    const server = await serve({ findings })
    const dir = await mkdtemp(join(tmpdir(), 'enrich-probe-'))
    try {
      const file = join(dir, 'target.json')
      await writeFile(
        file,
        JSON.stringify({ repository: REPOSITORY, digest: DIGEST, arns: server.arns })
      )
      // The benchmark's memory target as the child's heap cap, above what loading the modules
      // takes; the fake server stays in this process, outside the cap.
      const { heapUsed } = JSON.parse(await enrichProbe(['baseline'])) as { heapUsed: number }
      const capMiB = Math.ceil(heapUsed / 2 ** 20) + 200
      const result = JSON.parse(
        await enrichProbe(['enrich', file], [`--max-old-space-size=${capMiB}`])
      ) as { calls: number; warnings: string[]; enriched: number; onKev: number }

      const expected = {
        ListFindings: expectedListCalls(total),
        BatchGetFindingDetails: expectedDetailCalls(Math.ceil(total / exploitableEvery))
      }
      expect(server.calls).toEqual(expected)
      expect(result).toEqual({
        calls: expected.ListFindings + expected.BatchGetFindingDetails,
        warnings: [],
        enriched: total,
        onKev: total / 1000
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 180_000)
})
