import type { Finding } from '../src/model/findings.js'
import { describeBreach, evaluatePolicy, limitFor } from '../src/policy/policy.js'
import type { Severity } from '../src/model/severity.js'

function finding(severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    id: `CVE-${severity}`,
    severity,
    title: '',
    description: '',
    fixAvailable: 'UNKNOWN',
    exploitAvailable: 'UNKNOWN',
    source: 'basic',
    ...extra
  }
}

const none = { maxCounts: {}, failOnExploit: false }

describe('evaluatePolicy', () => {
  it('passes a clean image and counts every severity', () => {
    const verdict = evaluatePolicy([], { ...none, failOn: 'HIGH' })
    expect(verdict.passed).toBe(true)
    expect(verdict.breaches).toEqual([])
    expect(Object.values(verdict.counts).every(count => count === 0)).toBe(true)
  })

  it('fails on the threshold severity or higher, counting both', () => {
    const verdict = evaluatePolicy([finding('CRITICAL'), finding('HIGH'), finding('MEDIUM')], {
      ...none,
      failOn: 'HIGH'
    })
    expect(verdict.passed).toBe(false)
    expect(verdict.breaches).toEqual([{ rule: 'fail-on', severity: 'HIGH', count: 2, exempt: [] }])
  })

  it('leaves a severity with its own max-findings limit to that limit', () => {
    const findings = [finding('CRITICAL'), finding('HIGH'), finding('HIGH'), finding('HIGH')]
    const thresholds = { ...none, failOn: 'HIGH' as const, maxCounts: { HIGH: 5 } }
    expect(evaluatePolicy(findings.slice(1), thresholds).passed).toBe(true)
    expect(evaluatePolicy(findings, thresholds).breaches).toEqual([
      { rule: 'fail-on', severity: 'HIGH', count: 1, exempt: ['HIGH'] }
    ])
    const stricter = { ...none, failOn: 'HIGH' as const, maxCounts: { CRITICAL: 0, HIGH: 2 } }
    expect(evaluatePolicy(findings, stricter).breaches).toEqual([
      { rule: 'max-count', severity: 'CRITICAL', count: 1, limit: 0 },
      { rule: 'max-count', severity: 'HIGH', count: 3, limit: 2 }
    ])
  })

  it('does not rank UNDEFINED or UNTRIAGED on the scale, but counts them', () => {
    const verdict = evaluatePolicy([finding('UNDEFINED'), finding('UNTRIAGED')], {
      ...none,
      failOn: 'INFORMATIONAL'
    })
    expect(verdict.passed).toBe(true)
    expect(verdict.counts.UNDEFINED).toBe(1)
    expect(verdict.counts.UNTRIAGED).toBe(1)
  })

  it('fails only when a per-severity count goes over its maximum', () => {
    const five = Array.from({ length: 5 }, () => finding('HIGH'))
    expect(evaluatePolicy(five, { ...none, maxCounts: { HIGH: 5 } }).passed).toBe(true)
    const verdict = evaluatePolicy([...five, finding('HIGH'), finding('UNTRIAGED')], {
      ...none,
      maxCounts: { HIGH: 5, UNTRIAGED: 0 }
    })
    expect(verdict.breaches).toEqual([
      { rule: 'max-count', severity: 'HIGH', count: 6, limit: 5 },
      { rule: 'max-count', severity: 'UNTRIAGED', count: 1, limit: 0 }
    ])
  })

  it('fails on a known exploit whatever the severity when asked', () => {
    const findings = [
      finding('LOW', { exploitAvailable: 'YES' }),
      finding('LOW', { exploitAvailable: 'UNKNOWN' })
    ]
    expect(evaluatePolicy(findings, none).passed).toBe(true)
    expect(evaluatePolicy(findings, { ...none, failOnExploit: true }).breaches).toEqual([
      { rule: 'exploit', count: 1 }
    ])
  })
})

describe('describeBreach', () => {
  it('names the rule, the count and the limit', () => {
    expect(describeBreach({ rule: 'fail-on', severity: 'HIGH', count: 2, exempt: [] })).toBe(
      '2 findings at HIGH or higher (fail-on: HIGH, allowed: 0)'
    )
    expect(
      describeBreach({ rule: 'fail-on', severity: 'MEDIUM', count: 1, exempt: ['HIGH'] })
    ).toBe('1 CRITICAL or MEDIUM finding (fail-on: MEDIUM, allowed: 0, HIGH left to max-findings)')
    expect(describeBreach({ rule: 'max-count', severity: 'HIGH', count: 6, limit: 5 })).toBe(
      '6 HIGH findings (max-findings allows 5)'
    )
    expect(describeBreach({ rule: 'exploit', count: 1 })).toBe(
      '1 finding with a known exploit (fail-on-exploit: true, allowed: 0)'
    )
  })
})

describe('limitFor', () => {
  it('gives the max-findings limit where there is one, else 0 under fail-on, else none', () => {
    const thresholds = {
      failOn: 'CRITICAL' as const,
      maxCounts: { HIGH: 5, CRITICAL: 3 },
      failOnExploit: false
    }
    expect(limitFor('CRITICAL', thresholds)).toBe(3)
    expect(limitFor('HIGH', thresholds)).toBe(5)
    expect(limitFor('CRITICAL', { ...thresholds, maxCounts: {} })).toBe(0)
    expect(limitFor('LOW', thresholds)).toBeUndefined()
  })
})

describe('fail-on-kev', () => {
  const kev = { dateAdded: '2023-09-13T00:00:00.000Z' }

  it('fails on any finding on the KEV list, whatever its severity', () => {
    const findings = [
      finding('LOW', { id: 'CVE-1', kev }),
      finding('MEDIUM', { id: 'CVE-2', kev }),
      finding('MEDIUM', { id: 'CVE-3', epss: 0.99 })
    ]
    const verdict = evaluatePolicy(findings, { ...none, failOnKev: true })
    expect(verdict.breaches).toEqual([{ rule: 'kev', count: 2 }])
    expect(verdict.passed).toBe(false)
    expect(evaluatePolicy(findings, none).passed).toBe(true)
  })

  it('says which rule and how many', () => {
    expect(describeBreach({ rule: 'kev', count: 2 })).toBe(
      '2 findings on the CISA Known Exploited Vulnerabilities list (fail-on-kev: true, allowed: 0)'
    )
  })
})
