// Several images against the local ECR emulator: 20 image indexes of two platforms each next to a
// single index with the same findings per platform. Used by bench/run.js; reports, never asserts.
import { performance } from 'node:perf_hooks'
import { startFakeEcr } from '../test/support/fake-ecr.js'
import { basicFindings } from '../test/support/findings-factory.js'
import { cleanUp, runAction } from '../test/support/run-action.js'

const PLATFORMS = ['linux/amd64', 'linux/arm64']
const FINDINGS_PER_PLATFORM = 500

/** `count` image indexes, each of two platforms with the same findings. */
function indexes(count) {
  const findings = basicFindings(FINDINGS_PER_PLATFORM)
  return Array.from({ length: count }, (_, index) => ({
    repository: `bench/svc-${String(index).padStart(2, '0')}`,
    digest: `sha256:${index.toString(16).padStart(2, '0').repeat(32)}`,
    tags: ['bench'],
    attestations: true,
    platforms: PLATFORMS.map(platform => ({
      platform,
      scan: { statuses: ['COMPLETE'], findings }
    }))
  }))
}

async function timedImages(bundle, count, nodeArgs, node) {
  const images = indexes(count)
  const ecr = await startFakeEcr({ images })
  try {
    const started = performance.now()
    // The bundle is given as the script; run-action's own BUNDLE argument is then only argv[2].
    const run = await runAction({
      endpoint: ecr.url,
      inputs: {
        images: images.map(image => `${image.repository}:bench`).join('\n'),
        'fail-on': 'NONE'
      },
      nodeArgs: [...nodeArgs, bundle.path],
      node
    })
    const ms = performance.now() - started
    const maxRssMb = Number(/maxrss_kb=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024
    await cleanUp(run)
    if (run.exitCode !== 0) throw new Error(`bench run failed:\n${run.stdout}`)
    return {
      ms,
      maxRssMb,
      counts: { ...ecr.counts },
      calls: ecr.calls.length,
      total: run.outputs.total
    }
  } finally {
    await ecr.close()
  }
}

/**
 * Table rows (`| figure | bundle | value | target |`) and the raw figures, for the results file.
 * `bundle` is `{ path, label }`: the action bundle to run (given as the script; run-action's own
 * BUNDLE argument is then only argv[2]); `node` the Node binary.
 */
export async function measureImages({ runs, nodeArgs, bundle, node }) {
  const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  const measure = async count => {
    const samples = []
    for (let index = 0; index < runs; index++)
      samples.push(await timedImages(bundle, count, nodeArgs, node))
    const last = samples.at(-1)
    return {
      ...last,
      ms: median(samples.map(sample => sample.ms)),
      maxRssMb: Math.max(...samples.map(sample => sample.maxRssMb))
    }
  }
  const single = await measure(1)
  const twenty = await measure(20)
  const byOperation = counts =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operation, n]) => `${operation} ${n}`)
      .join(', ')
  const describe = (name, r) =>
    `| ${name} (median of ${runs}) | ${bundle.label} | ${r.ms.toFixed(0)} ms wall, peak RSS ${r.maxRssMb.toFixed(0)} MiB, total=${r.total}; ${r.calls} ECR calls: ${byOperation(r.counts)} | — |`
  const perPlatform = `${PLATFORMS.length} platforms × ${FINDINGS_PER_PLATFORM} findings`
  return {
    rows: [
      describe(`1 image, ${perPlatform}`, single),
      describe(`20 images, ${perPlatform}, max-concurrency 5`, twenty),
      `| 20 images vs 1 image | ${bundle.label} | ${(twenty.ms / single.ms).toFixed(1)}× wall time | — |`
    ],
    figures: { single, twenty, bundle: bundle.label }
  }
}
