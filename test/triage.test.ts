import { finding } from './support/model.js'
import type { IgnoreRule } from '../src/core/results.js'
import {
  describeExpiredRule,
  describeStaleRule,
  dispositionOf,
  triage
} from '../src/policy/triage.js'

function rule(id: string, extra: Partial<IgnoreRule> = {}): IgnoreRule {
  return { id, reason: `accepted ${id}`, origin: 'ignore.yml:1', ...extra }
}

const noFilters = { onlyFixable: false }
const TODAY = new Date('2026-03-15T12:00:00Z')

describe('triage: ignore rules', () => {
  it('moves a matched finding to ignored with its rule, matching the id in any case', () => {
    const openssl = finding('CVE-2024-0001')
    const other = finding('CVE-2024-0002')
    const accept = rule('cve-2024-0001')
    const result = triage([openssl, other], [accept], noFilters, TODAY)
    expect(result.ignored).toEqual([{ finding: openssl, rule: accept }])
    expect(result.counted).toEqual([other])
    expect(result.staleRules).toEqual([])
  })

  it('matches a package-scoped rule against any one of the finding’s packages', () => {
    const inBoth = finding('CVE-1', { packageName: 'glibc, glibc-common' })
    const elsewhere = finding('CVE-1', { packageName: 'glibc-devel' })
    const result = triage(
      [inBoth, elsewhere],
      [rule('CVE-1', { package: 'glibc-common' })],
      noFilters,
      TODAY
    )
    expect(result.ignored.map(entry => entry.finding)).toEqual([inBoth])
    expect(result.counted).toEqual([elsewhere])
  })

  it('does not let a package-scoped rule match a finding with no package', () => {
    const result = triage(
      [finding('CVE-1')],
      [rule('CVE-1', { package: 'zlib' })],
      noFilters,
      TODAY
    )
    expect(result.ignored).toEqual([])
    expect(result.staleRules).toHaveLength(1)
  })

  it('still applies a rule on its expiry day and stops the day after (UTC)', () => {
    const cve = finding('CVE-1')
    const expiring = rule('CVE-1', { expires: '2026-03-15' })
    const lastDay = triage([cve], [expiring], noFilters, new Date('2026-03-15T23:59:59Z'))
    expect(lastDay.ignored).toHaveLength(1)
    expect(lastDay.expiredRules).toEqual([])

    const dayAfter = triage([cve], [expiring], noFilters, new Date('2026-03-16T00:00:00Z'))
    expect(dayAfter.ignored).toEqual([])
    expect(dayAfter.counted).toEqual([cve])
    expect(dayAfter.expiredRules).toEqual([expiring])
  })

  it('reports an expired rule as expired, not as stale', () => {
    const result = triage([], [rule('CVE-9', { expires: '2020-01-01' })], noFilters, TODAY)
    expect(result.expiredRules).toHaveLength(1)
    expect(result.staleRules).toEqual([])
  })

  it('reports a rule that matches nothing as stale', () => {
    const unused = rule('CVE-0000-0000')
    const used = rule('CVE-1')
    const result = triage([finding('CVE-1')], [unused, used], noFilters, TODAY)
    expect(result.staleRules).toEqual([unused])
  })

  it('credits the first matching rule when two match one finding, and reports neither as stale', () => {
    const scoped = rule('CVE-1', { package: 'zlib' })
    const broad = rule('CVE-1')
    const result = triage(
      [finding('CVE-1', { packageName: 'zlib' })],
      [scoped, broad],
      noFilters,
      TODAY
    )
    expect(result.ignored[0]?.rule).toBe(scoped)
    expect(result.staleRules).toEqual([])
  })
})

describe('triage: decision filters', () => {
  const fixable = finding('CVE-FIX', { fixAvailable: 'YES', source: 'enhanced' })
  const partial = finding('CVE-PART', { fixAvailable: 'PARTIAL', source: 'enhanced' })
  const unfixable = finding('CVE-NOFIX', { fixAvailable: 'NO', source: 'enhanced' })
  const basic = finding('CVE-BASIC')

  it('only-fixable sets aside findings with no fix and keeps YES, PARTIAL and UNKNOWN', () => {
    const result = triage([fixable, partial, unfixable, basic], [], { onlyFixable: true }, TODAY)
    expect(result.counted).toEqual([fixable, partial, basic])
    expect(result.filters).toEqual([{ filter: 'only-fixable', setAside: 1, keptUnknown: 1 }])
  })

  it('min-cvss sets aside lower scores and keeps findings without a score', () => {
    const low = finding('CVE-LOW', { cvssScore: 6.9 })
    const edge = finding('CVE-EDGE', { cvssScore: 7 })
    const unscored = finding('CVE-NOSCORE')
    const result = triage([low, edge, unscored], [], { onlyFixable: false, minCvss: 7 }, TODAY)
    expect(result.counted).toEqual([edge, unscored])
    expect(result.filters).toEqual([{ filter: 'min-cvss 7.0', setAside: 1, keptUnknown: 1 }])
  })

  it('counts each set-aside finding once, under the first filter that set it aside', () => {
    const unfixableLow = finding('CVE-A', { fixAvailable: 'NO', cvssScore: 2 })
    const fixableLow = finding('CVE-B', { fixAvailable: 'YES', cvssScore: 3.5 })
    const fixableHigh = finding('CVE-C', { fixAvailable: 'YES', cvssScore: 9.8 })
    const result = triage(
      [unfixableLow, fixableLow, fixableHigh],
      [],
      { onlyFixable: true, minCvss: 4.5 },
      TODAY
    )
    expect(result.filters).toEqual([
      { filter: 'only-fixable', setAside: 1, keptUnknown: 0 },
      { filter: 'min-cvss 4.5', setAside: 1, keptUnknown: 0 }
    ])
    expect(result.counted).toEqual([fixableHigh])
  })

  it('applies ignore rules before filters, so an ignored finding is not also set aside', () => {
    const result = triage([unfixable], [rule('CVE-NOFIX')], { onlyFixable: true }, TODAY)
    expect(result.ignored).toHaveLength(1)
    expect(result.filters).toEqual([{ filter: 'only-fixable', setAside: 0, keptUnknown: 0 }])
    expect(result.counted).toEqual([])
  })

  it('lists no filters when none are on', () => {
    expect(triage([basic], [], noFilters, TODAY).filters).toEqual([])
  })
})

describe('dispositionOf', () => {
  it('says what triage did with each finding: counted, ignored (with its rule) or set aside', () => {
    const accepted = finding('CVE-1')
    const unfixable = finding('CVE-2', { fixAvailable: 'NO' })
    const kept = finding('CVE-3', { fixAvailable: 'YES' })
    const accept = rule('CVE-1')
    const disposition = dispositionOf(
      triage([accepted, unfixable, kept], [accept], { onlyFixable: true }, TODAY)
    )
    expect(disposition(accepted)).toEqual({ kind: 'ignored', rule: accept })
    expect(disposition(unfixable)).toEqual({ kind: 'set-aside' })
    expect(disposition(kept)).toEqual({ kind: 'counted' })
  })
})

describe('rule sentences', () => {
  it('name the entry, its package, where it was written and the day it expired', () => {
    const expired = rule('CVE-1', { package: 'glibc', expires: '2026-01-31' })
    expect(describeExpiredRule(expired)).toBe(
      'Ignore rule CVE-1 (package glibc) at ignore.yml:1 expired on 2026-01-31 and no longer ignores anything.'
    )
    expect(describeStaleRule(rule('CVE-2'))).toBe(
      'Ignore rule CVE-2 at ignore.yml:1 matched no finding of this image; remove it if the vulnerability is gone from every image it covers.'
    )
  })
})

describe('triage: min-epss', () => {
  it('sets aside findings scored below it, keeps those at it and those without a score, and accounts for both', () => {
    const low = finding('CVE-LOW', { epss: 0.01 })
    const at = finding('CVE-AT', { epss: 0.2 })
    const unscored = finding('CVE-NONE')
    const result = triage([low, at, unscored], [], { onlyFixable: false, minEpss: 0.2 }, TODAY)
    expect(result.counted).toEqual([at, unscored])
    expect(result.filters).toEqual([{ filter: 'min-epss 0.2', setAside: 1, keptUnknown: 1 }])
    expect(dispositionOf(result)(low)).toEqual({ kind: 'set-aside' })
  })

  it('runs after min-cvss, so a finding set aside by both is counted once', () => {
    const both = finding('CVE-BOTH', { cvssScore: 3, epss: 0.001 })
    const result = triage([both], [], { onlyFixable: false, minCvss: 7, minEpss: 0.5 }, TODAY)
    expect(result.filters).toEqual([
      { filter: 'min-cvss 7.0', setAside: 1, keptUnknown: 0 },
      { filter: 'min-epss 0.5', setAside: 0, keptUnknown: 0 }
    ])
  })
})
