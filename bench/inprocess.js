// In-process measurements on the TypeScript sources (transpiled on import by test/support/ts-hooks.js),
// run by bench/run.js as a child process so its peak memory is its own. Prints one JSON line.
//   node bench/inprocess.js judge-render [count]   read, judge and render `count` enhanced findings
//   node bench/inprocess.js notice [samples]        how long after a scan settles the wait notices it
// Nothing here waits on a real clock or a network: the scan source is in memory, sleeps are virtual.
import { register } from 'node:module'
import { performance } from 'node:perf_hooks'

register('../test/support/ts-hooks.js', import.meta.url)

const mode = process.argv[2]
const DIGEST = `sha256:${'e'.repeat(64)}`
const IMAGE = { repository: 'bench/app', digest: DIGEST, tag: 'bench', region: 'us-east-1' }

/** A seeded generator (mulberry32), so every run samples the same jitter. */
function seeded(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A clock whose sleeps only move `now` forward. */
function virtualClock(random) {
  let now = 0
  return { now: () => now, sleep: async ms => void (now += ms), random }
}

const quiet = { info() {}, warning() {}, notice() {}, debug() {}, close() {} }

function settledPage(enhancedFindings, nextToken) {
  return {
    status: 'ACTIVE',
    description: 'Continuous scan is selected for image.',
    completedAt: new Date('2024-08-12T09:34:00Z'),
    vulnerabilitySourceUpdatedAt: new Date('2024-08-12T03:30:00Z'),
    hasResults: true,
    listed: true,
    findings: [],
    enhancedFindings,
    enhanced: true,
    nextToken
  }
}

/** An in-memory ECR: pages of 100 enhanced findings, as DescribeImageScanFindings returns them. */
function memorySource(all) {
  const PAGE = 100
  const page = start => {
    const end = start + PAGE
    return settledPage(all.slice(start, end), end < all.length ? String(end) : undefined)
  }
  return {
    resolveImage: async () => IMAGE,
    platformImages: async () => ({ images: [], skipped: [] }),
    describeScan: async () => page(0),
    async *pagesAfter(_image, token) {
      for (let start = Number(token); start < all.length; start += PAGE) yield page(start)
    },
    startScan: async () => ({ kind: 'started' }),
    scanningConfiguration: async () => ({ scanType: 'ENHANCED', rules: [] })
  }
}

async function judgeRender(count, repeats) {
  const { runScan } = await import('../src/core/run.js')
  const { DEFAULT_BACKOFF } = await import('../src/core/backoff.js')
  const { renderRunComment, renderRunSummary } = await import('../src/report/report.js')
  const { enhancedFindings } = await import('../test/support/findings-factory.js')
  const all = enhancedFindings(count)
  const rssFixtureMb = process.memoryUsage().rss / 2 ** 20
  const settings = {
    timeoutMs: 10 * 60_000,
    // The action's default: an enhanced scan is read twice, 15 s apart (a virtual 15 s here).
    settleIntervalMs: 15_000,
    startScan: false,
    backoff: DEFAULT_BACKOFF,
    rules: [],
    filters: { onlyFixable: false },
    thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false },
    concurrency: 5,
    onlyNew: false
  }
  const target = {
    reference: 'bench/app:bench',
    region: 'us-east-1',
    query: { repository: 'bench/app', imageTag: 'bench' }
  }
  const samples = []
  for (let index = 0; index < repeats; index++) {
    const clock = virtualClock(seeded(index + 1))
    const t0 = performance.now()
    const images = await runScan([target], settings, {
      sourceFor: () => memorySource(all),
      clock,
      logFor: () => quiet,
      explainError: error => String(error)
    })
    const t1 = performance.now()
    const run = {
      images,
      thresholds: settings.thresholds,
      actionVersion: 'bench',
      commit: 'e'.repeat(40),
      updatedAt: new Date(clock.now())
    }
    const summary = renderRunSummary(run)
    const t2 = performance.now()
    const comment = renderRunComment(run)
    const t3 = performance.now()
    const [image] = images
    if (image?.kind !== 'judged') throw new Error(`not judged: ${JSON.stringify(image?.problem)}`)
    samples.push({
      readJudgeMs: t1 - t0,
      summaryMs: t2 - t1,
      commentMs: t3 - t2,
      totalMs: t3 - t0,
      findings: image.findings.length,
      summaryBytes: Buffer.byteLength(summary),
      commentBytes: Buffer.byteLength(comment)
    })
  }
  return {
    count,
    repeats,
    samples,
    rssFixtureMb,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20
  }
}

/**
 * The scan settles `T` ms after the first poll; the real waitForScan polls on a virtual clock
 * with the default backoff and sampled jitter. Latency: from settling to the poll that sees it.
 */
async function notice(samples) {
  const { waitForScan } = await import('../src/core/wait-for-scan.js')
  const { DEFAULT_BACKOFF } = await import('../src/core/backoff.js')
  const settlesAfter = [0, 1_000, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 120_000, 300_000]
  const random = seeded(42)
  const rows = []
  for (const T of settlesAfter) {
    const latencies = []
    const polls = []
    for (let index = 0; index < samples; index++) {
      const clock = virtualClock(random)
      let count = 0
      let firstPoll
      const result = await waitForScan(
        {
          describe: async () => {
            count += 1
            firstPoll ??= clock.now()
            return clock.now() - firstPoll >= T
              ? settledPage([], undefined)
              : { ...settledPage([], undefined), status: 'IN_PROGRESS', hasResults: false }
          },
          now: clock.now,
          sleep: clock.sleep,
          random: clock.random,
          log: () => {}
        },
        { timeoutMs: 10 * 60_000, backoff: DEFAULT_BACKOFF }
      )
      if (result.kind !== 'settled') throw new Error(`T=${T}: ${result.kind}`)
      latencies.push(clock.now() - firstPoll - T)
      polls.push(count)
    }
    const sorted = values => [...values].sort((a, b) => a - b)
    const at = (values, q) =>
      sorted(values)[Math.min(values.length - 1, Math.floor(q * values.length))]
    rows.push({
      settlesAfterMs: T,
      medianMs: at(latencies, 0.5),
      p95Ms: at(latencies, 0.95),
      maxMs: Math.max(...latencies),
      medianPolls: at(polls, 0.5)
    })
  }
  return { samples, backoff: DEFAULT_BACKOFF, rows }
}

let output
if (mode === 'judge-render')
  output = await judgeRender(Number(process.argv[3] ?? 50_000), Number(process.argv[4] ?? 3))
else if (mode === 'notice') output = await notice(Number(process.argv[3] ?? 2000))
else throw new Error(`unknown mode ${mode}`)
process.stdout.write(`${JSON.stringify(output)}\n`)
