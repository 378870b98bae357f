import { mergePlatforms, type PlatformFinding } from '../src/core/merge-platforms.js'
import type { Finding } from '../src/model/findings.js'
import { countBySeverity } from '../src/model/severity.js'
import { finding } from './support/model.js'

const AMD64 = 'linux/amd64'
const ARM64 = 'linux/arm64'

const on = (platform: string, found: Finding): PlatformFinding => ({ platform, finding: found })

const openssl = (version: string, extra: Partial<Finding> = {}) =>
  finding('CVE-1', { packageName: 'openssl', installedVersion: version, ...extra })

/** Every row's platforms, in order. */
const platformsOf = (rows: Finding[]) => rows.map(row => row.platforms?.map(p => p.platform))

describe('mergePlatforms', () => {
  it('joins the same finding across platforms into one row', () => {
    const rows = mergePlatforms([on(AMD64, openssl('3.0.11')), on(ARM64, openssl('3.0.12'))])
    expect(platformsOf(rows)).toEqual([[AMD64, ARM64]])
    expect(rows[0]?.installedVersion).toBe('3.0.11, 3.0.12')
  })

  it('keeps duplicates on one platform apart: a one-platform index counts what the plain image counts', () => {
    const plain = [
      openssl('1.1.1w', { severity: 'HIGH' }),
      openssl('3.0.11', { severity: 'HIGH' }),
      openssl('3.0.11', { severity: 'HIGH' }),
      finding('CVE-2', { packageName: 'zlib', severity: 'LOW' })
    ]
    const rows = mergePlatforms(plain.map(found => on(AMD64, found)))
    expect(rows).toHaveLength(plain.length)
    expect(countBySeverity(rows)).toEqual(countBySeverity(plain))
    expect(platformsOf(rows)).toEqual([[AMD64], [AMD64], [AMD64], [AMD64]])
  })

  it('never lists a platform twice on a row, and pairs each copy with one on the other platform', () => {
    const rows = mergePlatforms([
      on(AMD64, openssl('1.1.1w')),
      on(AMD64, openssl('3.0.11')),
      // The other platform lists its copies in the other order: they still pair by version.
      on(ARM64, openssl('3.0.11')),
      on(ARM64, openssl('1.1.1w'))
    ])
    expect(platformsOf(rows)).toEqual([
      [AMD64, ARM64],
      [AMD64, ARM64]
    ])
    expect(rows.map(row => row.installedVersion)).toEqual(['1.1.1w', '3.0.11'])
  })

  it('gives a platform with more copies than the others rows of its own', () => {
    const rows = mergePlatforms([
      on(AMD64, openssl('3.0.11')),
      on(AMD64, openssl('3.0.11')),
      on(AMD64, openssl('3.0.11')),
      on(ARM64, openssl('3.0.11'))
    ])
    expect(platformsOf(rows)).toEqual([[AMD64, ARM64], [AMD64], [AMD64]])
    for (const row of rows) {
      const platforms = row.platforms?.map(p => p.platform) ?? []
      expect(new Set(platforms).size).toBe(platforms.length)
    }
  })

  it('keeps the ARNs of the copies a row joins, and only those', () => {
    const rows = mergePlatforms([
      on(AMD64, openssl('3.0.11', { findingArn: 'arn:amd64:a' })),
      on(AMD64, openssl('3.0.11', { findingArn: 'arn:amd64:b' })),
      on(ARM64, openssl('3.0.11', { findingArn: 'arn:arm64:a' })),
      on(ARM64, openssl('3.0.11', { findingArn: 'arn:arm64:b' }))
    ])
    expect(rows.map(row => row.findingArns)).toEqual([
      ['arn:amd64:a', 'arn:arm64:a'],
      ['arn:amd64:b', 'arn:arm64:b']
    ])
  })

  it('pairs 50,000 copies of one finding without comparing every copy with every other', () => {
    // No wall-clock bound (shared runners are too noisy to hold one), but a pairing that searched
    // the rows for each copy would make some 300 million steps here.
    const perPlatform = Array.from({ length: 50_000 }, (_, i) =>
      on(i % 2 === 0 ? AMD64 : ARM64, openssl(`3.0.${i % 7}`))
    )
    const rows = mergePlatforms(perPlatform)
    expect(rows).toHaveLength(25_000)
    expect(rows.every(row => row.platforms?.length === 2)).toBe(true)
  })
})
