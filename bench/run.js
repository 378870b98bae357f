// `npm run bench`: figures for the closing notes and regressions, printed as one Markdown table under
// a machine line. Runs the current sources built with ncc (bench/bundles.js) against the local ECR
// emulator, and the sources themselves in process (bench/inprocess.js); nothing here asserts, it
// reports. BENCH_RUNS (cold start, default 15) and BENCH_E2E_RUNS (runs against the fake, default 3).
import { spawnSync } from 'node:child_process'
import { statSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { startFakeEcr } from '../test/support/fake-ecr.js'
import { basicFindings, enhancedFindings } from '../test/support/findings-factory.js'
import { BUNDLE, cleanUp, nodeRuntimes, runAction } from '../test/support/run-action.js'
import { bundleBytes, currentBundles } from './bundles.js'
import { measureImages } from './images.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
const E2E_RUNS = Number(process.env.BENCH_E2E_RUNS ?? 3)
const DIGEST = `sha256:${'e'.repeat(64)}`
/** ECR's page size for basic findings (src/aws/ecr.ts PAGE_SIZE) and for enhanced ones. */
const BASIC_PAGE = 1000
const ENHANCED_PAGE = 100
// Reports the child's peak memory, CPU time and uptime on exit, without touching the bundle.
const REPORT = `--import=data:text/javascript,process.on('exit',()=>{const c=process.cpuUsage();process.stderr.write('maxrss_kb='+process.resourceUsage().maxRSS+' cpu_ms='+Math.round((c.user+c.system)/1000)+' uptime_ms='+Math.round(performance.now())+'\\n')})`

const log = message => process.stderr.write(`bench: ${message}\n`)
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const ms = value => `${value.toFixed(0)} ms`
const mib = value => `${value.toFixed(0)} MiB`
const n = value => value.toLocaleString('en-US')
const load = () =>
  os
    .loadavg()
    .map(value => value.toFixed(2))
    .join(' ')

const loadAtStart = load()
const rows = []
const results = {}
const row = (figure, measured, value, target = '—') =>
  rows.push(`| ${figure} | ${measured} | ${value} | ${target} |`)

log('building the current sources (reused when newer than src/)…')
const bundles = currentBundles()
const ACTION_LABEL = 'current action build'
const CLI_LABEL = 'current CLI build'
const runtimes = nodeRuntimes()
const node24 = runtimes.find(runtime => runtime.major >= 24) ?? runtimes.at(-1)
const node20 = runtimes.find(runtime => runtime.major === 20)

// ---- cold start -------------------------------------------------------------------------------
function spawnMs(node, args) {
  const started = performance.now()
  const child = spawnSync(node, args, { env: { PATH: process.env.PATH ?? '' }, cwd: os.tmpdir() })
  return { ms: performance.now() - started, status: child.status, stdout: String(child.stdout) }
}

for (const runtime of [node24, node20].filter(Boolean)) {
  log(`cold start on Node ${runtime.version} (${RUNS} runs, interleaved)…`)
  const commands = {
    bare: ['-e', '0'],
    action: [bundles.action],
    cli: [bundles.cli, '--version'],
    committed: [BUNDLE]
  }
  const samples = Object.fromEntries(Object.keys(commands).map(name => [name, []]))
  const checks = {}
  spawnMs(runtime.path, commands.bare) // warm the binary into the page cache
  for (let index = 0; index < RUNS; index++) {
    for (const [name, args] of Object.entries(commands)) {
      const run = spawnMs(runtime.path, args)
      samples[name].push(run.ms)
      checks[name] = run
    }
  }
  if (checks.action.status !== 1 || !checks.action.stdout.includes('Input required'))
    throw new Error(`the action did not fail on the missing input: ${checks.action.stdout}`)
  const m = Object.fromEntries(Object.entries(samples).map(([name, v]) => [name, median(v)]))
  results[`coldStart${runtime.major}`] = { version: runtime.version, runs: RUNS, medianMs: m }
  const ratio = name => `${ms(m[name])} = ${(m[name] / m.bare).toFixed(2)}× node -e 0`
  const on = `Node ${runtime.version}`
  const target = runtime.major >= 24 ? '≤ 2.5× node -e 0' : '—'
  row(`cold start: \`node -e 0\` (median of ${RUNS})`, on, ms(m.bare))
  row(
    `cold start: action, no inputs (fails on the missing input) (median of ${RUNS})`,
    `${on}, ${ACTION_LABEL}`,
    ratio('action'),
    target
  )
  row(
    `cold start: committed dist/index.js, no inputs (median of ${RUNS})`,
    `${on}, committed dist/`,
    ratio('committed'),
    target
  )
  row(`cold start: CLI \`--version\` (median of ${RUNS})`, `${on}, ${CLI_LABEL}`, ratio('cli'))
}

// ---- runs against the local ECR emulator ------------------------------------------------------
function image(scan) {
  return {
    images: [
      {
        repository: 'bench/app',
        digest: DIGEST,
        tags: ['bench'],
        scan: { statuses: ['COMPLETE'], ...scan }
      }
    ]
  }
}

const childFigure = (stderr, name) => Number(new RegExp(`${name}=(\\d+)`).exec(stderr)?.[1] ?? NaN)

/** One action run: wall time, the child's own CPU/uptime/peak RSS, and this process's CPU (the fake). */
async function timedRun(scenario, inputs = {}) {
  const ecr = await startFakeEcr(scenario)
  try {
    const cpu = process.cpuUsage()
    const started = performance.now()
    const run = await runAction({
      endpoint: ecr.url,
      inputs: { repository: 'bench/app', 'image-tag': 'bench', 'fail-on': 'NONE', ...inputs },
      node: node24.path,
      nodeArgs: [REPORT, bundles.action]
    })
    const wallMs = performance.now() - started
    const used = process.cpuUsage(cpu)
    await cleanUp(run)
    if (run.exitCode !== 0) throw new Error(`bench run failed:\n${run.stdout}`)
    return {
      wallMs,
      childCpuMs: childFigure(run.stderr, 'cpu_ms'),
      childUptimeMs: childFigure(run.stderr, 'uptime_ms'),
      maxRssMb: childFigure(run.stderr, 'maxrss_kb') / 1024,
      benchCpuMs: (used.user + used.system) / 1000,
      counts: { ...ecr.counts },
      calls: ecr.calls.length,
      summaryBytes: Buffer.byteLength(run.summary),
      total: run.outputs.total
    }
  } finally {
    await ecr.close()
  }
}

async function repeated(runs, scenario, inputs) {
  const samples = []
  for (let index = 0; index < runs; index++) samples.push(await timedRun(scenario, inputs))
  const pick = key => median(samples.map(sample => sample[key]))
  return {
    ...samples.at(-1),
    wallMs: pick('wallMs'),
    childCpuMs: pick('childCpuMs'),
    childUptimeMs: pick('childUptimeMs'),
    benchCpuMs: pick('benchCpuMs'),
    maxRssMb: Math.max(...samples.map(sample => sample.maxRssMb)),
    runs
  }
}

const byOperation = counts =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, count]) => `${operation} ${count}`)
    .join(', ')

/** Calls against the target: 1 to resolve + polls + the pages after the one the last poll read. */
function callsVerdict(r, polls, count, pageSize, reads = 1) {
  const pagesAfter = Math.max(0, Math.ceil(count / pageSize) - 1) * reads
  const expected = 1 + polls + pagesAfter
  const verdict = r.calls <= expected ? 'meets' : 'OVER'
  return `${r.calls} ECR calls (${byOperation(r.counts)}); bound 1 + ${polls} poll(s) + ${pagesAfter} page(s) = ${expected}: ${verdict}`
}

const ecrTarget = 'calls ≤ 1 resolve + polls + pages'
for (const count of [0, 2500, 50_000]) {
  log(`${n(count)} basic findings against the fake (${E2E_RUNS} runs)…`)
  const r = await repeated(E2E_RUNS, image({ findings: basicFindings(count) }))
  results[`basic${count}`] = r
  row(
    `${n(count)} basic findings, scan complete at the first poll (median of ${r.runs})`,
    `Node ${node24.version}, ${ACTION_LABEL}`,
    `${ms(r.wallMs)} wall (action's own CPU ${ms(r.childCpuMs)}, fake + harness CPU ${ms(r.benchCpuMs)}), peak RSS ${mib(r.maxRssMb)}, total=${r.total}; ${callsVerdict(r, 1, count, BASIC_PAGE)}`,
    ecrTarget
  )
}
{
  log('2,500 basic findings, scan settling at the second poll (real clock)…')
  const r = await timedRun(
    image({ statuses: ['IN_PROGRESS', 'COMPLETE'], findings: basicFindings(2500) })
  )
  results.basic2500SecondPoll = r
  row(
    '2,500 basic findings, IN_PROGRESS at the first poll, COMPLETE at the second (1 run, real clock)',
    `Node ${node24.version}, ${ACTION_LABEL}`,
    `${ms(r.wallMs)} wall, of which one backoff sleep of 1.5–3 s; total=${r.total}; ${callsVerdict(r, 2, 2500, BASIC_PAGE)}`,
    ecrTarget
  )
}

// ---- 50,000 enhanced findings: judge and render -----------------------------------------------
log('50,000 enhanced findings in process (sources via ts-hooks)…')
function inProcess(args) {
  const child = spawnSync(node24.path, [join(HERE, 'inprocess.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20
  })
  if (child.status !== 0)
    throw new Error(`bench/inprocess.js ${args.join(' ')} failed:\n${child.stderr}`)
  return JSON.parse(child.stdout)
}
const judge = inProcess(['judge-render', '50000', '3'])
results.enhancedInProcess = judge
{
  const [cold, ...warm] = judge.samples
  const describe = s =>
    `read + judge ${ms(s.readJudgeMs)}, job summary ${ms(s.summaryMs)} (${(s.summaryBytes / 1024).toFixed(0)} KiB), PR comment ${ms(s.commentMs)} (${(s.commentBytes / 1024).toFixed(1)} KiB): total ${ms(s.totalMs)}`
  const warmMedian = {
    ...warm[0],
    ...Object.fromEntries(
      ['readJudgeMs', 'summaryMs', 'commentMs', 'totalMs'].map(key => [
        key,
        median(warm.map(s => s[key]))
      ])
    )
  }
  const where = `Node ${node24.version}, src in process (no HTTP)`
  row(
    `judge + render ${n(judge.count)} enhanced findings, first time in a process (as the action does it once); 2 reads (settle-interval 15 s, virtual clock)`,
    where,
    describe(cold),
    '< 1 s'
  )
  row(
    `judge + render ${n(judge.count)} enhanced findings, warm (median of ${warm.length} more in the same process)`,
    where,
    describe(warmMedian),
    '< 1 s'
  )
  row(
    `memory, in process: ${n(judge.count)} enhanced findings`,
    where,
    `peak RSS ${mib(judge.maxRssMb)}, of which ${mib(judge.rssFixtureMb)} before the read (node + the 50,000 generated raw findings the in-memory ECR serves): ${mib(judge.maxRssMb - judge.rssFixtureMb)} added by reading, judging and rendering`,
    '< 200 MiB'
  )
}
{
  log('50,000 enhanced findings against the fake, through the bundle (1 run)…')
  const count = 50_000
  const r = await timedRun(image({ enhancedFindings: enhancedFindings(count) }), {
    'settle-interval': '0'
  })
  results.enhanced50000Bundle = r
  row(
    `${n(count)} enhanced findings through the action bundle, settle-interval 0 (one read; the default 15 s adds a second read), 1 run`,
    `Node ${node24.version}, ${ACTION_LABEL}`,
    `${ms(r.wallMs)} wall, of which the action process ${ms(r.childUptimeMs)} and its own CPU ${ms(r.childCpuMs)}; the fake serving ${n(count / ENHANCED_PAGE)} pages: ${ms(r.benchCpuMs)} CPU in the bench process; action's peak RSS ${mib(r.maxRssMb)}; total=${r.total}; summary ${(r.summaryBytes / 1024).toFixed(0)} KiB; ${callsVerdict(r, 1, count, ENHANCED_PAGE)}`,
    'none: includes reading 500 pages over HTTP; the targets are the judge + render rows'
  )
}

// ---- how soon a settled scan is noticed -------------------------------------------------------
log('notice latency under the default backoff (virtual clock)…')
const notice = inProcess(['notice', '2000'])
results.notice = notice
{
  const { initialMs, factor, maxMs } = notice.backoff
  const s = value => `${(value / 1000).toFixed(1)} s`
  for (const r of notice.rows) {
    row(
      `scan settles ${s(r.settlesAfterMs)} after the first poll: noticed after (${n(notice.samples)} jitter samples)`,
      `src waitForScan, DEFAULT_BACKOFF ${initialMs / 1000} s ×${factor} cap ${maxMs / 1000} s, virtual clock`,
      `median ${s(r.medianMs)}, p95 ${s(r.p95Ms)}, max ${s(r.maxMs)}; polls (median): ${r.medianPolls}`,
      '≤ 15 s'
    )
  }
  row(
    'worst case from the schedule',
    'computed',
    `delays (equal jitter, half fixed) lie in [1.5, 3], [3, 6], [6, 12], then [7.5, 15] s: a settled scan waits less than the 15 s cap, plus one request`,
    '≤ 15 s'
  )
}

// ---- several images ---------------------------------------------------------------------------
log('20 images × 2 platforms against the fake…')
const images = await measureImages({
  runs: Math.min(E2E_RUNS, 3),
  nodeArgs: [REPORT],
  bundle: { path: bundles.action, label: `Node ${node24.version}, ${ACTION_LABEL}` },
  node: node24.path
})
results.images = images.figures
rows.push(...images.rows)

results.bundleBytes = {
  current: bundleBytes(bundles.actionDir),
  currentEntry: statSync(bundles.action).size,
  committed: bundleBytes(dirname(BUNDLE)),
  committedEntry: statSync(BUNDLE).size
}
const mb = bytes => `${(bytes / 2 ** 20).toFixed(2)} MiB`
row(
  'action bundle size (entry + lazily loaded chunks)',
  ACTION_LABEL,
  `${mb(results.bundleBytes.current)} (entry ${mb(results.bundleBytes.currentEntry)})`
)
row(
  'action bundle size (entry + lazily loaded chunks)',
  'committed dist/',
  `${mb(results.bundleBytes.committed)} (entry ${mb(results.bundleBytes.committedEntry)})`
)

const cpu = os.cpus()
const machine = [
  `machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}), ${os.platform()} ${os.arch()}`,
  runtimes.map(runtime => `Node ${runtime.version} (${runtime.path})`).join(', '),
  `bench process on Node ${process.versions.node}`,
  `load average (1/5/15 min) at start ${loadAtStart}, at end ${load()}`,
  `measured: ${bundles.label}`
].join('; ')
results.machine = machine
console.log(`${machine}\n`)
console.log('| figure | measured | value | target |\n| --- | --- | --- | --- |')
for (const line of rows) console.log(line)
await mkdir(join(HERE, 'results'), { recursive: true })
await writeFile(join(HERE, 'results', 'latest.json'), JSON.stringify(results, null, 2))
