import {
  type ScanningConfiguration,
  TERMINAL_STATUSES,
  classifyStatus,
  filterMatches,
  scanningCoverage
} from '../src/core/scan-status.js'

describe('classifyStatus', () => {
  it.each(['PENDING', 'IN_PROGRESS'])('keeps waiting on %s', status => {
    expect(classifyStatus(status)).toEqual({ kind: 'wait' })
  })

  it.each(['COMPLETE', 'ACTIVE'])('reads findings on %s', status => {
    expect(classifyStatus(status)).toEqual({ kind: 'read', stale: false })
  })

  it('reads findings with a staleness warning on SCAN_ELIGIBILITY_EXPIRED', () => {
    expect(classifyStatus('SCAN_ELIGIBILITY_EXPIRED')).toEqual({ kind: 'read', stale: true })
  })

  it.each([
    'FAILED',
    'UNSUPPORTED_IMAGE',
    'FINDINGS_UNAVAILABLE',
    'LIMIT_EXCEEDED',
    'IMAGE_ARCHIVED'
  ])('ends on %s with a fix that is specific to it', status => {
    const outcome = classifyStatus(status)
    expect(outcome.kind).toBe('terminal')
    expect(TERMINAL_STATUSES).toContain(status)
    const fixes = TERMINAL_STATUSES.filter(other => other !== status).map(other =>
      classifyStatus(other)
    )
    expect(fixes).not.toContainEqual(outcome)
  })

  it('treats an unknown status as terminal and names it, rather than judging', () => {
    const outcome = classifyStatus('QUARANTINED')
    expect(outcome.kind).toBe('terminal')
    expect(outcome.kind === 'terminal' && outcome.fix).toContain('QUARANTINED')
  })
})

describe('filterMatches (ECR wildcard filters)', () => {
  // The table in the ECR user guide, "Filters to choose which repositories are scanned".
  const names = ['prod', 'repo-prod', 'prod-repo', 'repo-prod-repo', 'prodrepo']
  it.each([
    ['prod', [true, true, true, true, true]],
    ['*prod', [true, true, false, false, false]],
    ['prod*', [true, false, true, false, true]],
    ['*prod*', [true, true, true, true, true]],
    ['prod*repo', [false, false, true, false, true]],
    ['*', [true, true, true, true, true]]
  ])('%s matches as the ECR docs say', (filter, expected) => {
    expect(names.map(name => filterMatches(filter, name))).toEqual(expected)
  })

  it('takes every other character literally', () => {
    expect(filterMatches('team.web*', 'teamxweb')).toBe(false)
    expect(filterMatches('team/*', 'team/web/api')).toBe(true)
  })
})

describe('scanningCoverage', () => {
  const rule = (scanFrequency: string, ...filters: string[]) => ({
    scanFrequency,
    filters: filters.map(filter => ({ filter, filterType: 'WILDCARD' }))
  })
  const basic = (rules: ScanningConfiguration['rules'], repositoryScanOnPush = false) => ({
    registryId: '123456789012',
    scanType: 'BASIC',
    rules,
    repositoryScanOnPush
  })
  const enhanced = (rules: ScanningConfiguration['rules'], repositoryScanOnPush = false) => ({
    ...basic(rules, repositoryScanOnPush),
    scanType: 'ENHANCED'
  })

  it.each([
    ['a basic SCAN_ON_PUSH rule that matches', basic([rule('SCAN_ON_PUSH', 'team/*')])],
    ["the repository's own scan on push, under basic scanning", basic([], true)],
    [
      'an enhanced CONTINUOUS_SCAN rule that matches',
      enhanced([rule('SCAN_ON_PUSH', 'other'), rule('CONTINUOUS_SCAN', '*web')])
    ],
    ['an enhanced SCAN_ON_PUSH rule with *', enhanced([rule('SCAN_ON_PUSH', '*')])],
    ['a frequency this action does not know', basic([rule('HOURLY', '*')])]
  ])('will scan with %s', (_, config) => {
    expect(scanningCoverage(config, 'team/web')).toEqual({ kind: 'will-scan' })
  })

  it('never scans a basic repository with only MANUAL rules and scan on push off, and names the fix', () => {
    expect(scanningCoverage(basic([rule('MANUAL', '*')]), 'team/web')).toEqual({
      kind: 'never',
      message:
        'Repository team/web is not scanned: no registry scanning rule matches it and scan on push is off. Add a scanning rule or enable scan on push (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html), or set start-scan: true.'
    })
  })

  it("never scans under enhanced scanning without a matching rule, whatever the repository's own flag", () => {
    const coverage = scanningCoverage(
      enhanced([rule('CONTINUOUS_SCAN', 'prod*')], true),
      'team/web'
    )
    expect(coverage.kind).toBe('never')
    expect(coverage.kind === 'never' && coverage.message).toContain(
      'enhanced scanning is on and no registry scanning rule'
    )
  })

  it('does not know about a registry in another account, or a scan type it does not know', () => {
    expect(scanningCoverage(basic([]), 'team/web', '111122223333').kind).toBe('unknown')
    expect(scanningCoverage({ ...basic([]), scanType: 'FUTURE' }, 'team/web').kind).toBe('unknown')
  })
})
