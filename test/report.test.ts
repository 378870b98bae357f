import MarkdownIt from 'markdown-it'
import type { Finding } from '../src/model/findings.js'
import { escapeText } from '../src/report/markdown.js'
import { type Thresholds, describeBreach, evaluatePolicy } from '../src/policy/policy.js'
import type {
  IgnoreRule,
  PlatformScan,
  ReportData,
  RunResult,
  UnjudgedImage
} from '../src/core/results.js'
import {
  COMMENT_BODY_LIMIT,
  SUMMARY_MAX_PLATFORMS,
  SUMMARY_MAX_ROWS,
  SUMMARY_TARGET_BYTES
} from '../src/report/limits.js'
import { renderRunComment, renderRunSummary, renderSummary } from '../src/report/report.js'
import type { ScanFailureMode } from '../src/config/inputs.js'
import { runOf, targetOf } from './support/model.js'
import { SEVERITIES, type Severity, countBySeverity } from '../src/model/severity.js'
import { triage } from '../src/policy/triage.js'
import { cells, tableRows } from './support/tables.js'

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`

let sequence = 0
function finding(overrides: Partial<Finding> = {}): Finding {
  sequence += 1
  const id = overrides.id ?? `CVE-2024-${String(sequence).padStart(5, '0')}`
  return {
    id,
    severity: 'MEDIUM',
    title: `${id} - openssl`,
    description: 'A buffer overflow in the X.509 parser.',
    link: `https://nvd.nist.gov/vuln/detail/${id}`,
    packageName: 'openssl',
    installedVersion: '3.0.1-r0',
    fixedInVersion: '3.0.7-r0',
    cvssScore: 5.5,
    fixAvailable: 'YES',
    exploitAvailable: 'NO',
    source: 'enhanced',
    ...overrides
  }
}

/** A finding as basic scanning reports it: no fix version, no fix or exploit knowledge. */
function basicFinding(overrides: Partial<Finding> = {}): Finding {
  return finding({
    fixedInVersion: undefined,
    fixAvailable: 'UNKNOWN',
    exploitAvailable: 'UNKNOWN',
    source: 'basic',
    ...overrides
  })
}

const NO_THRESHOLDS: Thresholds = { maxCounts: {}, failOnExploit: false }

function reportData(findings: Finding[], overrides: Partial<ReportData> = {}): ReportData {
  const thresholds = overrides.thresholds ?? NO_THRESHOLDS
  return {
    image: { repository: 'shop/api', tag: 'v1.2.3', digest: DIGEST, region: 'eu-west-1' },
    scan: {
      status: 'COMPLETE',
      type: 'enhanced',
      completedAt: new Date('2024-05-01T12:34:56.789Z'),
      vulnerabilitySourceUpdatedAt: new Date('2024-04-30T08:00:00Z')
    },
    platforms: [],
    findings,
    counts: countBySeverity(findings),
    thresholds,
    triage: { counted: findings, ignored: [], filters: [], expiredRules: [], staleRules: [] },
    verdict: evaluatePolicy(findings, thresholds),
    actionVersion: 'v1.4.0',
    ...overrides
  }
}

function manyFindings(count: number, overrides: Partial<Finding> = {}): Finding[] {
  return Array.from({ length: count }, (_, index) =>
    finding({
      id: `CVE-2024-${String(index).padStart(6, '0')}`,
      severity: SEVERITIES[index % SEVERITIES.length],
      cvssScore: (index % 100) / 10,
      description: 'Improper input validation. '.repeat(20),
      ...overrides
    })
  )
}

/** Every row of every findings table, in order, as its cells. */
function findingRows(markdown: string): string[][] {
  const findings = markdown.slice(markdown.indexOf('### Findings'))
  return findings
    .split('\n')
    .filter(line => line.startsWith('| ') && !line.startsWith('| ID |'))
    .map(cells)
}

/** The id as the scan wrote it: the report shows its hyphens non-breaking (U+2011). */
function idOf(row: string[]): string {
  return (row[0] ?? '').replace(/<[^>]*>/g, '').replace(/\u2011/g, '-')
}

/** An id as the report shows it, with non-breaking hyphens so it never wraps. */
function shown(id: string): string {
  return id.replace(/-/g, '\u2011')
}

function headerOfFindings(markdown: string): string[] {
  return cells(markdown.split('\n').find(line => line.startsWith('| ID |')) ?? '')
}

function notListedCount(markdown: string): number {
  const match = /\*\*(\d+) of \d+ findings? not listed\*\*/.exec(markdown)
  return match ? Number(match[1]) : 0
}

describe('the verdict line', () => {
  it('comes first and says the image passed when no threshold is broken', () => {
    const summary = renderSummary(reportData([finding({ severity: 'LOW' })]))
    expect(summary.split('\n')[0]).toBe(
      '## ✅ Passed: shop/api&#58;v1.2.3 breaks no severity threshold'
    )
  })

  it('comes first and gives one sentence per breach when the image failed', () => {
    const thresholds: Thresholds = {
      failOn: 'HIGH',
      maxCounts: { MEDIUM: 1 },
      failOnExploit: true
    }
    const data = reportData(
      [
        finding({ severity: 'CRITICAL', exploitAvailable: 'YES' }),
        finding({ severity: 'MEDIUM' }),
        finding({ severity: 'MEDIUM' })
      ],
      { thresholds }
    )
    const lines = renderSummary(data).split('\n')
    expect(lines[0]).toMatch(/^## ❌ Failed: /)
    const breaches = data.verdict?.breaches ?? []
    expect(breaches).toHaveLength(3)
    expect(lines.slice(2, 5)).toEqual(breaches.map(breach => `- ${describeBreach(breach)}`))
  })

  it('says a KEV finding below every severity threshold is why the image failed', () => {
    const thresholds: Thresholds = {
      failOn: 'HIGH',
      maxCounts: {},
      failOnExploit: false,
      failOnKev: true
    }
    const data = reportData([finding({ severity: 'MEDIUM', kev: { dateAdded: '2021-12-10' } })], {
      thresholds
    })
    const lines = renderSummary(data).split('\n')
    expect(lines[0]).toMatch(/^## ❌ Failed: /)
    // No severity threshold broke: the headline must not say one did.
    expect(lines[0]).not.toContain('severity threshold')
    expect(lines[2]).toBe(
      '- 1 finding on the CISA Known Exploited Vulnerabilities list (fail-on-kev: true, allowed: 0)'
    )
  })

  it('says there is no verdict, with the status, AWS description and likely fix, for a terminal scan', () => {
    const problem = 'Scanning failed for this image; push it again or start a new scan.'
    const data = reportData([], {
      scan: { status: 'FAILED', description: 'UnsupportedImageError: bad layer', type: 'basic' },
      verdict: undefined,
      problem
    })
    const markdown = renderSummary(data)
    // The step fails without a verdict (unless scan-failure is warn), so the mark says so.
    expect(markdown.split('\n')[0]).toBe('## ❌ No verdict for shop/api&#58;v1.2.3')
    expect(markdown).toContain(
      `ECR scan status: **FAILED** (AWS: ${escapeText('UnsupportedImageError: bad layer')})`
    )
    expect(markdown).toContain(escapeText(problem))
    expect(markdown).not.toContain('Passed')
    expect(markdown).not.toContain('| Severity |')
    expect(markdown).not.toContain('### Findings')
  })

  it('marks no verdict as a warning when the caller says it does not fail the step', () => {
    const data = reportData([], {
      scan: { status: 'FAILED', type: 'basic' },
      verdict: undefined,
      problem: 'The scan ended with status FAILED.'
    })
    const markdown = renderSummary(data, { noVerdictFails: false })
    expect(markdown.split('\n')[0]).toBe('## ⚠️ No verdict for shop/api&#58;v1.2.3')
  })

  it('quotes the AWS description once when the problem text already gives it', () => {
    const description =
      'UnsupportedImageError: The operating system and/or package manager are not supported.'
    const data = reportData([], {
      scan: { status: 'UNSUPPORTED_IMAGE', description, type: 'basic' },
      verdict: undefined,
      problem: `The scan ended with status UNSUPPORTED_IMAGE (${description}): there is nothing trustworthy to judge. Use a supported base image.`
    })
    const markdown = renderSummary(data)
    expect(markdown.split(escapeText(description)).length - 1).toBe(1)
    expect(markdown).toContain('ECR scan status: **UNSUPPORTED&#95;IMAGE**')
  })

  it('quotes at most 1,000 characters of a huge AWS description, so the comment stays in its limit', () => {
    const description = 'Scanner error: '.repeat(5_000)
    const data = reportData([], {
      scan: { status: 'FAILED', description, type: 'basic' },
      verdict: undefined,
      problem: `The scan ended with status FAILED (${description}): nothing to judge.`
    })
    const comment = renderRunComment(runOf(data))
    expect(description.length).toBeGreaterThan(COMMENT_BODY_LIMIT)
    expect(comment.length).toBeLessThan(3_000)
    expect(comment).toContain('No verdict')
    expect(renderSummary(data).length).toBeLessThan(3_000)
  })
})

describe('the overview of several images', () => {
  const passed = runOf(reportData([finding({ severity: 'LOW' })])).images
  const failed = runOf(
    reportData([finding({ severity: 'CRITICAL' })], {
      thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false }
    })
  ).images
  const ended: UnjudgedImage = {
    kind: 'unjudged',
    target: targetOf('shop/batch:v1'),
    platforms: [],
    scan: { status: 'FAILED', type: 'basic' },
    problem: { kind: 'scan-ended', message: 'The scan ended with status FAILED.' }
  }
  const timedOut: UnjudgedImage = {
    ...ended,
    target: targetOf('shop/cron:v1'),
    problem: { kind: 'timeout', message: 'The scan did not settle within the timeout.' }
  }
  const runWith = (images: RunResult['images']): RunResult => ({
    images,
    thresholds: NO_THRESHOLDS,
    actionVersion: 'v1.4.0'
  })
  const headline = (images: RunResult['images'], scanFailure?: ScanFailureMode) =>
    renderRunSummary(runWith(images), { scanFailure }).split('\n')[0]

  it('says a no-verdict that scan-failure warn softens is a warning, not a failure', () => {
    expect(headline([...passed, ended], 'warn')).toBe('## ⚠️ 1 of 2 images has no verdict')
    expect(headline([...passed, ended, ended], 'warn')).toBe('## ⚠️ 2 of 3 images have no verdict')
    expect(headline([...failed, ended], 'warn')).toBe(
      '## ❌ 1 of 2 images failed or have no verdict; ⚠️ 1 more has no verdict'
    )
  })

  it('counts every no-verdict as failing without warn, and a timeout even with it', () => {
    expect(headline([...passed, ended])).toBe('## ❌ 1 of 2 images failed or have no verdict')
    expect(headline([...passed, timedOut], 'warn')).toBe(
      '## ❌ 1 of 2 images failed or have no verdict'
    )
    expect(headline([...passed, ...passed])).toBe(
      '## ✅ Passed: 2 images break no severity threshold'
    )
  })
})

describe('the image section', () => {
  it('names repository, tag, digest, registry, region, scan type and times in UTC', () => {
    const data = reportData([], {
      image: {
        repository: 'shop/api',
        tag: 'v1.2.3',
        digest: DIGEST,
        registryId: '123456789012',
        region: 'eu-west-1'
      }
    })
    const summary = renderSummary(data)
    expect(summary).toContain('<code>shop/api</code>, tag <code>v1.2.3</code>')
    expect(summary).toContain(`<code title="${escapeText(DIGEST)}">sha256&#58;0123456789ab</code>`)
    expect(summary).toContain('**Registry:** account 123456789012, region eu-west-1')
    expect(summary).toContain(
      '**Scan:** enhanced, status COMPLETE, completed 2024-05-01T12:34:56Z, vulnerability database from 2024-04-30T08:00:00Z'
    )
  })

  it("says the registry is the caller's own when no registry id is given", () => {
    expect(renderSummary(reportData([]))).toContain('**Registry:** this account, region eu-west-1')
  })
})

describe('the platforms of an index', () => {
  /** `count` platforms, each with its own digest, status and counts, named `linux/<prefix>N`. */
  function platforms(count: number, prefix = 'arch'): PlatformScan[] {
    return Array.from({ length: count }, (_, index) => ({
      platform: `linux/${prefix}${index}`,
      digest: `sha256:${String(index).padStart(64, '0')}`,
      scan: { status: 'COMPLETE', type: 'enhanced' },
      counts: { ...countBySeverity([finding({ severity: 'HIGH' })]) }
    }))
  }
  const platformLines = (markdown: string) =>
    markdown.split('\n').filter(line => line.startsWith('**Platform '))
  const moreCount = (markdown: string) =>
    Number(/…and (\d+) more platforms?\b/.exec(markdown)?.[1] ?? 0)

  it('lists every platform, and no "more" line, when there are few', () => {
    const summary = renderSummary(reportData([], { platforms: platforms(3) }))
    expect(platformLines(summary)).toHaveLength(3)
    expect(summary).toMatch(/\*\*Platform linux\/arch2:\*\* <code title="sha256&#58;0+2">/)
    expect(summary).toContain('status COMPLETE: 1 HIGH')
    expect(summary).not.toContain('more platform')
  })

  it(`lists at most ${SUMMARY_MAX_PLATFORMS} platforms in order and counts the rest exactly`, () => {
    const summary = renderSummary(reportData([], { platforms: platforms(2_000) }))
    const lines = platformLines(summary)
    expect(lines).toHaveLength(SUMMARY_MAX_PLATFORMS)
    expect(lines[0]).toContain('**Platform linux/arch0:**')
    expect(lines.at(-1)).toContain(`**Platform linux/arch${SUMMARY_MAX_PLATFORMS - 1}:**`)
    expect(lines.length + moreCount(summary)).toBe(2_000)
    expect(summary).toContain('(2000 in all)')
    expect(summary).toContain('the JSON report (the `json-report` output) lists every one')
  })

  it('keeps one image with 2,000 long platform names under the target, verdict first', () => {
    const data = reportData([finding({ severity: 'CRITICAL' })], {
      platforms: platforms(2_000, 'x'.repeat(2_000)),
      thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false }
    })
    const summary = renderSummary(data)
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_TARGET_BYTES)
    expect(summary.split('\n')[0]).toBe(
      '## ❌ Failed: shop/api&#58;v1.2.3 breaks the severity thresholds'
    )
    expect(platformLines(summary).length + moreCount(summary)).toBe(2_000)
    expect(findingRows(summary)).toHaveLength(1)
  })

  it('charges the platforms to a small budget with a check, keeping the total exact', () => {
    const data = reportData(manyFindings(50), { platforms: platforms(2_000) })
    const summary = renderSummary(data, { limitBytes: 12_000 })
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(12_000)
    const shownCount = platformLines(summary).length
    expect(shownCount).toBeGreaterThan(0)
    expect(shownCount).toBeLessThan(SUMMARY_MAX_PLATFORMS)
    expect(shownCount + moreCount(summary)).toBe(2_000)
    expect(findingRows(summary).length).toBeGreaterThan(0)
    expect(summary.split('\n')[0]).toBe(
      '## ✅ Passed: shop/api&#58;v1.2.3 breaks no severity threshold'
    )
  })

  it('keeps several images with 2,000 platforms each under the target, every section shown', () => {
    const images = Array.from(
      { length: 5 },
      (_, index) =>
        runOf(
          reportData([finding({ severity: index === 0 ? 'CRITICAL' : 'LOW' })], {
            image: {
              repository: `shop/svc${index}`,
              tag: 'v1',
              digest: DIGEST,
              region: 'eu-west-1'
            },
            platforms: platforms(2_000),
            thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false }
          }),
          `shop/svc${index}:v1`
        ).images
    ).flat()
    const summary = renderRunSummary({
      images,
      thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false },
      actionVersion: 'v1.4.0'
    })
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_TARGET_BYTES)
    expect(summary.split('\n')[0]).toBe('## ❌ 1 of 5 images failed or have no verdict')
    expect(summary).not.toContain('more images are not')
    for (let index = 0; index < 5; index += 1) {
      expect(summary).toContain(`shop/svc${index}&#58;v1`)
    }
    expect(summary.match(/^## (✅|❌) (Passed|Failed): /gm)).toHaveLength(5)
    expect(platformLines(summary)).toHaveLength(5 * SUMMARY_MAX_PLATFORMS)
    expect(summary.match(/…and 1900 more platforms \(2000 in all\)/g)).toHaveLength(5)
    const overview = tableRows(summary, 'Image')
    expect(overview).toHaveLength(5)
    expect(overview[0]?.[1]).toMatch(/^linux\/arch0, .*, linux\/arch99, …and 1900 more$/)
  })

  it('caps the platforms of an image without a verdict too, after its problem', () => {
    const data = reportData([], {
      platforms: platforms(2_000),
      verdict: undefined,
      scan: { status: 'FAILED', type: 'enhanced' },
      problem: 'The scan ended with status FAILED.'
    })
    const summary = renderSummary(data, { limitBytes: 20_000 })
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(20_000)
    expect(summary.split('\n')[0]).toBe('## ❌ No verdict for shop/api&#58;v1.2.3')
    expect(summary).toContain('The scan ended with status FAILED.')
    expect(platformLines(summary).length).toBeGreaterThan(0)
    expect(platformLines(summary).length + moreCount(summary)).toBe(2_000)
  })

  it('escapes platform text as it escapes every other field', () => {
    const hostile = platforms(1)
    hostile[0] = { ...hostile[0]!, platform: 'linux/<img src=x onerror=alert(1)>@team' }
    const summary = renderSummary(reportData([], { platforms: hostile }))
    expect(summary).not.toMatch(/<img/i)
    expect(summary).not.toMatch(/@\w/)
    expect(summary).toContain(
      `**Platform ${escapeText('linux/<img src=x onerror=alert(1)>@team')}:**`
    )
  })
})

describe('the counts table', () => {
  it('lists all seven severities in order with exact counts and each threshold', () => {
    const findings = [
      ...Array.from({ length: 2 }, () => finding({ severity: 'CRITICAL' })),
      ...Array.from({ length: 7 }, () => finding({ severity: 'MEDIUM' })),
      finding({ severity: 'UNTRIAGED' })
    ]
    const thresholds: Thresholds = {
      failOn: 'HIGH',
      maxCounts: { MEDIUM: 5, LOW: 0 },
      failOnExploit: false
    }
    const rows = tableRows(renderSummary(reportData(findings, { thresholds })), 'Severity')
    expect(rows).toEqual([
      ['CRITICAL', '2', '0'],
      ['HIGH', '0', '0'],
      ['MEDIUM', '7', '≤ 5'],
      ['LOW', '0', '0'],
      ['INFORMATIONAL', '0', '—'],
      ['UNDEFINED', '0', '—'],
      ['UNTRIAGED', '1', '—'],
      ['**Total**', '**10**', '']
    ])
  })

  it('adds a Judged column when triage set findings aside', () => {
    const kept = finding({ severity: 'HIGH' })
    const ignored = finding({ severity: 'HIGH' })
    const data = reportData([kept, ignored], {
      triage: {
        counted: [kept],
        ignored: [{ finding: ignored, rule: rule({ id: ignored.id }) }],
        filters: [],
        expiredRules: [],
        staleRules: []
      },
      verdict: evaluatePolicy([kept], NO_THRESHOLDS)
    })
    const summary = renderSummary(data)
    expect(summary).toContain('| Severity | Found | Judged | Threshold |')
    const rows = tableRows(summary, 'Severity')
    expect(rows[1]).toEqual(['HIGH', '2', '1', '—'])
    expect(rows[7]).toEqual(['**Total**', '**2**', '**1**', ''])
  })
})

function rule(overrides: Partial<IgnoreRule> = {}): IgnoreRule {
  return { id: 'CVE-2024-0001', reason: 'Not reachable', origin: '.ecr-scan.yml:3', ...overrides }
}

describe('the triage section', () => {
  it('shows filters, ignored findings with escaped reasons, expired and stale rules', () => {
    const ignored = finding({ id: 'CVE-2024-7777', severity: 'CRITICAL', packageName: 'zlib' })
    const counted = finding({ severity: 'LOW' })
    const data = reportData([ignored, counted], {
      triage: {
        counted: [counted],
        ignored: [
          {
            finding: ignored,
            rule: rule({
              id: 'CVE-2024-7777',
              reason: 'Only in <b>tests</b> @security-team',
              expires: '2030-01-31'
            })
          }
        ],
        filters: [{ filter: 'only-fixable', setAside: 4, keptUnknown: 2 }],
        expiredRules: [
          rule({ id: 'CVE-2023-1', expires: '2024-01-01', origin: '.ecr-scan.yml:9' })
        ],
        staleRules: [rule({ id: 'CVE-2022-2', package: 'curl', origin: 'input ignore' })]
      },
      verdict: evaluatePolicy([counted], NO_THRESHOLDS)
    })
    const summary = renderSummary(data)
    const section = summary.slice(
      summary.indexOf('### Ignored and filtered'),
      summary.indexOf('### Findings')
    )
    expect(section).toContain('The policy judged 1 of 2 findings.')
    expect(section).toContain(
      '- Filter **only-fixable** set aside 4 findings and kept 2 findings the scan gave it nothing to judge by.'
    )
    expect(section).toContain(
      `- Ignored CRITICAL <a href="https://nvd.nist.gov/vuln/detail/CVE-2024-7777">${shown('CVE-2024-7777')}</a> in zlib: ${escapeText('Only in <b>tests</b> @security-team')} (.ecr-scan.yml&#58;3, until 2030-01-31)`
    )
    expect(section).not.toContain('<b>tests')
    expect(section).toContain(
      '- Expired rule CVE-2023-1 (.ecr-scan.yml&#58;9) expired after 2024-01-01 and no longer applies.'
    )
    expect(section).toContain(
      '- Stale rule CVE-2022-2 for curl (input ignore) matched no finding in this image.'
    )
  })

  it('is left out when triage set nothing aside', () => {
    expect(renderSummary(reportData([finding()]))).not.toContain('Ignored and filtered')
  })

  it('skips an ignored finding too long for its room and still lists the shorter ones', () => {
    const huge = finding({ severity: 'LOW', packageName: 'p'.repeat(200_000) })
    const small = finding({ severity: 'LOW', packageName: 'zlib' })
    const ignored = [huge, small].map(item => ({ finding: item, rule: rule({ id: item.id }) }))
    const data = reportData([huge, small], {
      triage: { counted: [], ignored, filters: [], expiredRules: [], staleRules: [] },
      verdict: evaluatePolicy([], NO_THRESHOLDS)
    })
    const lines = renderRunComment(runOf(data))
      .split('\n')
      .filter(line => line.startsWith('- Ignored '))
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain(' in zlib: ')
    expect(lines[0]).toContain(` in ${'p'.repeat(119)}…: `)
  })
})

describe('the findings list', () => {
  it('orders by severity, then CVSS score (highest first, unscored last), then id', () => {
    const findings = [
      finding({ id: 'CVE-B', severity: 'LOW', cvssScore: 3 }),
      finding({ id: 'CVE-C', severity: 'CRITICAL', cvssScore: 9.1 }),
      finding({ id: 'CVE-A', severity: 'CRITICAL', cvssScore: 9.1 }),
      finding({ id: 'CVE-D', severity: 'CRITICAL', cvssScore: 9.8 }),
      finding({ id: 'CVE-E', severity: 'CRITICAL', cvssScore: undefined }),
      finding({ id: 'CVE-F', severity: 'HIGH', cvssScore: 7 }),
      finding({ id: 'CVE-G', severity: 'UNTRIAGED', cvssScore: 10 })
    ]
    const ids = findingRows(renderSummary(reportData(findings))).map(idOf)
    expect(ids).toEqual(['CVE-D', 'CVE-A', 'CVE-C', 'CVE-E', 'CVE-F', 'CVE-B', 'CVE-G'])
  })

  it('shows every column an enhanced finding fills', () => {
    const summary = renderSummary(reportData([finding({ id: 'CVE-1', cvssScore: 7.25 })]))
    expect(headerOfFindings(summary)).toEqual([
      'ID',
      'Package',
      'Installed',
      'Fixed in',
      'CVSS',
      'Fix',
      'Exploit',
      'Description'
    ])
    expect(findingRows(summary)[0]).toEqual([
      `<a href="https://nvd.nist.gov/vuln/detail/CVE-1">${shown('CVE-1')}</a>`,
      'openssl',
      '3.0.1-r0',
      '3.0.7-r0',
      '7.3',
      'yes',
      'no',
      'A buffer overflow in the X.509 parser.'
    ])
  })

  it('hides the columns a basic scan never fills', () => {
    const summary = renderSummary(
      reportData([basicFinding(), basicFinding({ cvssScore: undefined })])
    )
    expect(headerOfFindings(summary)).toEqual(['ID', 'Package', 'Installed', 'CVSS', 'Description'])
    expect(findingRows(summary).map(row => row[3])).toEqual(['5.5', '—'])
  })

  it('keeps CRITICAL and HIGH in the open and folds each lower severity into its own details', () => {
    const findings = (['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'LOW'] as Severity[]).map(severity =>
      finding({ severity })
    )
    const summary = renderSummary(reportData(findings))
    expect(summary).toContain('#### CRITICAL (1)')
    expect(summary).toContain('#### HIGH (1)')
    expect(summary).toContain('<details><summary><b>MEDIUM (1)</b></summary>')
    expect(summary).toContain('<details><summary><b>LOW (2)</b></summary>')
    const details = summary.match(/<details>[\s\S]*?<\/details>/g) ?? []
    expect(details).toHaveLength(2)
    expect(details.join('')).not.toMatch(/CRITICAL|HIGH/)
    expect(summary.match(/<details>/g)).toHaveLength(summary.match(/<\/details>/g)?.length ?? 0)
  })

  it('keeps the most severe group present in the open even below HIGH', () => {
    const findings = (['MEDIUM', 'LOW'] as Severity[]).map(severity => finding({ severity }))
    const summary = renderSummary(reportData(findings))
    expect(summary).toContain('#### MEDIUM (1)')
    expect(summary).toContain('<details><summary><b>LOW (1)</b></summary>')
    expect(summary).not.toContain('<b>MEDIUM')
  })

  it('links an id only to an http(s) advisory', () => {
    const summary = renderSummary(
      reportData([
        finding({ id: 'CVE-WEB', link: 'https://example.test/CVE-WEB' }),
        finding({ id: 'CVE-JS', link: 'javascript:alert(1)' }),
        finding({ id: 'CVE-NONE', link: undefined })
      ])
    )
    const ids = findingRows(summary).map(row => row[0])
    expect(ids).toContain(`<a href="https://example.test/CVE-WEB">${shown('CVE-WEB')}</a>`)
    expect(ids).toContain(shown('CVE-JS'))
    expect(ids).toContain(shown('CVE-NONE'))
    expect(summary).not.toContain('javascript')
  })

  it('drops an advisory link longer than 2,000 characters and names a blank id', () => {
    const summary = renderSummary(
      reportData([
        finding({ id: 'CVE-LONG', link: `https://example.test/${'a'.repeat(3_000)}` }),
        finding({ id: ' \u200B ', link: 'https://example.test/blank' })
      ])
    )
    const ids = findingRows(summary).map(row => row[0])
    expect(ids).toContain(shown('CVE-LONG'))
    expect(ids).toContain('<a href="https://example.test/blank">(unnamed)</a>')
    expect(summary).not.toContain('a'.repeat(2_000))
  })

  it('caps long descriptions at 300 characters in the summary', () => {
    const data = reportData([finding({ description: 'x'.repeat(5000) })])
    const description = (markdown: string) => findingRows(markdown)[0]?.[7] ?? ''
    expect(description(renderSummary(data))).toBe(`${'x'.repeat(299)}…`)
  })

  it('says so when the scan found nothing', () => {
    const summary = renderSummary(reportData([]))
    expect(summary).toContain('### Findings (0)\n\nThe scan reported no vulnerabilities.')
    expect(summary).not.toContain('not listed')
  })
})

describe('untrusted text', () => {
  const hostile = finding({
    id: '<img src=x onerror=alert(1)>',
    severity: 'CRITICAL',
    link: 'javascript:alert(1)',
    packageName: '@org/team | evil',
    installedVersion: '1.0`</code>`\r\n| injected | row |',
    fixedInVersion: '</table></details><!-- -->',
    description:
      '[click](javascript:alert(1)) **bold** _em_ ~~del~~ $x^{99}$ https://evil.test www.evil.test\u202E'
  })

  // The comment has its own test of the same payloads in comment.test.ts.
  for (const [name, render] of [['summary', renderSummary]] as const) {
    it(`cannot inject HTML, links, mentions or table cells into the ${name}`, () => {
      const markdown = render(reportData([hostile, finding({ severity: 'CRITICAL' })]))
      expect(markdown).not.toMatch(/<img/i)
      expect(markdown).not.toContain('](javascript:')
      expect(markdown).not.toContain('javascript:')
      expect(markdown).not.toMatch(/@\w/)
      expect(markdown).not.toMatch(/&#64;(?!&#8203;)/)
      expect(markdown).not.toContain('<!--')
      expect(markdown).not.toContain('\u202E')
      expect(markdown).not.toContain('$')
      expect(markdown).not.toMatch(/<\/table>|<\/code>`/)
      expect(markdown.match(/<details>/g)?.length ?? 0).toBe(
        markdown.match(/<\/details>/g)?.length ?? 0
      )
      const header = headerOfFindings(markdown)
      const rows = findingRows(markdown)
      expect(rows).toHaveLength(2)
      for (const row of rows) expect(row).toHaveLength(header.length)
    })
  }
})

describe('the footer', () => {
  it('gives the action version and how to reproduce the scan locally', () => {
    const data = reportData([], {
      image: { repository: 'api', digest: DIGEST, registryId: '123456789012', region: 'us-east-1' }
    })
    const lines = renderSummary(data).trimEnd().split('\n')
    const footer = lines[lines.length - 1] ?? ''
    expect(footer).toContain('ecr-scan-findings v1.4.0')
    expect(footer).toContain(
      `<code>aws ecr describe-image-scan-findings --registry-id 123456789012 --repository-name api --image-id imageDigest=${escapeText(DIGEST)} --region us-east-1</code>`
    )
    expect(footer).toContain('<code>npm ci &amp;&amp; npm run demo</code>')
  })

  it('gives a command that pastes as it reads: no zero-width spaces inside code', () => {
    const data = reportData([], {
      image: { repository: 'team/gh-2', digest: DIGEST, region: 'eu-west-1' }
    })
    const footer = renderSummary(data).trimEnd().split('\n').pop() ?? ''
    expect(footer).toContain('--repository-name team/gh-2 --image-id')
    const code = footer.match(/<code>[^<]*<\/code>/g) ?? []
    expect(code).toHaveLength(2)
    expect(code.join('')).not.toContain('&#8203;')
  })
})

describe('size limits', () => {
  const FIFTY_THOUSAND = manyFindings(50_000)
  const bigData = reportData(FIFTY_THOUSAND, {
    thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false },
    verdict: evaluatePolicy(FIFTY_THOUSAND, {
      failOn: 'HIGH',
      maxCounts: {},
      failOnExploit: false
    }),
    runUrl: 'https://github.com/shop/api/actions/runs/42'
  })

  /** Every count exact, and the not-listed number equal to the rows really left out. */
  function expectHonestTruncation(markdown: string): string[][] {
    const counts = tableRows(markdown, 'Severity')
    for (const [index, severity] of SEVERITIES.entries()) {
      expect(counts[index]?.slice(0, 2)).toEqual([severity, String(bigData.counts[severity])])
    }
    const rows = findingRows(markdown)
    expect(rows.length).toBeGreaterThan(0)
    expect(notListedCount(markdown)).toBe(50_000 - rows.length)
    return rows
  }

  it('keeps a 50,000-finding summary to 1,000 rows and under 900 KiB, most severe first, with exact counts', () => {
    const summary = renderSummary(bigData)
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_TARGET_BYTES)
    const rows = expectHonestTruncation(summary)
    expect(rows).toHaveLength(SUMMARY_MAX_ROWS)
    const criticalCount = bigData.counts.CRITICAL
    const listedIds = rows.map(idOf)
    const shownCritical = FIFTY_THOUSAND.filter(item => item.severity === 'CRITICAL')
      .sort((a, b) => (b.cvssScore ?? 0) - (a.cvssScore ?? 0) || (a.id < b.id ? -1 : 1))
      .slice(0, Math.min(criticalCount, rows.length))
      .map(item => item.id)
    expect(listedIds.slice(0, shownCritical.length)).toEqual(shownCritical)
    expect(summary).toContain('The full list is in the JSON report (the `json-report` output;')
    expect(summary).toContain('aws ecr describe-image-scan-findings')
  })

  it('says how many of a cut group it shows', () => {
    const summary = renderSummary(bigData)
    // 50,000 findings over seven severities: 7,143 CRITICAL, of which the first 1,000 are listed.
    expect(summary).toContain(`#### CRITICAL (1000 of ${bigData.counts.CRITICAL} shown)`)
    const small = renderSummary(reportData(manyFindings(100)), { maxRows: 20 })
    expect(small).toContain('#### CRITICAL (15)')
    expect(small).toContain('#### HIGH (5 of 15 shown)')
    expect(findingRows(small)).toHaveLength(20)
  })

  it('breaks the not-listed number down by severity', () => {
    const summary = renderSummary(bigData)
    const severityOf = new Map(FIFTY_THOUSAND.map(item => [item.id, item.severity]))
    const notListed = { ...bigData.counts }
    for (const row of findingRows(summary)) {
      const severity = severityOf.get(idOf(row))
      if (severity) notListed[severity] -= 1
    }
    const breakdown = SEVERITIES.filter(severity => notListed[severity] > 0)
      .map(severity => `${notListed[severity]} ${severity}`)
      .join(', ')
    expect(summary).toContain(
      `findings not listed** (${breakdown}): the summary lists at most 1,000 rows`
    )
  })

  it('counts bytes, not characters, for the summary', () => {
    const emoji = manyFindings(5_000, { description: '🐳'.repeat(300) })
    const summary = renderSummary(reportData(emoji), { limitBytes: 200_000 })
    const bytes = Buffer.byteLength(summary, 'utf8')
    expect(bytes).toBeLessThanOrEqual(200_000)
    // Nearly full in bytes, far from full in characters: the budget was kept in bytes.
    expect(bytes).toBeGreaterThan(195_000)
    expect(summary.length).toBeLessThan(150_000)
    expect(notListedCount(summary)).toBe(5_000 - findingRows(summary).length)
  })

  it('honours a custom byte limit below the row cap', () => {
    const summary = renderSummary(bigData, { limitBytes: 100_000 })
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(100_000)
    expect(Buffer.byteLength(summary, 'utf8')).toBeGreaterThan(95_000)
    expect(findingRows(summary).length).toBeLessThan(SUMMARY_MAX_ROWS)
    expect(notListedCount(summary)).toBe(50_000 - findingRows(summary).length)
  })

  it('keeps ignored findings to the row cap and a share of the room so judged findings are still listed', () => {
    const ignored = FIFTY_THOUSAND.slice(0, 40_000)
    const counted = FIFTY_THOUSAND.slice(40_000)
    const data: ReportData = {
      ...bigData,
      triage: {
        counted,
        ignored: ignored.map(item => ({ finding: item, rule: rule({ id: item.id }) })),
        filters: [],
        expiredRules: [],
        staleRules: []
      },
      verdict: evaluatePolicy(counted, NO_THRESHOLDS)
    }
    const summary = renderSummary(data, { limitBytes: 200_000 })
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(200_000)
    const listedIgnored = summary.split('\n').filter(line => line.startsWith('- Ignored ')).length
    expect(summary).toContain(`- …and ${40_000 - listedIgnored} more, not listed.`)
    // The ignored lines had a quarter of the room; the judged rows, longer each, the rest.
    expect(findingRows(summary).length).toBeGreaterThan(listedIgnored / 2)
    const capped = renderSummary(data)
    expect(capped.split('\n').filter(line => line.startsWith('- Ignored '))).toHaveLength(
      SUMMARY_MAX_ROWS
    )
  })

  it('lists everything, with no not-listed note, when it all fits', () => {
    const summary = renderSummary(reportData(manyFindings(100)))
    expect(findingRows(summary)).toHaveLength(100)
    expect(summary).not.toContain('not listed')
  })
})

describe('findings that ignore rules took out', () => {
  it('are marked in a Judged column and keep their place by CVSS score', () => {
    const judged = finding({ id: 'CVE-2024-1000', severity: 'CRITICAL', cvssScore: 5 })
    const ignored = finding({ id: 'CVE-2024-2000', severity: 'CRITICAL', cvssScore: 9.8 })
    const findings = [ignored, judged]
    const triaged = triage(
      findings,
      [rule({ id: 'CVE-2024-2000' })],
      { onlyFixable: false },
      new Date()
    )
    const data = reportData(findings, {
      triage: triaged,
      verdict: evaluatePolicy(triaged.counted, NO_THRESHOLDS)
    })
    const rows = findingRows(renderSummary(data))
    expect(rows.map(row => row[0])).toEqual([
      expect.stringContaining('CVE-2024-2000'),
      expect.stringContaining('CVE-2024-1000')
    ])
    expect(rows.map(row => row[row.length - 1])).toEqual(['ignored', 'yes'])
  })
})

describe('the summary as GitHub renders it', () => {
  const markdownIt = new MarkdownIt({ html: true })

  it('keeps the breach list its own list, apart from the image details', () => {
    const thresholds: Thresholds = { failOn: 'HIGH', maxCounts: { MEDIUM: 1 }, failOnExploit: true }
    const data = reportData(
      [
        finding({ severity: 'CRITICAL', exploitAvailable: 'YES' }),
        finding({ severity: 'MEDIUM' }),
        finding({ severity: 'MEDIUM' })
      ],
      { thresholds, platforms: [] }
    )
    const html = markdownIt.render(renderSummary(data))
    const lists = html.match(/<ul>[\s\S]*?<\/ul>/g) ?? []
    expect(lists).toHaveLength(1)
    const items = lists[0]?.match(/<li>/g) ?? []
    expect(items).toHaveLength(data.verdict?.breaches.length ?? -1)
    expect(lists[0]).not.toContain('Image:')
    expect(lists[0]).not.toContain('Registry:')
    expect(html).toMatch(/<p><strong>Image:<\/strong>[\s\S]*<br>[\s\S]*Registry:/)
  })

  it('shows versions exactly as the package manager writes them', () => {
    const versions = ['1:9.2p1-2+deb12u1', '252.12-1~deb12u1', '2:1.0~rc1-1', '1.2.13.dfsg-1']
    const data = reportData(
      versions.map((version, index) =>
        finding({
          id: `CVE-2024-${index}`,
          installedVersion: version,
          fixedInVersion: `${version}+b1`
        })
      )
    )
    const html = markdownIt.render(renderSummary(data))
    const text = html.replace(/<[^>]*>/g, '')
    const decoded = text.replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCodePoint(Number(code))
    )
    for (const version of versions) {
      expect(decoded).toContain(version)
      expect(decoded).toContain(`${version}+b1`)
    }
    expect(html).not.toContain('<del>')
  })

  it('keeps ids from wrapping with non-breaking hyphens, and links the id as written', () => {
    const html = markdownIt.render(renderSummary(reportData([finding({ id: 'CVE-2024-12345' })])))
    expect(html).toContain(
      'href="https://nvd.nist.gov/vuln/detail/CVE-2024-12345">CVE\u20112024\u201112345</a>'
    )
  })
})
