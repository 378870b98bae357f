import { type Acquired, acquireFindings } from '../src/core/acquire.js'
import type { ScanSource, WaitSettings } from '../src/core/ports.js'
import type { ScanningConfiguration } from '../src/core/scan-status.js'
import type { ScanPage } from '../src/core/wait-for-scan.js'
import type { ImageRef } from '../src/model/image.js'

const image: ImageRef = {
  repository: 'team/web',
  digest: `sha256:${'b'.repeat(64)}`,
  region: 'us-east-1'
}
const BACKOFF = { initialMs: 3000, maxMs: 15000, factor: 2 }

function page(status: string, severities: string[], extra: Partial<ScanPage> = {}): ScanPage {
  const enhanced = extra.enhanced ?? false
  const raw = severities.map((severity, index) => ({ severity, name: `CVE-${index}` }))
  return {
    status,
    completedAt: new Date(0),
    hasResults: true,
    listed: true,
    findings: enhanced ? [] : raw,
    enhancedFindings: enhanced ? raw.map(({ severity, name }) => ({ severity, title: name })) : [],
    enhanced,
    ...extra
  }
}

const enhancedPage = (severities: string[], extra: Partial<ScanPage> = {}) =>
  page('ACTIVE', severities, { enhanced: true, ...extra })

type Answer = ScanPage | undefined | Error

/**
 * A ScanSource that answers describeScan from a script (the last answer repeats) and later pages
 * by token, on a fake clock; every log line is kept with its level.
 */
function scripted(
  answers: Answer[],
  options: {
    later?: Record<string, ScanPage>
    configuration?: ScanningConfiguration | Error
    timeoutMs?: number
    signal?: AbortSignal
  } = {}
) {
  let clock = 0
  let calls = 0
  const logs: string[] = []
  const sleeps: number[] = []
  const source: ScanSource = {
    resolveImage: async () => image,
    platformImages: async () => ({ images: [], skipped: [] }),
    describeScan: async () => {
      const answer = answers[Math.min(calls++, answers.length - 1)]
      if (answer instanceof Error) throw answer
      return answer
    },
    async *pagesAfter(_image, token) {
      let next: string | undefined = token
      while (next) {
        const later: ScanPage | undefined = options.later?.[next]
        if (!later) throw new Error(`no page for ${next}`)
        yield later
        next = later.nextToken
      }
    },
    startScan: async () => ({ kind: 'started' }),
    scanningConfiguration: async () => {
      const configuration = options.configuration
      if (!configuration) throw new Error('not scripted')
      if (configuration instanceof Error) throw configuration
      return configuration
    }
  }
  const log = (level: string) => (message: string) => logs.push(`${level}: ${message}`)
  const deps = {
    source,
    clock: {
      now: () => clock,
      sleep: async (ms: number) => {
        sleeps.push(ms)
        clock += ms
      },
      random: () => 1
    },
    log: {
      info: log('info'),
      warning: log('warning'),
      notice: log('notice'),
      debug: log('debug')
    },
    deadline: { at: options.timeoutMs ?? 600_000, signal: options.signal }
  }
  return { deps, logs, sleeps, calls: () => calls, elapsed: () => clock }
}

function settings(extra: Partial<WaitSettings> = {}): WaitSettings {
  return {
    timeoutMs: 600_000,
    startScan: false,
    backoff: BACKOFF,
    settleIntervalMs: 15_000,
    ...extra
  }
}

function problemOf(result: Acquired) {
  if (result.kind !== 'problem') throw new Error('expected a problem')
  return result.problem
}

describe('acquireFindings: COMPLETE before the results exist', () => {
  it('waits through COMPLETE with no completion time and reads the findings that follow', async () => {
    const early = page('COMPLETE', [], { completedAt: undefined })
    const run = scripted([early, early, page('COMPLETE', ['HIGH'])])
    const result = await acquireFindings(image, settings(), run.deps)
    expect(result).toMatchObject({ kind: 'read', counts: { HIGH: 1 } })
  })

  it('times out with what ECR kept answering, and for how long', async () => {
    const early = page('COMPLETE', [], { completedAt: undefined })
    const run = scripted([early])
    expect(problemOf(await acquireFindings(image, settings(), run.deps))).toEqual({
      kind: 'timeout',
      message:
        "ECR kept answering COMPLETE without results (no completion time) for 10m0s, until the timeout: the scan's findings never arrived. Raise 'timeout', or check the scan of team/web in the ECR console."
    })
  })
})

describe('acquireFindings: enhanced findings still arriving', () => {
  it('reads an enhanced scan again after the settle interval and judges two reads that agree', async () => {
    const run = scripted([enhancedPage(['HIGH', 'LOW'])])
    const result = await acquireFindings(image, settings(), run.deps)
    expect(result).toMatchObject({ kind: 'read', counts: { HIGH: 1, LOW: 1 } })
    expect(run.calls()).toBe(2)
    expect(run.sleeps).toEqual([15_000])
    expect(run.logs).toContain(
      'info: Enhanced scan: reading again in 15s to check no findings are still arriving.'
    )
  })

  it('keeps reading while findings arrive, and judges the read that held still', async () => {
    const run = scripted([
      enhancedPage(['HIGH']),
      enhancedPage(['HIGH', 'CRITICAL']),
      enhancedPage(['HIGH', 'CRITICAL'])
    ])
    const result = await acquireFindings(image, settings(), run.deps)
    expect(result).toMatchObject({ kind: 'read', counts: { HIGH: 1, CRITICAL: 1 } })
    expect(run.calls()).toBe(3)
    expect(run.logs).toContain(
      'info: Enhanced scan findings changed between reads: 1 findings (HIGH 1), then 2 findings (CRITICAL 1, HIGH 1).'
    )
  })

  it('compares per severity, not only the total', async () => {
    const run = scripted([enhancedPage(['HIGH']), enhancedPage(['LOW']), enhancedPage(['LOW'])])
    const result = await acquireFindings(image, settings(), run.deps)
    expect(result).toMatchObject({ kind: 'read', counts: { HIGH: 0, LOW: 1 } })
    expect(run.calls()).toBe(3)
  })

  it('gives no verdict (incomplete) when the deadline comes before two reads agree', async () => {
    let n = 0
    const growing = Array.from({ length: 10 }, () => enhancedPage(Array(++n).fill('HIGH')))
    const run = scripted(growing, { timeoutMs: 40_000 })
    const problem = problemOf(await acquireFindings(image, settings(), run.deps))
    expect(problem.kind).toBe('incomplete')
    expect(problem.message).toBe(
      "Enhanced scan findings were not confirmed settled before the timeout: two reads 15s apart disagreed (2 findings (HIGH 2), then 3 findings (HIGH 3)), so findings may still be arriving and there is no verdict. Raise 'timeout', or set settle-interval: 0 to accept a single read."
    )
    expect(run.elapsed()).toBeLessThanOrEqual(40_000)
  })

  it('gives no verdict (incomplete) when the deadline leaves no room for a second read', async () => {
    const run = scripted([enhancedPage(['HIGH'])], { timeoutMs: 10_000 })
    const problem = problemOf(await acquireFindings(image, settings(), run.deps))
    expect(problem.kind).toBe('incomplete')
    expect(problem.message).toContain('the timeout left no time for a second read 15s later')
  })

  it('does not delay a basic scan, nor an enhanced one with settle interval 0', async () => {
    const basic = scripted([page('COMPLETE', ['HIGH'])])
    expect((await acquireFindings(image, settings(), basic.deps)).kind).toBe('read')
    expect(basic.sleeps).toEqual([])
    const off = scripted([enhancedPage(['HIGH'])])
    expect((await acquireFindings(image, settings({ settleIntervalMs: 0 }), off.deps)).kind).toBe(
      'read'
    )
    expect(off.sleeps).toEqual([])
  })
})

describe('acquireFindings: counts that prove findings missing', () => {
  it('reads again and judges a complete second read', async () => {
    const short = page('COMPLETE', ['HIGH'], { severityCounts: { HIGH: 1, CRITICAL: 1 } })
    const whole = page('COMPLETE', ['HIGH', 'CRITICAL'], {
      severityCounts: { HIGH: 1, CRITICAL: 1 }
    })
    const run = scripted([short, whole])
    const result = await acquireFindings(image, settings(), run.deps)
    expect(result).toMatchObject({ kind: 'read', counts: { HIGH: 1, CRITICAL: 1 } })
    expect(run.sleeps).toEqual([15_000])
  })

  it('gives no verdict (incomplete) when the second read is still short', async () => {
    const short = page('COMPLETE', ['HIGH'], { severityCounts: { HIGH: 1, CRITICAL: 1 } })
    const run = scripted([short])
    expect(problemOf(await acquireFindings(image, settings(), run.deps))).toEqual({
      kind: 'incomplete',
      message:
        "The findings could not be read completely (findings are missing (CRITICAL 1 counted by ECR but 0 read); 2 reads in a row were incomplete), so there is no verdict. Retry the job, or raise 'timeout'."
    })
  })

  it('gives no verdict (incomplete) when a later page has no findings list', async () => {
    const first = page('COMPLETE', ['HIGH'], { nextToken: 't1' })
    const run = scripted([first], {
      later: { t1: page('COMPLETE', [], { listed: false }) },
      timeoutMs: 5_000
    })
    const problem = problemOf(await acquireFindings(image, settings(), run.deps))
    expect(problem.kind).toBe('incomplete')
    expect(problem.message).toContain('page 2 carried no findings list')
  })
})

describe('acquireFindings never hangs', () => {
  it('stops with an error problem on a page token that repeats', async () => {
    const first = page('COMPLETE', ['HIGH'], { nextToken: 't1' })
    const run = scripted([first], {
      later: {
        t1: page('COMPLETE', ['LOW'], { nextToken: 't2' }),
        t2: page('COMPLETE', ['LOW'], { nextToken: 't1' })
      }
    })
    const problem = problemOf(await acquireFindings(image, settings(), run.deps))
    expect(problem.kind).toBe('error')
    expect(problem.message).toMatch(/^ECR handed out a page token it had already given/)
  })

  it('turns a request the deadline aborted into a timeout problem', async () => {
    const controller = new AbortController()
    controller.abort(new DOMException('The operation was aborted.', 'AbortError'))
    const aborted = Object.assign(new Error('Request aborted'), { name: 'AbortError' })
    const run = scripted([page('IN_PROGRESS', []), aborted], { signal: controller.signal })
    const result = await acquireFindings(image, settings(), run.deps)
    expect(result).toMatchObject({ scan: { status: 'IN_PROGRESS' } })
    expect(problemOf(result)).toEqual({
      kind: 'timeout',
      message:
        "The timeout ran out while waiting for ECR to answer (last status IN_PROGRESS; Request aborted). Raise 'timeout', or check that ECR in us-east-1 is reachable from the runner."
    })
  })

  it('lets other errors through when the deadline has not passed', async () => {
    const denied = Object.assign(new Error('denied'), { name: 'AccessDeniedException' })
    await expect(acquireFindings(image, settings(), scripted([denied]).deps)).rejects.toBe(denied)
  })
})

describe('acquireFindings: a scan that will never come', () => {
  it('returns not-scanned at once when no rule scans the repository', async () => {
    const run = scripted([undefined], {
      configuration: { scanType: 'BASIC', rules: [], repositoryScanOnPush: false }
    })
    const problem = problemOf(await acquireFindings(image, settings(), run.deps))
    expect(problem.kind).toBe('not-scanned')
    expect(problem.message).toMatch(/^Repository team\/web is not scanned/)
    expect(run.sleeps).toEqual([])
  })

  it('logs a notice and keeps waiting when the configuration calls are denied', async () => {
    const denied = Object.assign(new Error('not authorized to perform ecr:GetRegistry…'), {
      name: 'AccessDeniedException'
    })
    const run = scripted([undefined, page('COMPLETE', [])], { configuration: denied })
    expect((await acquireFindings(image, settings(), run.deps)).kind).toBe('read')
    expect(run.logs.filter(line => line.startsWith('notice:'))).toEqual([
      'notice: ECR has no scan for team/web yet, and its scanning configuration could not be read (not authorized to perform ecr:GetRegistry…); waiting for the scan. Grant ecr:GetRegistryScanningConfiguration and ecr:DescribeRepositories to learn at once when no scan will come.'
    ])
  })
})

describe('acquireFindings: SCAN_ELIGIBILITY_EXPIRED', () => {
  it('has nothing to judge without findings (scan-ended, softenable)', async () => {
    const run = scripted([page('SCAN_ELIGIBILITY_EXPIRED', [])])
    const problem = problemOf(await acquireFindings(image, settings(), run.deps))
    expect(problem.kind).toBe('scan-ended')
    expect(problem.message).toContain('kept no findings')
  })

  it('reads the findings it kept, flagged stale', async () => {
    const run = scripted([page('SCAN_ELIGIBILITY_EXPIRED', ['LOW'])])
    expect(await acquireFindings(image, settings(), run.deps)).toMatchObject({
      kind: 'read',
      stale: true
    })
  })
})
