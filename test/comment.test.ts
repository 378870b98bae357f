import MarkdownIt from 'markdown-it'
import { type Finding, normalizeEnhancedFinding } from '../src/model/findings.js'
import { escapeText } from '../src/report/markdown.js'
import { type Thresholds, evaluatePolicy } from '../src/policy/policy.js'
import { triage } from '../src/policy/triage.js'
import { diffBaseline } from '../src/policy/baseline.js'
import { SEVERITIES, countBySeverity } from '../src/model/severity.js'
import type {
  IgnoreRule,
  ImageResult,
  JudgedImage,
  RunResult,
  UnjudgedImage
} from '../src/core/results.js'
import {
  COMMENT_BODY_LIMIT,
  COMMENT_MARKER_BUDGET,
  SUMMARY_TARGET_BYTES
} from '../src/report/limits.js'
import { readConfig } from '../src/config/inputs.js'
import { renderRunComment, renderRunSummary } from '../src/report/report.js'
import { fixGroups, headlineName, shortenMiddle } from '../src/report/comment.js'
import { compareVersions, highestVersion } from '../src/report/versions.js'
import { enhancedFindings } from './support/findings-factory.js'
import { finding, targetOf } from './support/model.js'
import { tableRows } from './support/tables.js'
import { autolinks, decoded } from './support/autolinks.js'

const markdownIt = new MarkdownIt({ html: true })
const RUN_URL = 'https://github.com/shop/api/actions/runs/42'
const FAIL_ON_HIGH: Thresholds = { failOn: 'HIGH', maxCounts: {}, failOnExploit: false }

let sequence = 0
function judged(
  findings: Finding[],
  options: {
    thresholds?: Thresholds
    rules?: IgnoreRule[]
    tag?: string
    repository?: string
    baseline?: Finding[]
  } = {}
): JudgedImage {
  sequence += 1
  const thresholds = options.thresholds ?? FAIL_ON_HIGH
  const triaged = triage(
    findings,
    options.rules ?? [],
    { onlyFixable: false },
    new Date('2026-06-01')
  )
  const repository = options.repository ?? 'shop/api'
  const tag = options.tag ?? `v1.${sequence}`
  const digest = `sha256:${String(sequence).padStart(64, '0')}`
  return {
    kind: 'judged',
    target: targetOf(`${repository}:${tag}`, { region: 'eu-west-1' }),
    image: { repository, tag, digest, region: 'eu-west-1' },
    platforms: [],
    scan: { status: 'COMPLETE', type: 'enhanced' },
    findings,
    counts: countBySeverity(findings),
    triage: triaged,
    verdict: evaluatePolicy(triaged.counted, thresholds),
    baseline: options.baseline
      ? diffBaseline(findings, options.baseline, {
          reference: 'main',
          digest: `sha256:${'b'.repeat(64)}`
        })
      : undefined
  }
}

function run(images: ImageResult[], thresholds: Thresholds = FAIL_ON_HIGH): RunResult {
  return {
    images,
    thresholds,
    actionVersion: 'v1.5.0',
    runUrl: RUN_URL,
    commit: '0123456789abcdef0123456789abcdef01234567',
    updatedAt: new Date('2026-11-30T03:30:00Z')
  }
}

function enhanced(count: number, seed?: number): Finding[] {
  return enhancedFindings(count, { seed, includeUnranked: true }).map(raw =>
    normalizeEnhancedFinding(raw)
  )
}

const idText = (id: string) => id.replace(/-/g, '\u2011')

describe('the comment for a large image', () => {
  const findings = enhanced(5_000)
  const image = judged(findings)
  const comment = renderRunComment(run([image]), { reservedChars: COMMENT_MARKER_BUDGET })

  it('stays under 10,000 characters for 5,000 findings', () => {
    expect(comment.length).toBeLessThan(10_000)
  })

  it('names every severity count on one line, with the rule in words and breaches marked', () => {
    const lines = comment
      .split('\n')
      .filter(line => line.includes('CRITICAL') && line.includes(' · '))
    expect(lines).toHaveLength(1)
    const line = lines[0] ?? ''
    for (const severity of SEVERITIES) {
      expect(line).toContain(`${severity} ${image.counts[severity]} (`)
    }
    expect(line).toContain(`❌ **CRITICAL ${image.counts.CRITICAL} (any fails)**`)
    expect(line).toContain(`❌ **HIGH ${image.counts.HIGH} (any fails)**`)
    expect(line).toContain(`MEDIUM ${image.counts.MEDIUM} (not gated)`)
    expect(line).not.toContain('❌ **MEDIUM')
  })

  it('shows a few failing findings and says how many of how many, linking the job summary', () => {
    const failing = image.counts.CRITICAL + image.counts.HIGH
    const rows = tableRows(comment, 'ID')
    expect(rows).toHaveLength(10)
    expect(comment).toContain(`10 of ${failing} shown`)
    expect(comment).toContain(`<a href="${RUN_URL}">job summary</a>`)
    for (const row of rows) expect(['CRITICAL', 'HIGH']).toContain(row[1])
  })

  it('honours comment-max-rows', () => {
    const three = renderRunComment(run([image]), { maxRows: 3 })
    expect(tableRows(three, 'ID')).toHaveLength(3)
    expect(three).toContain(`3 of ${image.counts.CRITICAL + image.counts.HIGH} shown`)
  })

  it('orders known exploits before the rest, then fixable, then by CVSS', () => {
    const rows = tableRows(comment, 'ID')
    const byId = new Map(findings.map(item => [idText(item.id), item]))
    const shown = rows.map(row => byId.get(decoded(row[0] ?? '')))
    expect(shown.every(item => item !== undefined)).toBe(true)
    const key = (item: Finding | undefined) => [
      item?.exploitAvailable === 'YES' ? 1 : 0,
      item?.fixAvailable === 'YES' ? 1 : 0,
      item?.cvssScore ?? -1
    ]
    for (let index = 1; index < shown.length; index += 1) {
      const [a, b] = [key(shown[index - 1]), key(shown[index])]
      expect(
        a[0]! > b[0]! || (a[0] === b[0] && (a[1]! > b[1]! || (a[1] === b[1] && a[2]! >= b[2]!)))
      ).toBe(true)
    }
  })

  it('has a footer with the commit, the run and the time, and no demo instructions', () => {
    const footer = comment.trimEnd().split('\n').pop() ?? ''
    expect(footer).toContain(
      '<code title="0123456789abcdef0123456789abcdef01234567">0123456</code>'
    )
    expect(footer).toContain(`<a href="${RUN_URL}">job summary</a>`)
    expect(footer).toContain('updated 2026-11-30 03:30 UTC')
    expect(comment).not.toContain('npm run demo')
    expect(comment).not.toContain('npm ci')
  })
})

describe('the headline', () => {
  it('fits one short line for a 40-character tag; the full tag is in the hover title and the details', () => {
    const tag = 'pr-1234-build-3f9a2c1d9e8f7a6b5c4d3e2f1a'
    expect(tag).toHaveLength(40)
    const image = judged([finding('CVE-2024-1', { severity: 'CRITICAL' })], {
      tag,
      repository: 'platform-team/services/checkout-api'
    })
    const comment = renderRunComment(run([image]))
    const headline = comment.split('\n')[0] ?? ''
    const html = markdownIt.render(headline)
    expect(decoded(html)).toMatch(/^❌ Failed: /)
    expect(Array.from(decoded(html).trim()).length).toBeLessThanOrEqual(50)
    expect(headline).toContain(
      `title="${escapeText(`${image.target.reference}@${image.image.digest}`)}"`
    )
    expect(comment).toContain(`<code>${escapeText(tag).replace(/&#8203;/g, '')}</code>`)
  })

  it('shortens long names in the middle, keeping both ends', () => {
    expect(shortenMiddle('abcdefghijklmnopqrstuvwxyz', 9)).toBe('abcd…wxyz')
    expect(shortenMiddle('short', 9)).toBe('short')
    const name = headlineName(
      { repository: 'a/b', digest: `sha256:${'f'.repeat(64)}`, region: 'x' },
      'a/b'
    )
    expect(decoded(name)).toBe('a/b@sha256:ffffffffffff')
  })
})

describe('with a baseline', () => {
  const old = [
    finding('CVE-2023-1', { severity: 'CRITICAL', cvssScore: 9.9, packageName: 'zlib' }),
    finding('CVE-2023-2', { severity: 'HIGH', cvssScore: 8, packageName: 'zlib' }),
    finding('CVE-2023-9', { severity: 'HIGH', cvssScore: 8, packageName: 'gone' })
  ]
  const fresh = [
    finding('CVE-2024-5', { severity: 'HIGH', cvssScore: 7.1, packageName: 'curl' }),
    finding('CVE-2024-6', { severity: 'HIGH', cvssScore: 7.2, packageName: 'curl' })
  ]
  const image = judged([...old.slice(0, 2), ...fresh], { baseline: old })
  const comment = renderRunComment(run([image]))

  it('says new, fixed and unchanged right under the headline', () => {
    const blocks = comment.split('\n\n')
    expect(blocks[1]).toMatch(
      /^\*\*2 new\*\*, 1 fixed, 2 unchanged against <code title="main">main<\/code>/
    )
  })

  it('lists new findings first, even below the known ones in CVSS', () => {
    const ids = tableRows(comment, 'ID').map(row => decoded(row[0] ?? ''))
    expect(ids).toEqual(['CVE-2024-6', 'CVE-2024-5', 'CVE-2023-1', 'CVE-2023-2'].map(idText))
    expect(tableRows(comment, 'ID').map(row => row[6])).toEqual(['**new**', '**new**', '—', '—'])
  })
})

describe('risk beyond severity', () => {
  const onKev = finding('CVE-2021-44228', {
    severity: 'MEDIUM',
    packageName: 'log4j',
    epss: 0.97,
    kev: { dateAdded: '2021-12-10', dueDate: '2021-12-24' }
  })
  const likely = finding('CVE-2024-0002', { severity: 'HIGH', packageName: 'curl', epss: 0.4 })
  const unlikely = finding('CVE-2024-0003', { severity: 'HIGH', packageName: 'zlib', epss: 0.001 })
  const unscored = finding('CVE-2024-0004', { severity: 'HIGH', packageName: 'xz', cvssScore: 9.9 })
  const thresholds: Thresholds = { ...FAIL_ON_HIGH, failOnKev: true }
  const result = run([judged([unscored, unlikely, onKev, likely], { thresholds })], thresholds)
  const comment = renderRunComment(result)

  it('lists what fails the check with the KEV finding first, then by EPSS', () => {
    const ids = tableRows(comment, 'ID').map(cells => (cells[0] ?? '').replace(/\u2011/g, '-'))
    expect(ids.map(id => /CVE-\d+-\d+/.exec(id)?.[0])).toEqual([
      'CVE-2021-44228',
      'CVE-2024-0002',
      'CVE-2024-0003',
      'CVE-2024-0004'
    ])
    const kevRow = tableRows(comment, 'ID')[0] ?? []
    expect(kevRow.at(-1)).toBe('**on CISA KEV**, EPSS 97%')
  })

  it('shows an EPSS column and the KEV mark in the job summary', () => {
    const summary = renderRunSummary(result)
    const header = summary.split('\n').find(line => line.startsWith('| ID |')) ?? ''
    expect(header).toContain('| EPSS |')
    expect(header).toContain('| CISA KEV |')
    const row = summary
      .split('\n')
      .find(line => line.replace(/\u2011/g, '-').includes('CVE-2021-44228'))
    expect(row).toContain('| 97% |')
    expect(row).toContain('**yes**, added 2021-12-10')
  })
})

describe('a breach of fail-on-kev alone', () => {
  const thresholds: Thresholds = { ...FAIL_ON_HIGH, failOnKev: true }
  const onKev = finding('CVE-2021-44228', {
    severity: 'MEDIUM',
    packageName: 'log4j',
    kev: { dateAdded: '2021-12-10' }
  })

  it('marks the KEV rule broken on the counts line, so the reader sees why it failed', () => {
    const comment = renderRunComment(run([judged([onKev], { thresholds })], thresholds))
    expect(comment.split('\n')[0]).toMatch(/^## ❌ Failed: /)
    const line = comment.split('\n').find(line => line.startsWith('CRITICAL ')) ?? ''
    expect(line).toContain('❌ **on CISA KEV 1 (any fails)**')
    expect(line).not.toContain('❌ **MEDIUM')
  })

  it('names the KEV rule unmarked while it holds, and not at all when it is off', () => {
    const fine = finding('CVE-2024-1', { severity: 'MEDIUM' })
    const held = renderRunComment(run([judged([fine], { thresholds })], thresholds))
    const line = held.split('\n').find(line => line.startsWith('CRITICAL ')) ?? ''
    expect(line).toContain(' · on CISA KEV 0 (any fails)')
    expect(line).not.toContain('❌')
    const off = renderRunComment(run([judged([onKev])]))
    expect(off).not.toContain('on CISA KEV 0')
    expect(off).not.toContain('on CISA KEV 1 (any fails)')
  })
})

describe('how to fix', () => {
  const findings = [
    finding('CVE-1', { severity: 'CRITICAL', packageName: 'openssl', fixedInVersion: '3.0.9-1' }),
    finding('CVE-2', { severity: 'CRITICAL', packageName: 'openssl', fixedInVersion: '3.0.13-1' }),
    finding('CVE-3', { severity: 'HIGH', packageName: 'openssl', fixedInVersion: '3.0.10-1' }),
    finding('CVE-4', { severity: 'HIGH', packageName: 'openssl', fixedInVersion: '3.0.13-1' }),
    finding('CVE-5', {
      severity: 'HIGH',
      packageName: 'libssh',
      fixedInVersion: '1:0.10.6-0~deb12u1'
    }),
    finding('CVE-6', {
      severity: 'HIGH',
      packageName: 'libssh',
      fixedInVersion: '1:0.10.6-0+deb12u1'
    }),
    finding('CVE-7', { severity: 'HIGH', packageName: 'glibc' }),
    // Below the threshold: it does not fail the check, so it is not in "How to fix".
    finding('CVE-8', { severity: 'LOW', packageName: 'openssl', fixedInVersion: '9.9.9' })
  ]
  const comment = renderRunComment(run([judged(findings)]))

  it('groups fixes by package with the highest fixed-in version and exact numbers', () => {
    expect(comment).toContain(
      '- Upgrade **openssl** to <code>3.0.13-1</code>: fixes 4 findings, 2 CRITICAL, 2 HIGH (the highest of 3 fixed-in versions the scan gives).'
    )
    expect(comment).toContain(
      '- Upgrade **libssh** to <code>1&#58;0.10.6-0+deb12u1</code>: fixes 2 findings, 2 HIGH (the highest of 2 fixed-in versions the scan gives).'
    )
    expect(comment).toContain('- No fixed version known yet for 1 finding (1 HIGH).')
    expect(comment).not.toContain('9.9.9')
    expect(comment).toMatch(/#### How to fix[\s\S]*openssl[\s\S]*libssh/)
  })

  it('pairs names with versions for a finding in several packages', () => {
    const { groups } = fixGroups([
      finding('CVE-9', { packageName: 'libssl3, openssl', fixedInVersion: '3.0.13-1, 3.0.14-1' })
    ])
    expect(groups.map(group => [group.packageName, [...group.versions]])).toEqual([
      ['libssl3', ['3.0.13-1']],
      ['openssl', ['3.0.14-1']]
    ])
  })

  it('compares versions as package managers do', () => {
    expect(compareVersions('3.0.13', '3.0.9')).toBe(1)
    expect(compareVersions('1.0~rc1', '1.0')).toBe(-1)
    expect(compareVersions('1:1.0', '2.0')).toBe(1)
    expect(compareVersions('2.36-9+deb12u10', '2.36-9+deb12u4')).toBe(1)
    expect(compareVersions('7.5.10', '7.5.2')).toBe(1)
    expect(compareVersions('1.0-r1', '1.0-r0')).toBe(1)
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0)
    expect(highestVersion(['3.0.9', '3.0.13', '3.0.10'])).toBe('3.0.13')
    expect(highestVersion([])).toBeUndefined()
  })
})

describe('ignored findings and rules', () => {
  it('share one collapsed section', () => {
    const findings = [
      finding('CVE-2024-1', { severity: 'CRITICAL' }),
      finding('CVE-2024-2', { severity: 'HIGH' })
    ]
    const rules: IgnoreRule[] = [
      {
        id: 'CVE-2024-2',
        reason: 'not reachable',
        origin: '.ecr-scan.yml:3',
        expires: '2030-01-01'
      },
      { id: 'CVE-2020-1', reason: 'old', origin: '.ecr-scan.yml:5', expires: '2025-01-01' },
      { id: 'CVE-2021-1', reason: 'gone', origin: '.ecr-scan.yml:7' }
    ]
    const comment = renderRunComment(run([judged(findings, { rules })]))
    const details = comment.match(/<details><summary>Ignored[\s\S]*?<\/details>/g) ?? []
    expect(details).toHaveLength(1)
    const section = details[0] ?? ''
    expect(section).toContain('1 ignored, 1 expired rule, 1 stale rule</summary>')
    expect(section).toContain(`- Ignored HIGH ${idText('CVE-2024-2')}: not reachable`)
    expect(section).toContain('- Expired rule CVE-2020-1')
    expect(section).toContain('- Stale rule CVE-2021-1')
    expect(comment).toMatch(/<details>[\s\S]*Expired rule/)
  })
})

describe('several images', () => {
  const failing = judged([finding('CVE-2024-1', { severity: 'CRITICAL' })], {
    repository: 'shop/web'
  })
  const passing = judged([finding('CVE-2024-2', { severity: 'LOW' })], {
    repository: 'shop/worker'
  })
  const unjudged: UnjudgedImage = {
    kind: 'unjudged',
    target: targetOf('shop/batch:v1'),
    platforms: [],
    scan: { status: 'FAILED', description: 'UnsupportedImageError: bad', type: 'basic' },
    problem: {
      kind: 'scan-ended',
      message:
        'The scan ended with status FAILED (UnsupportedImageError: bad): there is nothing trustworthy to judge. Push again.'
    }
  }
  const comment = renderRunComment(run([failing, passing, unjudged]))

  it('gives one row per image, failing rows marked', () => {
    expect(comment.split('\n')[0]).toBe('## ❌ 2 of 3 images fail the check')
    const rows = tableRows(comment, '')
    expect(rows).toHaveLength(3)
    expect(rows.map(row => [row[0], row[2]])).toEqual([
      ['❌', 'failed'],
      ['✅', 'passed'],
      ['❌', 'no verdict']
    ])
  })

  it('then the sections of the failing images only', () => {
    const headings = comment.split('\n').filter(line => line.startsWith('### '))
    expect(headings).toHaveLength(2)
    expect(headings[0]).toMatch(/^### ❌ Failed: <code[^>]*>shop\/web/)
    expect(headings[1]).toMatch(/^### ❌ No verdict: <code[^>]*>shop\/batch/)
    expect(comment).not.toContain('### ✅')
  })

  it('states the problem of an image without a verdict once', () => {
    expect(comment.split(escapeText('UnsupportedImageError: bad')).length - 1).toBe(1)
    const warned = renderRunComment(run([unjudged]), { scanFailure: 'warn' })
    expect(warned.split('\n')[0]).toMatch(/^## ⚠️ No verdict: /)
    expect(renderRunComment(run([unjudged])).split('\n')[0]).toMatch(/^## ❌ No verdict: /)
  })

  it('marks a timeout as failing even with scan-failure warn, which softens only a scan that ended', () => {
    const timedOut: UnjudgedImage = {
      ...unjudged,
      problem: { kind: 'timeout', message: 'The scan did not settle within the timeout.' }
    }
    const options = { scanFailure: 'warn' as const }
    expect(renderRunComment(run([timedOut]), options).split('\n')[0]).toMatch(/^## ❌ /)
    expect(renderRunSummary(run([timedOut]), options).split('\n')[0]).toMatch(/^## ❌ /)
    expect(renderRunSummary(run([unjudged]), options).split('\n')[0]).toMatch(/^## ⚠️ /)
    const both = renderRunComment(run([timedOut, unjudged]), options)
    expect(tableRows(both, '').map(row => row[0])).toEqual(['❌', '⚠️'])
  })

  it('counts a no-verdict that scan-failure warn softens apart from the failures', () => {
    const warn = { scanFailure: 'warn' as const }
    const green = renderRunComment(run([passing, unjudged]), warn)
    // The step passes with a warning: the headline must not say an image fails the check.
    expect(green.split('\n')[0]).toBe('## ⚠️ 1 of 2 images has no verdict')
    expect(green).not.toContain('fail the check')
    expect(tableRows(green, '').map(row => row[0])).toEqual(['✅', '⚠️'])
    expect(renderRunComment(run([failing, passing, unjudged]), warn).split('\n')[0]).toBe(
      '## ❌ 1 of 3 images fail the check; ⚠️ 1 has no verdict'
    )
    const timedOut: UnjudgedImage = {
      ...unjudged,
      problem: { kind: 'timeout', message: 'The scan did not settle within the timeout.' }
    }
    // A timeout fails the step even under warn; without warn every no-verdict fails it.
    expect(renderRunComment(run([passing, timedOut, unjudged]), warn).split('\n')[0]).toBe(
      '## ❌ 1 of 3 images fail the check; ⚠️ 1 has no verdict'
    )
    expect(renderRunComment(run([passing, unjudged])).split('\n')[0]).toBe(
      '## ❌ 1 of 2 images fail the check'
    )
  })

  it('stays within the limit with hundreds of failing images, pointing to the job summary', () => {
    const many = Array.from({ length: 300 }, (_, index) =>
      judged(
        Array.from({ length: 30 }, (_, item) =>
          finding(`CVE-2024-${item}`, {
            severity: 'CRITICAL',
            packageName: `package-${item}-${'x'.repeat(100)}`,
            fixedInVersion: '1.0'
          })
        ),
        { repository: `shop/service-${index}` }
      )
    )
    const body = renderRunComment(run(many), { reservedChars: COMMENT_MARKER_BUDGET })
    expect(body.length).toBeLessThanOrEqual(COMMENT_BODY_LIMIT - COMMENT_MARKER_BUDGET)
    expect(tableRows(body, '')).toHaveLength(300)
    expect(body).toMatch(/\d+ more sections? did not fit in a comment: see this run's <a href/)
  })
})

describe('untrusted text in the comment', () => {
  const hostileName =
    '<script>alert(1)</script> @octocat ::set-output name=x::y [click](https://evil.test) `code` | cell'
  const hostile = finding('CVE-2024-1 <img src=x onerror=alert(1)>', {
    severity: 'CRITICAL',
    link: 'javascript:alert(1)',
    packageName: hostileName,
    installedVersion: '1.0 @team/security',
    fixedInVersion: '2.0 [x](javascript:alert(1))'
  })
  const ignored = finding('CVE-2024-2', { severity: 'HIGH', packageName: hostileName })
  const rules: IgnoreRule[] = [
    { id: 'CVE-2024-2', reason: '<b>trust me</b> @admin ::warning::x', origin: '.ecr-scan.yml:1' }
  ]
  const runResult = run([judged([hostile, ignored], { rules })])
  const comment = renderRunComment(runResult)
  const summary = renderRunSummary(runResult)
  const html = markdownIt.render(comment)

  it('escapes names as the summary does, with the same escaper', () => {
    expect(comment).toContain(escapeText(hostileName, 120))
    expect(summary).toContain(escapeText(hostileName, 300))
    expect(comment).toContain(escapeText('<b>trust me</b> @admin ::warning::x', 120))
  })

  it('renders no element, link, mention or table cell from it', () => {
    expect(html).not.toMatch(/<script|<img|<b>/i)
    expect(html).not.toMatch(/href="(?!https:)/)
    const links = html.match(/<a [^>]*>/g) ?? []
    for (const link of links) expect(link).toBe(`<a href="${RUN_URL}">`)
    expect(decoded(html)).not.toMatch(/@(?!\u200B)/)
    expect(comment).not.toMatch(/^::/m)
    const rows = tableRows(comment, 'ID')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toHaveLength(7)
    expect(decoded(html)).toContain('::set-output name=x::y [click](https://evil.test)')
  })

  it('lets no email, www. or URL autolink form from a name or a version', () => {
    const addresses = [
      '1.2.3@evil.com',
      'a+b@c.de',
      'mailto:a@b.co',
      'www.evil.example',
      'www.evil.com',
      'https://evil.example'
    ]
    const findings = addresses.map((address, index) =>
      finding(`CVE-2024-${index} ${address}`, {
        severity: 'CRITICAL',
        packageName: `p${index} ${address}`,
        installedVersion: address,
        fixedInVersion: address
      })
    )
    const rules: IgnoreRule[] = [
      { id: 'CVE-2024-9', reason: addresses.join(' '), origin: addresses.join(' ') }
    ]
    const ignoredOne = finding('CVE-2024-9', { severity: 'HIGH', packageName: addresses.join(' ') })
    const commented = renderRunComment(run([judged([...findings, ignoredOne], { rules })]))
    expect(commented).toContain('#### How to fix')
    expect(autolinks(commented).filter(link => link !== `<a href="${RUN_URL}">`)).toEqual([])
  })
})

describe('50,000 enhanced findings', () => {
  // Time and memory are measured by `npm run bench`; here, the sizes.
  it('give a summary within its byte target and a comment of a few thousand characters', () => {
    const findings = enhanced(50_000)
    const result = run([judged(findings, { baseline: findings.slice(10_000) })])
    expect(Buffer.byteLength(renderRunSummary(result), 'utf8')).toBeLessThanOrEqual(
      SUMMARY_TARGET_BYTES
    )
    expect(renderRunComment(result, { reservedChars: COMMENT_MARKER_BUDGET }).length).toBeLessThan(
      10_000
    )
  }, 120_000)
})

describe('the comment-max-rows input', () => {
  const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''
  const base = { repository: 'team/web-api', 'image-tag': 'v1' }
  const env = { AWS_REGION: 'us-east-1' }

  it('defaults to 10 and takes a whole number from 1 to 100', () => {
    expect(readConfig(read(base), env).commentMaxRows).toBe(10)
    expect(readConfig(read({ ...base, 'comment-max-rows': '25' }), env).commentMaxRows).toBe(25)
    for (const bad of ['0', '101', '2.5', 'ten']) {
      expect(() => readConfig(read({ ...base, 'comment-max-rows': bad }), env)).toThrow(
        `Invalid input 'comment-max-rows': '${bad}' is not a whole number from 1 to 100.`
      )
    }
  })
})

describe('limits that hostile or huge scans cannot break', () => {
  const COMMENT_ROOM = COMMENT_BODY_LIMIT - COMMENT_MARKER_BUDGET

  it('keeps the verdict when long fixed-in versions would overflow the comment', () => {
    // 100 rows (the highest comment-max-rows) of distinct packages with 2,000-character versions.
    const findings = Array.from({ length: 100 }, (_, index) =>
      finding(`CVE-2024-${1000 + index}`, {
        severity: 'CRITICAL',
        packageName: `package-${index}-${'p'.repeat(200)}`,
        installedVersion: '1.0',
        fixedInVersion: `2.${index}.${'9'.repeat(2000)}`,
        fixAvailable: 'YES'
      })
    )
    const comment = renderRunComment(run([judged(findings)]), { maxRows: 100 })
    expect(comment.length).toBeLessThanOrEqual(COMMENT_ROOM)
    expect(comment).toContain('## ❌ Failed')
    expect(comment).toContain('#### What fails the check')
    expect(comment).toContain('CRITICAL 100')
  })

  it('keeps every section when one fixed-in version is thousands of escaped characters', () => {
    // Each @ escapes to about twelve characters; the hover title once carried all 5,500 of them.
    const atSigns = finding('CVE-2024-1', {
      severity: 'CRITICAL',
      packageName: 'a',
      fixedInVersion: '@'.repeat(5500)
    })
    const single = renderRunComment(run([judged([atSigns])]))
    expect(single.length).toBeLessThanOrEqual(COMMENT_ROOM)
    expect(single).toContain('#### What fails the check')
    expect(single).toContain('#### How to fix')
    expect(single).not.toContain('did not fit')
    const small = () =>
      judged([
        finding('CVE-2024-9', { severity: 'CRITICAL', packageName: 'b', fixedInVersion: '1.0' })
      ])
    const several = renderRunComment(run([judged([atSigns]), small(), small()]))
    expect(several.length).toBeLessThanOrEqual(COMMENT_ROOM)
    expect(several.match(/#### What fails the check/g)).toHaveLength(3)
    expect(several).not.toContain('did not fit')
  })

  it('goes on past a section that does not fit, counting only the sections left out', () => {
    const huge: UnjudgedImage = {
      kind: 'unjudged',
      target: targetOf('shop/batch:v1'),
      platforms: [],
      scan: { status: 'FAILED', type: 'basic' },
      // 1,000 characters of problem, each escaped to about twelve: more than the room below.
      problem: { kind: 'scan-ended', message: '@'.repeat(5000) }
    }
    const small = (repository: string) =>
      judged(
        [finding('CVE-2024-9', { severity: 'CRITICAL', packageName: 'b', fixedInVersion: '1.0' })],
        {
          repository
        }
      )
    const limitChars = 8_000
    const comment = renderRunComment(run([huge, small('shop/web'), small('shop/worker')]), {
      limitChars,
      reservedChars: 0
    })
    expect(comment.length).toBeLessThanOrEqual(limitChars)
    const headings = comment.split('\n').filter(line => line.startsWith('### '))
    expect(headings).toHaveLength(2)
    expect(headings[0]).toMatch(/^### ❌ Failed: <code[^>]*>shop\/web/)
    expect(headings[1]).toMatch(/^### ❌ Failed: <code[^>]*>shop\/worker/)
    expect(comment).toContain(
      `1 more section did not fit in a comment: see this run's <a href="${RUN_URL}">job summary</a>.`
    )
    expect(tableRows(comment, '')).toHaveLength(3)
  })

  describe('one image of 600 platforms', () => {
    const platforms = Array.from({ length: 600 }, (_, index) => ({
      platform: `linux/arch-${index}/v${index}`,
      digest: `sha256:${String(index).padStart(64, 'a')}`,
      scan: { status: 'COMPLETE', type: 'enhanced' as const }
    }))
    const failingImage: JudgedImage = {
      ...judged([finding('CVE-2024-1', { severity: 'CRITICAL', packageName: 'openssl' })]),
      platforms
    }
    const endedImage: UnjudgedImage = {
      kind: 'unjudged',
      target: targetOf('shop/batch:v1'),
      platforms,
      scan: { status: 'FAILED', type: 'basic' },
      problem: { kind: 'scan-ended', message: 'The scan ended with status FAILED.' }
    }

    it('keeps the verdict and the section, listing some platforms and counting the rest', () => {
      const comment = renderRunComment(run([failingImage]), {
        reservedChars: COMMENT_MARKER_BUDGET
      })
      expect(comment.length).toBeLessThanOrEqual(COMMENT_ROOM)
      expect(comment).toMatch(/^## ❌ Failed: /)
      expect(comment).toContain('❌ **CRITICAL 1 (any fails)**')
      expect(comment).toContain('#### What fails the check')
      expect(comment).toContain('platform linux/arch-0/v0 ')
      expect(comment).not.toContain('platform linux/arch-599/v599 ')
      const shown = comment.match(/platform linux\/arch-/g)?.length ?? 0
      expect(shown).toBeGreaterThan(0)
      expect(comment).toContain(
        `and ${600 - shown} more platforms, in this run's <a href="${RUN_URL}">job summary</a>`
      )
      expect(comment).not.toContain('did not fit')
    })

    it('keeps the verdict of an image without one', () => {
      const comment = renderRunComment(run([endedImage]), { scanFailure: 'warn' })
      expect(comment.length).toBeLessThanOrEqual(COMMENT_ROOM)
      expect(comment).toMatch(/^## ⚠️ No verdict: /)
      expect(comment).toContain('The scan ended with status FAILED.')
      expect(comment).toMatch(/and \d+ more platforms/)
    })

    it('keeps the headline and why, whatever the room, when the rest does not fit', () => {
      for (const limitChars of [1_200, 4_000]) {
        const comment = renderRunComment(run([failingImage]), { limitChars, reservedChars: 0 })
        expect(comment.length).toBeLessThanOrEqual(limitChars)
        expect(comment).toMatch(/^## ❌ Failed: /)
        expect(comment).toContain('❌ **CRITICAL 1 (any fails)**')
        expect(comment.trimEnd().endsWith('</sub>')).toBe(true)
      }
      const tiny = renderRunComment(run([failingImage]), { limitChars: 1_200, reservedChars: 0 })
      expect(tiny).not.toContain('#### What fails the check')
      expect(tiny).toContain(
        `The details did not fit in a comment: see this run's <a href="${RUN_URL}">job summary</a>.`
      )
    })
  })

  it('lists at most what fits of 800 images and still ends with its footer', () => {
    const images = Array.from({ length: 800 }, (_, index) =>
      judged([finding(`CVE-2024-${index}`, { severity: 'CRITICAL' })], {
        repository: `team/service-${index}-${'x'.repeat(60)}`
      })
    )
    const comment = renderRunComment(run(images))
    expect(comment.length).toBeLessThanOrEqual(COMMENT_ROOM)
    expect(comment).toMatch(/^## ❌ 800 of 800 images fail the check/)
    expect(comment).toMatch(/\d+ more images in this run's/)
    expect(comment.trimEnd().endsWith('</sub>')).toBe(true)
  })

  it('keeps the job summary of 1,000 images without a verdict under its byte target', () => {
    const images: UnjudgedImage[] = Array.from({ length: 1_000 }, (_, index) => ({
      kind: 'unjudged',
      reference: `team/service-${index}:v1`,
      target: targetOf(`team/service-${index}:v1`),
      platforms: [],
      scan: { status: 'FAILED', description: 'd'.repeat(300), type: 'basic' },
      problem: { kind: 'scan-ended', message: `<${'problem '.repeat(120)}>` }
    }))
    const summary = renderRunSummary(run(images))
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_TARGET_BYTES)
    expect(summary).toMatch(/^## ❌ 1000 of 1000 images failed or have no verdict/)
    expect(summary).toMatch(/Details of \d+ more images are not shown/)
  })
})
