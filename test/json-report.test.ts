import { readFileSync } from 'node:fs'
import type { Finding } from '../src/model/findings.js'
import { finding, judgedReportData, runOf } from './support/model.js'
import { cells } from './support/tables.js'
import {
  JSON_REPORT_VERSION,
  type JsonImageReport,
  buildJsonReport,
  serializeJsonReport
} from '../src/report/json-report.js'
import type { Thresholds } from '../src/policy/policy.js'
import type { IgnoreRule, ReportData } from '../src/core/results.js'

const DIGEST = `sha256:${'ab'.repeat(32)}`
const TODAY = new Date('2026-03-15T00:00:00Z')

function reportData(
  findings: Finding[],
  rules: IgnoreRule[] = [],
  onlyFixable = false,
  thresholds: Thresholds = { failOn: 'HIGH', maxCounts: { MEDIUM: 5 }, failOnExploit: true }
): ReportData {
  return judgedReportData(findings, {
    rules,
    filters: { onlyFixable },
    thresholds,
    today: TODAY,
    image: { repository: 'team/api', digest: DIGEST, tag: 'v1.2.3', region: 'eu-west-1' },
    scan: {
      status: 'COMPLETE',
      type: 'enhanced',
      completedAt: new Date('2026-03-14T10:20:30.000Z'),
      vulnerabilitySourceUpdatedAt: new Date('2026-03-14T08:00:00.000Z')
    }
  })
}

const accepted: IgnoreRule = {
  id: 'CVE-2023-4911',
  package: 'glibc',
  reason: 'Not reachable',
  expires: '2026-12-31',
  origin: '.github/ecr-scan-ignore.yml:3'
}
const lapsed: IgnoreRule = {
  id: 'CVE-2020-1',
  reason: 'old',
  expires: '2021-01-01',
  origin: '.github/ecr-scan-ignore.yml:8'
}
const unused: IgnoreRule = { id: 'CVE-2019-1', reason: 'gone', origin: 'input ignore:1' }

const glibc = finding('CVE-2023-4911', {
  packageName: 'glibc',
  installedVersion: '2.34-60',
  fixAvailable: 'YES',
  exploitAvailable: 'YES',
  cvssScore: 7.8,
  source: 'enhanced'
})
const zlib = finding('CVE-2022-37434', {
  severity: 'CRITICAL',
  packageName: 'zlib',
  fixedInVersion: '1.2.13',
  fixAvailable: 'YES',
  exploitAvailable: 'NO',
  cvssScore: 9.8,
  link: 'https://nvd.nist.gov/vuln/detail/CVE-2022-37434',
  source: 'enhanced'
})
const curl = finding('CVE-2023-38545', { severity: 'MEDIUM', fixAvailable: 'NO' })

describe('buildJsonReport', () => {
  const data = reportData([glibc, zlib, curl], [accepted, lapsed, unused], true)
  const run = buildJsonReport(runOf(data, 'team/api:v1.2.3'))
  const report = run.images[0] as JsonImageReport

  it('round-trips through JSON unchanged, with dates as ISO strings', () => {
    const parsed: unknown = JSON.parse(serializeJsonReport(run))
    expect(parsed).toStrictEqual(run)
    expect(report.scan.completedAt).toBe('2026-03-14T10:20:30.000Z')
    expect(report.scan.vulnerabilitySourceUpdatedAt).toBe('2026-03-14T08:00:00.000Z')
  })

  it('has every documented key, always present, with one entry per image', () => {
    expect(Object.keys(run)).toEqual([
      'reportVersion',
      'tool',
      'thresholds',
      'passed',
      'images',
      'runUrl'
    ])
    expect(Object.keys(report)).toEqual([
      'input',
      'image',
      'scan',
      'platforms',
      'verdict',
      'problem',
      'counts',
      'baseline',
      'filters',
      'rules',
      'findings'
    ])
    expect(run.reportVersion).toBe(JSON_REPORT_VERSION)
    expect(run.reportVersion).toBe(2)
    expect(run.tool).toEqual({ name: 'ecr-scan-findings', version: '1.4.0' })
    expect(run.passed).toBe(false)
    expect(report.input).toBe('team/api:v1.2.3')
  })

  it('identifies the image by its full reference and parts, with null for what is absent', () => {
    expect(report.image).toEqual({
      reference: `team/api:v1.2.3@${DIGEST}`,
      repository: 'team/api',
      digest: DIGEST,
      tag: 'v1.2.3',
      registryId: null,
      region: 'eu-west-1'
    })
  })

  it('lists every finding once with its disposition, and the rule and reason for ignored ones', () => {
    expect(report.findings.map(item => [item.id, item.disposition])).toEqual([
      ['CVE-2023-4911', 'ignored'],
      ['CVE-2022-37434', 'counted'],
      ['CVE-2023-38545', 'set-aside']
    ])
    expect(report.findings[0]?.ignoredBy).toEqual({
      id: 'CVE-2023-4911',
      package: 'glibc',
      reason: 'Not reachable',
      expires: '2026-12-31',
      origin: '.github/ecr-scan-ignore.yml:3'
    })
    expect(report.findings[1]).toStrictEqual({
      id: 'CVE-2022-37434',
      severity: 'CRITICAL',
      title: 'CVE-2022-37434',
      description: 'CVE-2022-37434 description',
      link: 'https://nvd.nist.gov/vuln/detail/CVE-2022-37434',
      packageName: 'zlib',
      installedVersion: null,
      fixedInVersion: '1.2.13',
      cvssScore: 9.8,
      fixAvailable: 'YES',
      exploitAvailable: 'NO',
      source: 'enhanced',
      disposition: 'counted',
      ignoredBy: null,
      platforms: null,
      change: null,
      epss: null,
      kev: null
    })
  })

  it('counts all findings, the judged ones, the ignored and the set aside', () => {
    expect(report.counts.total).toBe(3)
    expect(report.counts.bySeverity).toMatchObject({ CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 0 })
    expect(report.counts.counted).toMatchObject({ CRITICAL: 1, HIGH: 0, MEDIUM: 0 })
    expect(report.counts.ignored).toBe(1)
    expect(report.counts.setAside).toBe(1)
    expect(report.filters).toEqual([{ filter: 'only-fixable', setAside: 1, keptUnknown: 0 }])
  })

  it('names expired and stale rules', () => {
    expect(report.rules.expired.map(rule => rule.origin)).toEqual(['.github/ecr-scan-ignore.yml:8'])
    expect(report.rules.stale).toEqual([
      { id: 'CVE-2019-1', package: null, reason: 'gone', expires: null, origin: 'input ignore:1' }
    ])
  })

  it('writes the thresholds and a verdict whose breaches carry their sentence', () => {
    expect(run.thresholds).toEqual({
      failOn: 'HIGH',
      maxCounts: { MEDIUM: 5 },
      failOnExploit: true,
      failOnKev: false
    })
    expect(report.verdict).toEqual({
      passed: false,
      breaches: [
        {
          rule: 'fail-on',
          severity: 'HIGH',
          count: 1,
          limit: null,
          exempt: [],
          description: '1 finding at HIGH or higher (fail-on: HIGH, allowed: 0)'
        }
      ]
    })
    expect(report.problem).toBeNull()
  })
})

describe('buildJsonReport without a verdict', () => {
  it('writes null for the verdict and states the problem', () => {
    const data: ReportData = {
      ...reportData([]),
      scan: { status: 'FAILED', type: 'basic' },
      verdict: undefined,
      problem: 'Scanning failed for this image.'
    }
    const run = buildJsonReport(runOf(data))
    const report = run.images[0] as JsonImageReport
    expect(run.passed).toBeNull()
    expect(report.verdict).toBeNull()
    expect(report.problem).toBe('Scanning failed for this image.')
    expect(report.scan).toEqual({
      status: 'FAILED',
      description: null,
      type: 'basic',
      completedAt: null,
      vulnerabilitySourceUpdatedAt: null
    })
    expect(JSON.parse(serializeJsonReport(run))).toStrictEqual(run)
  })
})

describe('serializeJsonReport', () => {
  it('keeps hostile finding text intact and the file valid JSON', () => {
    const hostile = finding('CVE-1', {
      title: '"}], "verdict": {"passed": true} //',
      description: 'line\nbreak \u0000 nul \u2028 separator </script> \\ backslash \ud800'
    })
    const text = serializeJsonReport(buildJsonReport(runOf(reportData([hostile]))))
    const parsed = JSON.parse(text) as {
      passed: boolean
      images: { findings: { title: string }[]; verdict: { passed: boolean } }[]
    }
    expect(parsed.images[0]?.findings[0]?.title).toBe('"}], "verdict": {"passed": true} //')
    expect(parsed.images[0]?.verdict.passed).toBe(false)
    expect(parsed.passed).toBe(false)
    expect(text.endsWith('}\n')).toBe(true)
  })
})

describe('docs/policy.md', () => {
  const doc = readFileSync(new URL('../docs/policy.md', import.meta.url), 'utf8')

  /** Body rows, as cells, of the table whose first header cell is `first` (padding allowed). */
  function tableRows(markdown: string, first: string): string[][] {
    const lines = markdown.split('\n')
    const start = lines.findIndex(line => line.startsWith('|') && cells(line)[0] === first)
    if (start === -1) return []
    const end = lines.findIndex((line, index) => index > start && !line.startsWith('|'))
    return lines.slice(start + 2, end === -1 ? undefined : end).map(cells)
  }

  /** Field paths in a table's first column: each code span, `[]` dropped (`images[]` → images). */
  function documentedPaths(first: string): string[][] {
    const rows = tableRows(doc, first)
    if (rows.length === 0) throw new Error(`docs/policy.md has no table headed '${first}'`)
    return rows.flatMap(([cell = '']) =>
      [...cell.matchAll(/`([^`]+)`/g)].map(match =>
        (match[1] ?? '').replace(/\[\]/g, '').split('.')
      )
    )
  }

  /** Field names the doc gives at the top of an object, in the doc's order, each once. */
  const topNames = (paths: string[][]) => [...new Set(paths.map(([name = '']) => name))]

  /** Documented dotted paths whose parent is an object in `value` but lacks the child. */
  function unknownChildren(paths: string[][], value: object): string[] {
    return paths.flatMap(path => {
      const [name = '', child] = path
      const parent: unknown = (value as Record<string, unknown>)[name]
      return child !== undefined &&
        parent !== null &&
        typeof parent === 'object' &&
        !(child in parent)
        ? [path.join('.')]
        : []
    })
  }

  const data = reportData([glibc, zlib], [accepted])
  const run = buildJsonReport(runOf(data))
  const image = run.images[0] as JsonImageReport
  const tables: [string, object][] = [
    ['Report field', run],
    ['Image field', image],
    ['Finding field', image.findings[0] as object]
  ]

  it.each(tables)('names exactly the keys jsonReport writes (%s)', (first, value) => {
    const paths = documentedPaths(first)
    expect([...topNames(paths)].sort()).toEqual(Object.keys(value).sort())
    expect(unknownChildren(paths, value)).toEqual([])
  })

  it('gives the version the code writes', () => {
    const row = tableRows(doc, 'Report field').find(([cell]) => cell === '`reportVersion`')
    expect(row?.[2]).toBe(`\`${JSON_REPORT_VERSION}\``)
  })

  it('reads the field names out of a table', () => {
    expect(documentedPaths('Report field')).toContainEqual(['tool', 'version'])
    expect(unknownChildren([['tool', 'nmae']], run)).toEqual(['tool.nmae'])
  })
})
