import {
  type RiskData,
  compareRisk,
  failOnKev,
  formatEpss,
  minEpss,
  validEpss,
  withRisk
} from '../src/core/enrichment.js'

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

describe('withRisk across platforms', () => {
  it('looks up every ARN of a merged finding and keeps the worst risk', () => {
    const byArn = new Map<string, RiskData>([
      [ARN, { epss: 0.2 }],
      [OTHER, { epss: 0.6, kev: { dateAdded: '2024-05-01T00:00:00.000Z' } }]
    ])
    const [merged] = withRisk([{ id: 'CVE-1', findingArn: ARN, findingArns: [ARN, OTHER] }], byArn)
    expect(merged).toMatchObject({ epss: 0.6, kev: { dateAdded: '2024-05-01T00:00:00.000Z' } })
  })
})

describe('compareRisk', () => {
  it('puts KEV first (earliest added first), then higher EPSS, unscored last', () => {
    const rows = [
      { id: 'none' },
      { id: 'epss-low', epss: 0.1 },
      { id: 'kev-late', kev: { dateAdded: '2024-01-01' } },
      { id: 'epss-high', epss: 0.9 },
      { id: 'kev-early', kev: { dateAdded: '2022-01-01' }, epss: 0.01 }
    ]
    expect([...rows].sort(compareRisk).map(row => row.id)).toEqual([
      'kev-early',
      'kev-late',
      'epss-high',
      'epss-low',
      'none'
    ])
  })

  it('formats EPSS as a percentage', () => {
    expect([0.9435, 0.0004, 0.00001, 0, 1].map(formatEpss)).toEqual([
      '94.35%',
      '0.04%',
      '<0.01%',
      '0%',
      '100%'
    ])
  })
})
