import { type RiskData, failOnKev, minEpss, validEpss, withRisk } from '../src/core/enrichment.js'

const ARN = 'arn:aws:inspector2:us-east-1:123456789012:finding/0123456789abcdef0123456789abcdef'
const OTHER = 'arn:aws:inspector2:us-east-1:123456789012:finding/fedcba9876543210fedcba9876543210'

describe('validEpss', () => {
  it.each([
    [0, 0],
    [1, 1],
    [0.00043, 0.00043],
    [-0.1, undefined],
    [1.3, undefined],
    [Number.NaN, undefined],
    [Infinity, undefined],
    ['0.5', undefined],
    [undefined, undefined]
  ])('%p → %p', (value, expected) => {
    expect(validEpss(value)).toBe(expected)
  })
})

describe('withRisk', () => {
  const byArn = new Map<string, RiskData>([
    [ARN, { epss: 0.94, kev: { dateAdded: '2023-09-13T00:00:00.000Z' } }],
    [OTHER, { epss: 7 }]
  ])

  it('adds EPSS and KEV by finding ARN and leaves other findings as they were', () => {
    const basic = { id: 'CVE-1' }
    const unmatched = { id: 'CVE-2', findingArn: 'arn:aws:inspector2:us-east-1:1:finding/none' }
    const [enhanced, invalid, same, other] = withRisk(
      [{ id: 'CVE-3', findingArn: ARN }, { id: 'CVE-4', findingArn: OTHER }, basic, unmatched],
      byArn
    )
    expect(enhanced).toEqual({
      id: 'CVE-3',
      findingArn: ARN,
      epss: 0.94,
      kev: { dateAdded: '2023-09-13T00:00:00.000Z' }
    })
    // An EPSS outside [0, 1] is treated as missing.
    expect(invalid).toEqual({ id: 'CVE-4', findingArn: OTHER })
    expect(same).toBe(basic)
    expect(other).toBe(unmatched)
  })

  it('does not share KEV objects with the enrichment result', () => {
    const [finding] = withRisk([{ findingArn: ARN }], byArn)
    expect(finding?.kev).not.toBe(byArn.get(ARN)?.kev)
  })
})

describe('failOnKev', () => {
  it('picks the findings on the CISA KEV list, whatever their severity', () => {
    const findings = [
      { id: 'a', severity: 'LOW', kev: { dateAdded: '2024-01-01T00:00:00.000Z' } },
      { id: 'b', severity: 'CRITICAL', epss: 0.99 },
      { id: 'c', severity: 'MEDIUM', kev: {} }
    ]
    expect(failOnKev(findings).map(finding => finding.id)).toEqual(['a', 'c'])
  })
})

describe('minEpss', () => {
  it('sets aside findings scored below the threshold and keeps unscored ones, as min-cvss does', () => {
    const filter = minEpss<{ id: string; epss?: number }>(0.1)
    const findings = [
      { id: 'low', epss: 0.0004 },
      { id: 'at', epss: 0.1 },
      { id: 'high', epss: 0.97 },
      { id: 'none' },
      { id: 'invalid', epss: 2 }
    ]
    expect(filter.name).toBe('min-epss 0.1')
    expect(findings.filter(f => !filter.setsAside(f)).map(f => f.id)).toEqual([
      'at',
      'high',
      'none',
      'invalid'
    ])
    expect(findings.filter(f => filter.cannotJudge(f)).map(f => f.id)).toEqual(['none', 'invalid'])
  })

  it('refuses a threshold outside 0–1', () => {
    expect(() => minEpss(1.5)).toThrow(RangeError)
    expect(() => minEpss(Number.NaN)).toThrow(RangeError)
  })
})
