import { TERMINAL_STATUSES, classifyStatus } from '../src/core/scan-status.js'

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
