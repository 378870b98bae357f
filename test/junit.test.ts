import type { ImageResult, JudgedImage, RunResult } from '../src/core/results.js'
import type { Finding } from '../src/model/findings.js'
import { countBySeverity } from '../src/model/severity.js'
import { type Thresholds, evaluatePolicy } from '../src/policy/policy.js'
import { triage } from '../src/policy/triage.js'
import { renderJunit, xmlAttribute, xmlText } from '../src/report/junit.js'
import { expectValidJunit } from './support/junit-schema.js'
import { finding, targetOf } from './support/model.js'

const THRESHOLDS: Thresholds = {
  failOn: 'CRITICAL',
  maxCounts: { HIGH: 1, MEDIUM: 10 },
  failOnExploit: true
}

function judged(findings: Finding[], thresholds = THRESHOLDS): JudgedImage {
  const triaged = triage(findings, [], { onlyFixable: false }, new Date('2026-01-01'))
  return {
    kind: 'judged',
    target: targetOf('team/api:v1'),
    image: {
      repository: 'team/api',
      tag: 'v1',
      digest: `sha256:${'a'.repeat(64)}`,
      region: 'us-east-1'
    },
    platforms: [],
    scan: { status: 'COMPLETE', type: 'basic' },
    findings,
    counts: countBySeverity(findings),
    triage: triaged,
    verdict: evaluatePolicy(triaged.counted, thresholds)
  }
}

function run(images: ImageResult[], thresholds = THRESHOLDS): RunResult {
  return { images, thresholds, actionVersion: '1.0.0' }
}

describe('renderJunit', () => {
  it('has one case per rule in force, and a failure naming the breach and its findings', async () => {
    const xml = renderJunit(
      run([
        judged([
          finding('CVE-1', { severity: 'CRITICAL', packageName: 'curl', fixedInVersion: '8.0' }),
          finding('CVE-2', { severity: 'HIGH' }),
          finding('CVE-3', { severity: 'HIGH', exploitAvailable: 'YES' })
        ])
      ]),
      { timestamp: new Date('2026-02-03T04:05:06.789Z') }
    )
    await expectValidJunit(xml)
    expect(xml).toContain('name="fail-on CRITICAL"')
    expect(xml).toContain('name="max-findings HIGH=1"')
    expect(xml).toContain('name="max-findings MEDIUM=10"')
    expect(xml).toContain('name="fail-on-exploit"')
    expect(xml).toMatch(
      /<failure type="fail-on" message="1 finding at CRITICAL or higher \(fail-on: CRITICAL, allowed: 0\)">CRITICAL CVE-1 in curl, fixed in 8.0\n<\/failure>/
    )
    expect(xml).toContain(
      '<failure type="max-count" message="2 HIGH findings (max-findings allows 1)">'
    )
    expect(xml).toMatch(/<testcase name="max-findings MEDIUM=10" [^>]*\/>/)
    expect(xml).toContain('tests="4" failures="3" errors="0"')
    expect(xml).toContain('timestamp="2026-02-03T04:05:06"')
  })

  it('passes every case of an image within its thresholds', async () => {
    const xml = renderJunit(run([judged([finding('CVE-9', { severity: 'LOW' })])]))
    await expectValidJunit(xml)
    expect(xml).not.toMatch(/<failure|<error/)
  })

  it('still has a case when every rule is off', async () => {
    const none: Thresholds = { maxCounts: {}, failOnExploit: false }
    const xml = renderJunit(run([judged([finding('CVE-9')], none)], none))
    await expectValidJunit(xml)
    expect(xml).toContain('name="scan read (no thresholds set)"')
  })

  it('reports an image without a verdict as an error, or skipped when scan-failure is warn', async () => {
    const unjudged: ImageResult = {
      kind: 'unjudged',
      target: targetOf('team/api:broken'),
      platforms: [],
      scan: { status: 'FAILED', type: 'unknown', description: 'UnsupportedImageError' },
      problem: { kind: 'scan-ended', message: 'The scan ended with status FAILED.' }
    }
    const timedOut: ImageResult = {
      ...unjudged,
      target: targetOf('team/api:slow'),
      problem: { kind: 'timeout', message: 'The scan did not settle within the timeout.' }
    }
    const strict = renderJunit(run([unjudged, timedOut]))
    await expectValidJunit(strict)
    expect(strict).toContain(
      '<error type="scan-ended" message="The scan ended with status FAILED.">Scan status FAILED\nAWS: UnsupportedImageError\n</error>'
    )
    expect(strict).toContain('tests="2" failures="0" errors="2"')
    const softened = renderJunit(run([unjudged, timedOut]), { softenScanFailures: true })
    await expectValidJunit(softened)
    expect(softened).toContain('<skipped type="scan-ended"')
    // A timeout is never softened, as in the Action.
    expect(softened).toContain('<error type="timeout"')
  })

  it('escapes every untrusted string, characters XML 1.0 forbids included', async () => {
    const hostile = 'a<b>&"c\' \u0000\u0007\u001b[31m\ud800 \ufffe]]>\n<!--'
    const xml = renderJunit(
      run([
        judged([
          finding(`CVE-${hostile}`, {
            severity: 'CRITICAL',
            packageName: hostile,
            link: `https://x/?a=1&b=<${hostile}>`
          })
        ])
      ])
    )
    await expectValidJunit(xml)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe]/)
    expect(xml).not.toContain(']]>')
    expect(xml).not.toContain('<!--')
  })
})

describe('xml escaping', () => {
  it('escapes markup in text and quotes and line breaks in attributes', () => {
    expect(xmlText('<a & b>')).toBe('&lt;a &amp; b&gt;')
    expect(xmlAttribute('"x"\n\'y\'\t')).toBe('&quot;x&quot;&#10;&apos;y&apos;&#9;')
  })

  it('keeps valid astral characters and replaces lone surrogates', () => {
    expect(xmlText('\ud83d\ude00')).toBe('\ud83d\ude00')
    expect(xmlText('a\udc00b\ud800')).toBe('a\ufffdb\ufffd')
  })
})
