import type { EnhancedImageScanFinding } from '@aws-sdk/client-ecr'
/**
 * `enrich: inspector` end to end: the step in-process with the real AWS SDK over HTTP against the
 * fake ECR and the fake Inspector, with an injected clock and sleep (test/support/step.ts).
 */
import { readFile, readdir } from 'node:fs/promises'
import { DETAILS_BATCH_SIZE, LIST_PAGE_SIZE } from '../src/aws/inspector.js'
import type { JsonReport } from '../src/report/json-report.js'
import type { FakeEcrScenario } from './support/fake-ecr.js'
import {
  type FakeInspectorFinding,
  type FakeInspectorScenario,
  startFakeInspector
} from './support/fake-inspector.js'
import { basicFindings, enhancedFindings } from './support/findings-factory.js'
import { actionStep } from './support/step.js'

const REPOSITORY = 'team/web-api'
const REGION = 'us-east-1'
const digest = (seed: string) => `sha256:${seed.repeat(64).slice(0, 64)}`
const IMAGE = digest('a')
const OTHER_IMAGE = digest('b')

const harness = actionStep({ repository: REPOSITORY, 'image-tag': 'v1' })

/** The step with a fake Inspector beside the fake ECR, and the JSON report it wrote. */
async function step(
  scenario: FakeEcrScenario,
  inspectorScenario: FakeInspectorScenario,
  inputs: Record<string, string> = {}
) {
  const inspector = await startFakeInspector(inspectorScenario)
  try {
    const result = await harness.step(scenario, inputs, {
      AWS_ENDPOINT_URL_INSPECTOR2: inspector.url
    })
    const path = result.outputs['json-report']
    const report = path ? (JSON.parse(await readFile(path, 'utf8')) as JsonReport) : undefined
    return { ...result, report, inspector }
  } finally {
    await inspector.close()
  }
}

/** ECR's enhanced findings for the image: `count` of them, with the given severities. */
function ecrFindings(count: number, severities: Record<string, number>, seed = 1) {
  return enhancedFindings(count, { severities, repository: REPOSITORY, digest: IMAGE, seed })
}

/** Inspector's copy of an ECR finding: same ARN, same image, plus what enrichment reads. */
function inInspector(
  finding: EnhancedImageScanFinding,
  extra: Partial<FakeInspectorFinding> = {}
): FakeInspectorFinding {
  return {
    arn: finding.findingArn,
    repository: REPOSITORY,
    digest: IMAGE,
    vulnerabilityId: finding.packageVulnerabilityDetails?.vulnerabilityId,
    severity: finding.severity,
    ...extra
  }
}

const enhancedImage = (findings: EnhancedImageScanFinding[]): FakeEcrScenario => ({
  images: [
    {
      repository: REPOSITORY,
      digest: IMAGE,
      tags: ['v1'],
      scan: { statuses: ['ACTIVE'], enhancedFindings: findings }
    }
  ]
})

const warnings = (log: string) => log.split('\n').filter(line => line.startsWith('::warning::'))

describe('enrich: inspector', () => {
  it('fails a MEDIUM finding on the CISA KEV list with fail-on-kev, which fail-on HIGH lets pass', async () => {
    const findings = ecrFindings(3, { MEDIUM: 3 })
    const [onKev, ...rest] = findings as [EnhancedImageScanFinding, ...EnhancedImageScanFinding[]]
    const inspector: FakeInspectorScenario = {
      findings: [
        inInspector(onKev, {
          epss: 0.97,
          kev: { dateAdded: '2023-09-13', dateDue: '2023-10-04', action: 'Apply updates.' }
        }),
        ...rest.map(finding => inInspector(finding, { epss: 0.002 }))
      ]
    }
    const kevId = onKev.packageVulnerabilityDetails?.vulnerabilityId ?? ''

    const failing = await step(enhancedImage(findings), inspector, {
      'fail-on': 'HIGH',
      enrich: 'inspector',
      'fail-on-kev': 'true'
    })
    expect(failing.failed).toBe(true)
    expect(failing.log).toMatch(
      /::error::Policy failed for .*: 1 finding on the CISA Known Exploited Vulnerabilities list \(fail-on-kev: true, allowed: 0\)/
    )
    expect(failing.outputs).toMatchObject({ passed: 'false', medium: '3', total: '3' })
    const kevFinding = failing.report?.images[0]?.findings.find(finding => finding.id === kevId)
    expect(kevFinding).toMatchObject({
      severity: 'MEDIUM',
      epss: 0.97,
      kev: { dateAdded: '2023-09-13T00:00:00.000Z', dueDate: '2023-10-04T00:00:00.000Z' }
    })
    expect(failing.report?.images[0]?.verdict?.breaches).toEqual([
      expect.objectContaining({ rule: 'kev', count: 1 })
    ])
    expect(failing.log).toContain('EPSS for 3 of 3 findings, 1 on CISA KEV')

    const passing = await step(enhancedImage(findings), inspector, {
      'fail-on': 'HIGH',
      enrich: 'inspector'
    })
    expect(passing.failed).toBe(false)
    expect(passing.report?.images[0]?.findings.find(finding => finding.id === kevId)?.kev).toEqual(
      expect.objectContaining({ dateAdded: '2023-09-13T00:00:00.000Z' })
    )
  })

  it('min-epss sets aside findings scored below it and keeps those without a score', async () => {
    const findings = ecrFindings(12, { HIGH: 12 }, 2)
    // 4 at or above 0.1 (one exactly at it), 6 below, 2 without an EPSS.
    const epss = [0.1, 0.5, 0.9, 0.11, 0.01, 0.02, 0.05, 0.099, 0.0004, 0.03, undefined, undefined]
    const inspector: FakeInspectorScenario = {
      findings: findings.map((finding, index) => inInspector(finding, { epss: epss[index] }))
    }
    const result = await step(enhancedImage(findings), inspector, {
      'fail-on': 'HIGH',
      enrich: 'inspector',
      'min-epss': '0.1'
    })
    expect(result.failed).toBe(true)
    expect(result.outputs).toMatchObject({ 'found-total': '12', total: '6', high: '6' })
    const image = result.report?.images[0]
    expect(image?.filters).toEqual([{ filter: 'min-epss 0.1', setAside: 6, keptUnknown: 2 }])
    expect(image?.counts).toMatchObject({ total: 12, setAside: 6 })
    expect(image?.findings.filter(finding => finding.disposition === 'set-aside')).toHaveLength(6)
    expect(
      image?.findings
        .filter(finding => finding.disposition === 'set-aside')
        .every(finding => finding.epss !== null && finding.epss < 0.1)
    ).toBe(true)
    expect(result.log).toContain('EPSS for 10 of 12 findings, 0 on CISA KEV')
  })

  it('enriches 2,000 findings in ListFindings pages and BatchGetFindingDetails batches, counted in the log', async () => {
    const count = 2000
    const findings = ecrFindings(count, { CRITICAL: 20, LOW: 1980 }, 3)
    // Inspector marks every fifth finding exploitAvailable YES; only those are asked for details.
    const inspector: FakeInspectorScenario = {
      findings: findings.map((finding, index) =>
        inInspector(finding, {
          epss: index % 100 === 99 ? undefined : ((index % 97) + 1) / 1000,
          exploitAvailable: index % 5 === 0 ? 'YES' : 'NO',
          ...(index % 500 === 0 ? { kev: { dateAdded: '2024-01-02' } } : {})
        })
      )
    }
    const exploitable = inspector.findings.filter(f => f.exploitAvailable === 'YES').length
    const scored = inspector.findings.filter(f => f.epss !== undefined).length
    const onKev = inspector.findings.filter(f => f.kev !== undefined).length
    const listCalls = Math.ceil(count / LIST_PAGE_SIZE)
    const detailCalls = Math.ceil(exploitable / DETAILS_BATCH_SIZE)

    const result = await step(enhancedImage(findings), inspector, {
      'fail-on': 'CRITICAL',
      enrich: 'inspector'
    })
    expect(result.inspector.calls).toEqual({
      ListFindings: listCalls,
      BatchGetFindingDetails: detailCalls
    })
    expect([listCalls, detailCalls, scored, onKev]).toEqual([20, 40, 1980, 4])
    expect(result.log).toContain(
      `Inspector: ${listCalls + detailCalls} calls, EPSS for 1,980 of 2,000 findings, 4 on CISA KEV.`
    )
    expect(warnings(result.log)).toEqual([])
    expect(result.report?.images[0]?.findings.filter(f => f.kev !== null)).toHaveLength(onKev)
  })

  it('takes the worst risk of a finding merged across platforms, each with its own ARN', async () => {
    const AMD64 = digest('2')
    const ARM64 = digest('3')
    const [amd] = enhancedFindings(1, { severities: { LOW: 1 }, digest: AMD64, seed: 4 })
    const arm = {
      ...(amd as EnhancedImageScanFinding),
      findingArn: `arn:aws:inspector2:${REGION}:123456789012:finding/${'c'.repeat(32)}`
    }
    const scan = (finding: EnhancedImageScanFinding) => ({
      statuses: ['ACTIVE'],
      enhancedFindings: [finding]
    })
    const result = await step(
      {
        images: [
          {
            repository: REPOSITORY,
            digest: digest('1'),
            tags: ['v1'],
            platforms: [
              {
                platform: 'linux/amd64',
                digest: AMD64,
                scan: scan(amd as EnhancedImageScanFinding)
              },
              { platform: 'linux/arm64', digest: ARM64, scan: scan(arm) }
            ]
          }
        ]
      },
      {
        findings: [
          { ...inInspector(amd as EnhancedImageScanFinding), digest: AMD64, epss: 0.2 },
          {
            ...inInspector(arm),
            digest: ARM64,
            epss: 0.6,
            kev: { dateAdded: '2024-05-01' }
          }
        ]
      },
      { 'fail-on': 'CRITICAL', enrich: 'inspector', 'fail-on-kev': 'true' }
    )
    expect(result.failed).toBe(true)
    expect(result.inspector.calls.ListFindings).toBe(2)
    const [merged] = result.report?.images[0]?.findings ?? []
    expect(merged).toMatchObject({ epss: 0.6, kev: { dateAdded: '2024-05-01T00:00:00.000Z' } })
    expect(merged?.platforms).toHaveLength(2)
  })

  it('goes on with ECR data alone when Inspector denies access: one warning naming the IAM action, a failing image still fails', async () => {
    const findings = ecrFindings(5, { HIGH: 2, LOW: 3 }, 5)
    const inspector: FakeInspectorScenario = {
      findings: findings.map(finding => inInspector(finding, { epss: 0.5 })),
      faults: [{ operation: 'ListFindings', times: Infinity, type: 'AccessDeniedException' }]
    }
    const inputs = { 'fail-on': 'HIGH', enrich: 'inspector' }
    const denied = await step(enhancedImage(findings), inspector, inputs)
    const plain = await step(enhancedImage(findings), inspector, { 'fail-on': 'HIGH' })
    expect(denied.failed).toBe(true)
    expect(plain.failed).toBe(true)
    const withoutReportPath = ({ 'json-report': _, ...rest }: Record<string, string>) => rest
    expect(withoutReportPath(denied.outputs)).toEqual(withoutReportPath(plain.outputs))
    const inspectorWarnings = warnings(denied.log).filter(line => line.includes('Inspector'))
    expect(inspectorWarnings).toHaveLength(1)
    expect(inspectorWarnings[0]).toContain('inspector2:ListFindings')
    expect(inspectorWarnings[0]).toContain('inspector2:BatchGetFindingDetails')
    expect(denied.report?.images[0]?.findings.every(f => f.epss === null)).toBe(true)
    expect(plain.inspector.calls).toEqual({ ListFindings: 0, BatchGetFindingDetails: 0 })
  })

  it('gives no verdict under fail-on-kev when the KEV data cannot be read, instead of passing', async () => {
    // Only LOW findings: without fail-on-kev this image passes, so a pass here would be fail-open.
    const findings = ecrFindings(4, { LOW: 4 }, 9)
    const inspector: FakeInspectorScenario = {
      findings: findings.map(finding => inInspector(finding, { epss: 0.5 })),
      faults: [{ operation: 'ListFindings', times: Infinity, type: 'AccessDeniedException' }]
    }
    const result = await step(enhancedImage(findings), inspector, {
      'fail-on': 'HIGH',
      enrich: 'inspector',
      'fail-on-kev': 'true'
    })
    expect(result.failed).toBe(true)
    expect(result.outputs.passed).toBe('')
    expect(result.log).toContain(
      '::error::fail-on-kev needs CISA KEV data from Amazon Inspector, which could not be read completely'
    )
    // scan-failure: warn softens it, as any incomplete read.
    const warned = await step(enhancedImage(findings), inspector, {
      'fail-on': 'HIGH',
      enrich: 'inspector',
      'fail-on-kev': 'true',
      'scan-failure': 'warn'
    })
    expect(warned.failed).toBe(false)
    expect(warned.outputs.passed).toBe('')
  })

  it('under fail-on-kev asks about a finding Inspector marks exploitAvailable NO, and fails it when on KEV', async () => {
    const findings = ecrFindings(2, { LOW: 2 }, 11)
    const [onKev, other] = findings as [EnhancedImageScanFinding, EnhancedImageScanFinding]
    const inspector: FakeInspectorScenario = {
      findings: [
        inInspector(onKev, { exploitAvailable: 'NO', kev: { dateAdded: '2024-02-01' } }),
        inInspector(other, { exploitAvailable: 'NO' })
      ]
    }
    const result = await step(enhancedImage(findings), inspector, {
      'fail-on': 'HIGH',
      enrich: 'inspector',
      'fail-on-kev': 'true'
    })
    expect(result.failed).toBe(true)
    expect(result.outputs.passed).toBe('false')
    expect(result.log).toContain('1 finding on the CISA Known Exploited Vulnerabilities list')
    expect(result.inspector.calls.BatchGetFindingDetails).toBe(1)
  })

  it('gives no verdict under fail-on-kev when a finding carries no Inspector ARN', async () => {
    const findings = ecrFindings(2, { LOW: 2 }, 12)
    const [withArn, withoutArn] = findings as [EnhancedImageScanFinding, EnhancedImageScanFinding]
    const result = await step(
      enhancedImage([withArn, { ...withoutArn, findingArn: undefined }]),
      { findings: [inInspector(withArn)] },
      { 'fail-on': 'HIGH', enrich: 'inspector', 'fail-on-kev': 'true' }
    )
    expect(result.failed).toBe(true)
    expect(result.outputs.passed).toBe('')
    expect(result.log).toMatch(
      /::error::fail-on-kev needs CISA KEV data .*: no Inspector ARN on 1 finding$/m
    )
  })

  it("ignores what Inspector says about another image's findings", async () => {
    const findings = ecrFindings(1, { LOW: 1 }, 6)
    const [only] = findings as [EnhancedImageScanFinding]
    const result = await step(
      enhancedImage(findings),
      {
        // A misbehaving service that answers every finding whatever the filter asks.
        ignoreFilters: true,
        findings: [
          {
            ...inInspector(only),
            digest: OTHER_IMAGE,
            epss: 0.99,
            kev: { dateAdded: '2024-01-01' }
          }
        ]
      },
      { 'fail-on': 'CRITICAL', enrich: 'inspector', 'fail-on-kev': 'true' }
    )
    // The other image's KEV entry is not taken (that would be a policy failure, passed=false);
    // and with this image's own finding unlisted, fail-on-kev has no KEV data: no verdict.
    expect(result.outputs.passed).toBe('')
    expect(result.log).toContain('::error::fail-on-kev needs CISA KEV data')
    expect(result.report?.images[0]?.findings).toEqual([])
    expect(result.inspector.calls.BatchGetFindingDetails).toBe(0)
    expect(result.log).toContain('EPSS for 0 of 1 findings, 0 on CISA KEV')
  })

  it('with a basic scan, gives a notice and never calls Inspector', async () => {
    const result = await step(
      {
        images: [
          {
            repository: REPOSITORY,
            digest: IMAGE,
            tags: ['v1'],
            scan: {
              statuses: ['COMPLETE'],
              findings: basicFindings(4, { severities: { HIGH: 4 } })
            }
          }
        ]
      },
      { findings: [] },
      { 'fail-on': 'CRITICAL', enrich: 'inspector', 'min-epss': '0.5' }
    )
    expect(result.failed).toBe(false)
    expect(result.log).toMatch(/::notice::.*enrich: inspector needs enhanced scanning/)
    expect(result.inspector.calls).toEqual({ ListFindings: 0, BatchGetFindingDetails: 0 })
    // Basic findings have no EPSS: min-epss keeps them all.
    expect(result.report?.images[0]?.filters).toEqual([
      { filter: 'min-epss 0.5', setAside: 0, keptUnknown: 4 }
    ])
  })

  it('with a basic scan and findings, gives no verdict under fail-on-kev instead of passing', async () => {
    const result = await step(
      {
        images: [
          {
            repository: REPOSITORY,
            digest: IMAGE,
            tags: ['v1'],
            scan: { statuses: ['COMPLETE'], findings: basicFindings(2, { severities: { LOW: 2 } }) }
          }
        ]
      },
      { findings: [] },
      { 'fail-on': 'HIGH', enrich: 'inspector', 'fail-on-kev': 'true' }
    )
    expect(result.failed).toBe(true)
    expect(result.outputs.passed).toBe('')
    expect(result.log).toMatch(/::error::fail-on-kev needs CISA KEV data .*has a basic scan/)
  })

  it.each([
    [
      { 'fail-on-kev': 'true' },
      /'fail-on-kev: true' needs .*set the 'enrich' input to 'inspector'/
    ],
    [{ 'min-epss': '0.2' }, /'min-epss' needs .*'enrich' input to 'inspector'/],
    [{ enrich: 'inspector', 'min-epss': '1.5' }, /Invalid input 'min-epss': '1.5'. Use an EPSS/]
  ])('refuses %p before any AWS call', async (inputs, message) => {
    const result = await step(enhancedImage([]), { findings: [] }, inputs)
    expect(result.failed).toBe(true)
    expect(result.log).toMatch(message)
    expect(result.ecr.calls).toEqual([])
    expect(result.inspector.calls).toEqual({ ListFindings: 0, BatchGetFindingDetails: 0 })
  })
})

describe('the core', () => {
  it('never imports the Inspector SDK: front ends hand it an enricher', async () => {
    const dir = new URL('../src/core/', import.meta.url)
    const files = (await readdir(dir)).filter(name => name.endsWith('.ts'))
    expect(files.length).toBeGreaterThan(5)
    let imports = 0
    for (const name of files) {
      // Comments may name the module; only code counts.
      const source = (await readFile(new URL(name, dir), 'utf8'))
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '')
      // Static or dynamic: `from '...'`, `import '...'` or `import('...')`.
      const imported = [...source.matchAll(/(?:\bfrom|\bimport\s*\(?)\s*['"]([^'"]+)['"]/g)].map(
        match => match[1] ?? ''
      )
      imports += imported.length
      const sdk = imported.filter(
        path => path.startsWith('@aws-sdk/client-inspector2') || path.includes('aws/inspector')
      )
      expect([name, sdk]).toEqual([name, []])
    }
    expect(imports).toBeGreaterThan(20)
  })
})
