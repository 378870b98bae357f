import { TERMINAL_STATUSES } from '../src/core/scan-status.js'
import type { ScanPage, StartScanOutcome, WaitDependencies } from '../src/core/wait-for-scan.js'
import { waitForScan } from '../src/core/wait-for-scan.js'

const BACKOFF = { initialMs: 3000, maxMs: 15000, factor: 2 }

function page(status: string, extra: Partial<ScanPage> = {}): ScanPage {
  return {
    status,
    completedAt: new Date(0),
    hasResults: true,
    listed: true,
    findings: [],
    enhancedFindings: [],
    enhanced: false,
    ...extra
  }
}

/** Each scripted answer is a page, `undefined` (ScanNotFound) or an error to throw. */
function scripted(
  answers: (ScanPage | undefined | Error)[],
  startScan?: () => Promise<StartScanOutcome>
) {
  let clock = 0
  const sleeps: number[] = []
  const logs: string[] = []
  let calls = 0
  const deps: WaitDependencies = {
    describe: async () => {
      const answer = answers[Math.min(calls++, answers.length - 1)]
      if (answer instanceof Error) throw answer
      return answer
    },
    startScan,
    now: () => clock,
    sleep: async ms => {
      sleeps.push(ms)
      clock += ms
    },
    random: () => 1,
    log: message => logs.push(message)
  }
  return { deps, sleeps, logs, calls: () => calls, elapsed: () => clock }
}

describe('waitForScan', () => {
  it('returns the settling page itself so it is not fetched again', async () => {
    const complete = page('COMPLETE', { nextToken: 'token-2' })
    const run = scripted([page('PENDING'), page('IN_PROGRESS'), complete])
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result).toEqual({ kind: 'settled', page: complete, stale: false })
    expect(run.calls()).toBe(3)
    expect(run.sleeps).toEqual([3000, 6000])
  })

  it('logs status, elapsed time and the next check while waiting', async () => {
    const run = scripted([page('IN_PROGRESS'), page('COMPLETE')])
    await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(run.logs).toEqual(['Scan status IN_PROGRESS after 0s; next check in 3s.'])
  })

  it('settles on ACTIVE (continuous enhanced scanning) and flags SCAN_ELIGIBILITY_EXPIRED as stale', async () => {
    const active = await waitForScan(scripted([page('ACTIVE')]).deps, {
      timeoutMs: 1000,
      backoff: BACKOFF
    })
    expect(active).toMatchObject({ kind: 'settled', stale: false })
    const withFindings = page('SCAN_ELIGIBILITY_EXPIRED', { findings: [{ name: 'CVE-1' }] })
    const expired = await waitForScan(scripted([withFindings]).deps, {
      timeoutMs: 1000,
      backoff: BACKOFF
    })
    expect(expired).toMatchObject({ kind: 'settled', stale: true })
  })

  it('keeps waiting through ScanNotFound until the scan appears', async () => {
    const run = scripted([undefined, undefined, page('IN_PROGRESS'), page('COMPLETE')])
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result.kind).toBe('settled')
    expect(run.calls()).toBe(4)
    expect(run.logs[0]).toContain('SCAN_NOT_FOUND')
  })

  it.each(TERMINAL_STATUSES)('stops at once on %s', async status => {
    const run = scripted([page('IN_PROGRESS'), page(status, { description: 'from AWS' })])
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result.kind).toBe('terminal')
    expect(result.kind === 'terminal' && result.page.description).toBe('from AWS')
    expect(run.calls()).toBe(2)
  })

  it('times out with the last status and never sleeps past the deadline', async () => {
    const inProgress = page('IN_PROGRESS', { enhanced: true })
    const run = scripted([inProgress])
    const result = await waitForScan(run.deps, { timeoutMs: 20_000, backoff: BACKOFF })
    expect(result).toEqual({
      kind: 'timeout',
      lastStatus: 'IN_PROGRESS',
      waitedMs: 20_000,
      lastPage: inProgress
    })
    expect(run.sleeps).toEqual([3000, 6000, 11_000])
    expect(run.elapsed()).toBe(20_000)
  })

  it('times out as SCAN_NOT_FOUND when the scan never appeared', async () => {
    const result = await waitForScan(scripted([undefined]).deps, {
      timeoutMs: 5000,
      backoff: BACKOFF
    })
    expect(result).toEqual({
      kind: 'timeout',
      lastStatus: 'SCAN_NOT_FOUND',
      waitedMs: 5000,
      lastPage: undefined
    })
  })

  it('lets other errors through at once instead of waiting out the timeout', async () => {
    const missing = Object.assign(new Error('repository does not exist'), {
      name: 'RepositoryNotFoundException'
    })
    const run = scripted([missing])
    await expect(waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })).rejects.toBe(
      missing
    )
    expect(run.sleeps).toEqual([])
  })

  it('starts a scan once when none exists and start-scan is on', async () => {
    const starts: string[] = []
    const run = scripted([undefined, undefined, page('COMPLETE')], async () => {
      starts.push('start')
      return { kind: 'started' }
    })
    await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(starts).toEqual(['start'])
    expect(run.logs[0]).toContain('started a basic scan')
  })

  it('uses the existing results when the daily manual scan limit is reached', async () => {
    const run = scripted([undefined, page('COMPLETE')], async () => ({ kind: 'limit-exceeded' }))
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result.kind).toBe('settled')
    expect(run.logs[0]).toContain('one manual scan per image per 24 hours')
  })

  it('explains a scan type that cannot be started and keeps waiting', async () => {
    const run = scripted([undefined, page('ACTIVE')], async () => ({
      kind: 'not-supported',
      reason: 'This feature is disabled when enhanced scanning is enabled.'
    }))
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result.kind).toBe('settled')
    expect(run.logs[0]).toContain('enhanced scanning is enabled')
  })

  it('keeps waiting on COMPLETE with an empty list and no completion time until the results arrive', async () => {
    const early = page('COMPLETE', { completedAt: undefined, enhanced: true })
    const done = page('COMPLETE', { enhanced: true, enhancedFindings: [{ title: 'CVE-1' }] })
    const run = scripted([early, early, done])
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result).toEqual({ kind: 'settled', page: done, stale: false })
    expect(run.logs[0]).toBe(
      'Scan status COMPLETE without results yet (no completion time) after 0s; next check in 3s.'
    )
  })

  it('keeps waiting on ACTIVE with imageScanFindings {} (no list, no completion time)', async () => {
    const empty = page('ACTIVE', { completedAt: undefined, listed: false, enhanced: true })
    const run = scripted([empty, page('ACTIVE', { enhanced: true })])
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result.kind).toBe('settled')
    expect(run.calls()).toBe(2)
  })

  it('keeps waiting on COMPLETE with no imageScanFindings at all', async () => {
    const bare = page('COMPLETE', { hasResults: false, listed: false, completedAt: undefined })
    const run = scripted([bare, page('COMPLETE')])
    await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(run.logs[0]).toContain('COMPLETE without results yet (no imageScanFindings)')
  })

  it('times out on COMPLETE without results, saying since when ECR answered so', async () => {
    const early = page('COMPLETE', { completedAt: undefined })
    const run = scripted([page('IN_PROGRESS'), early])
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result).toMatchObject({
      kind: 'timeout',
      lastStatus: 'COMPLETE',
      withoutResults: { reason: 'no completion time', forMs: 597_000 }
    })
  })

  it('ends on SCAN_ELIGIBILITY_EXPIRED with no findings: nothing to judge', async () => {
    const run = scripted([page('SCAN_ELIGIBILITY_EXPIRED')])
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result.kind).toBe('terminal')
    expect(result.kind === 'terminal' && result.fix).toContain('kept no findings')
    const bare = scripted([page('SCAN_ELIGIBILITY_EXPIRED', { hasResults: false, listed: false })])
    expect((await waitForScan(bare.deps, { timeoutMs: 1000, backoff: BACKOFF })).kind).toBe(
      'terminal'
    )
  })

  it('stops at once with not-scanned when nothing will ever scan the image', async () => {
    const run = scripted([undefined])
    let asked = 0
    run.deps.coverage = async () => {
      asked += 1
      return { kind: 'never', message: 'Repository team/web is not scanned: …' }
    }
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result).toEqual({
      kind: 'not-scanned',
      message: 'Repository team/web is not scanned: …'
    })
    expect(asked).toBe(1)
    expect(run.sleeps).toEqual([])
  })

  it('keeps waiting with a notice when the scanning configuration cannot be read, asking once', async () => {
    const run = scripted([undefined, undefined, page('COMPLETE')])
    const notices: string[] = []
    let asked = 0
    run.deps.notice = message => notices.push(message)
    run.deps.coverage = async () => {
      asked += 1
      return { kind: 'unknown', message: 'could not read it' }
    }
    const result = await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })
    expect(result.kind).toBe('settled')
    expect(notices).toEqual(['could not read it'])
    expect(asked).toBe(1)
  })

  it('does not ask for the scanning configuration when it starts the scan itself', async () => {
    const run = scripted([undefined, page('COMPLETE')], async () => ({ kind: 'started' }))
    run.deps.coverage = async () => {
      throw new Error('should not be asked')
    }
    expect((await waitForScan(run.deps, { timeoutMs: 600_000, backoff: BACKOFF })).kind).toBe(
      'settled'
    )
  })
})
