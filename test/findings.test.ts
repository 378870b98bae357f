import { normalizeBasicFinding, normalizeEnhancedFinding } from '../src/model/findings.js'

describe('normalizeBasicFinding', () => {
  it('reads id, severity, link, package and the CVSS score from attributes', () => {
    const finding = normalizeBasicFinding({
      name: 'CVE-2023-4911',
      description: 'A buffer overflow in ld.so',
      uri: 'https://security-tracker.debian.org/tracker/CVE-2023-4911',
      severity: 'HIGH',
      attributes: [
        { key: 'package_name', value: 'glibc' },
        { key: 'package_version', value: '2.36-9+deb12u1' },
        { key: 'CVSS2_SCORE', value: '7.2' },
        { key: 'CVSS3_SCORE', value: '7.8' }
      ]
    })
    expect(finding).toEqual({
      id: 'CVE-2023-4911',
      severity: 'HIGH',
      title: 'CVE-2023-4911',
      description: 'A buffer overflow in ld.so',
      link: 'https://security-tracker.debian.org/tracker/CVE-2023-4911',
      packageName: 'glibc',
      installedVersion: '2.36-9+deb12u1',
      fixedInVersion: undefined,
      cvssScore: 7.8,
      fixAvailable: 'UNKNOWN',
      exploitAvailable: 'UNKNOWN',
      source: 'basic'
    })
  })

  it('keeps unknown severities visible as UNDEFINED and ignores unparsable scores', () => {
    const finding = normalizeBasicFinding({
      name: 'X',
      severity: 'weird',
      attributes: [{ key: 'CVSS2_SCORE', value: 'n/a' }]
    })
    expect(finding.severity).toBe('UNDEFINED')
    expect(finding.cvssScore).toBeUndefined()
  })
})

describe('normalizeEnhancedFinding', () => {
  it('reads Inspector fields, joining several packages', () => {
    const finding = normalizeEnhancedFinding({
      title: 'CVE-2024-6387 - openssh-server, openssh-client',
      description: 'regreSSHion',
      severity: 'CRITICAL',
      score: 8.1,
      fixAvailable: 'YES',
      exploitAvailable: 'YES',
      scoreDetails: { cvss: { score: 8.1 } },
      packageVulnerabilityDetails: {
        vulnerabilityId: 'CVE-2024-6387',
        sourceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
        vulnerablePackages: [
          {
            name: 'openssh-server',
            version: '9.2p1',
            release: '2+deb12u2',
            epoch: 1,
            fixedInVersion: '1:9.2p1-2+deb12u3'
          },
          {
            name: 'openssh-client',
            version: '9.2p1',
            release: '2+deb12u2',
            epoch: 1,
            fixedInVersion: '1:9.2p1-2+deb12u3'
          }
        ]
      }
    })
    expect(finding).toMatchObject({
      id: 'CVE-2024-6387',
      severity: 'CRITICAL',
      packageName: 'openssh-server, openssh-client',
      installedVersion: '1:9.2p1-2+deb12u2',
      fixedInVersion: '1:9.2p1-2+deb12u3',
      cvssScore: 8.1,
      fixAvailable: 'YES',
      exploitAvailable: 'YES',
      link: 'https://nvd.nist.gov/vuln/detail/CVE-2024-6387',
      source: 'enhanced'
    })
  })

  it('keeps UNTRIAGED, treats NotAvailable as no fix version and unknown flags as UNKNOWN', () => {
    const finding = normalizeEnhancedFinding({
      severity: 'UNTRIAGED',
      fixAvailable: 'maybe',
      packageVulnerabilityDetails: {
        vulnerabilityId: 'GHSA-xxxx',
        vulnerablePackages: [{ name: 'lodash', fixedInVersion: 'NotAvailable' }]
      }
    })
    expect(finding).toMatchObject({
      id: 'GHSA-xxxx',
      severity: 'UNTRIAGED',
      fixAvailable: 'UNKNOWN',
      exploitAvailable: 'UNKNOWN'
    })
    expect(finding.fixedInVersion).toBeUndefined()
  })
})

describe('CVSS scores', () => {
  it.each([['-1'], ['10.5'], ['NaN'], ['Infinity'], ['1e400'], ['7.5abc']])(
    'treats a basic score of %s as missing',
    value => {
      const finding = normalizeBasicFinding({
        name: 'X',
        attributes: [{ key: 'CVSS3_SCORE', value }]
      })
      expect(finding.cvssScore).toBeUndefined()
    }
  )

  it('falls back to the CVSS2 score when the CVSS3 one is out of range', () => {
    const finding = normalizeBasicFinding({
      name: 'X',
      attributes: [
        { key: 'CVSS3_SCORE', value: '42' },
        { key: 'CVSS2_SCORE', value: '5.0' }
      ]
    })
    expect(finding.cvssScore).toBe(5)
  })

  it.each([[-0.1], [10.01], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    'treats an enhanced score of %s as missing, or takes the other score when it is valid',
    score => {
      expect(normalizeEnhancedFinding({ scoreDetails: { cvss: { score } } }).cvssScore).toBe(
        undefined
      )
      expect(
        normalizeEnhancedFinding({ scoreDetails: { cvss: { score } }, score: 9.8 }).cvssScore
      ).toBe(9.8)
    }
  )

  it('keeps the bounds 0 and 10', () => {
    expect(normalizeEnhancedFinding({ score: 0 }).cvssScore).toBe(0)
    expect(normalizeEnhancedFinding({ score: 10 }).cvssScore).toBe(10)
  })
})
