// `npm run bench`: figures for the closing notes and regressions. Runs the committed bundle
// against the local ECR emulator; nothing here asserts, it reports.
import { spawnSync } from 'node:child_process'
import { mkdir, stat, writeFile } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { startFakeEcr } from '../test/support/fake-ecr.js'
import { basicFindings, enhancedFindings } from '../test/support/findings-factory.js'
import { BUNDLE, cleanUp, runAction } from '../test/support/run-action.js'
import { measureImages } from './images.js'

const RUNS = Number(process.env.BENCH_RUNS ?? 7)
const DIGEST = `sha256:${'e'.repeat(64)}`
// Reports the child's peak memory on exit, without touching the bundle.
const REPORT_RSS = `--import=data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss_kb='+process.resourceUsage().maxRSS+'\\n'))`

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

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

async function timedRun(scenario, inputs = {}) {
  const ecr = await startFakeEcr(scenario)
  try {
    const started = performance.now()
    const run = await runAction({
      endpoint: ecr.url,
      inputs: { repository: 'bench/app', 'image-tag': 'bench', 'fail-on': 'NONE', ...inputs },
      nodeArgs: [REPORT_RSS]
    })
    const ms = performance.now() - started
    const maxRssMb = Number(/maxrss_kb=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024
    const summaryBytes = Buffer.byteLength(run.summary)
    await cleanUp(run)
    if (run.exitCode !== 0) throw new Error(`bench run failed:\n${run.stdout}`)
    return { ms, maxRssMb, calls: ecr.requests.length, summaryBytes, total: run.outputs.total }
  } finally {
    await ecr.close()
  }
}

const results = {}

const bare = []
for (let index = 0; index < RUNS; index++) {
  const started = performance.now()
  spawnSync(process.execPath, ['-e', '0'])
  bare.push(performance.now() - started)
}
const cold = []
for (let index = 0; index < RUNS; index++) cold.push((await timedRun(image({ findings: [] }))).ms)
results.coldStart = { runs: RUNS, nodeMedianMs: median(bare), actionMedianMs: median(cold) }

for (const [name, scan] of [
  ['basic 2,500', { findings: basicFindings(2500) }],
  ['basic 50,000', { findings: basicFindings(50_000) }],
  ['enhanced 5,000', { enhancedFindings: enhancedFindings(5000) }]
]) {
  results[name] = await timedRun(image(scan))
}
const images = await measureImages({ runs: Math.min(RUNS, 3), nodeArgs: [REPORT_RSS] })
results.images = images.figures
results.bundleBytes = (await stat(BUNDLE)).size

console.log(`| figure | value |\n| --- | --- |`)
console.log(
  `| cold start, clean image (median of ${RUNS}) | ${results.coldStart.actionMedianMs.toFixed(0)} ms (node -e 0: ${results.coldStart.nodeMedianMs.toFixed(0)} ms) |`
)
for (const name of ['basic 2,500', 'basic 50,000', 'enhanced 5,000']) {
  const r = results[name]
  console.log(
    `| ${name} findings | ${r.calls} ECR calls, ${r.ms.toFixed(0)} ms, peak RSS ${r.maxRssMb.toFixed(0)} MiB, summary ${(r.summaryBytes / 1024).toFixed(0)} KiB, total=${r.total} |`
  )
}
for (const row of images.rows) console.log(row)
console.log(`| dist/index.js | ${(results.bundleBytes / 1024 / 1024).toFixed(2)} MiB |`)
await mkdir(new URL('./results/', import.meta.url), { recursive: true })
await writeFile(new URL('./results/latest.json', import.meta.url), JSON.stringify(results, null, 2))
