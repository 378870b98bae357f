// Several images against the local ECR emulator: 20 image indexes of two platforms each next to a
// single index with the same findings per platform. Used by bench/run.js; reports, never asserts.
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { startFakeEcr } from '../test/support/fake-ecr.js'
import { basicFindings } from '../test/support/findings-factory.js'
import { BUNDLE, cleanUp, runAction } from '../test/support/run-action.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const PLATFORMS = ['linux/amd64', 'linux/arm64']
const FINDINGS_PER_PLATFORM = 500

/**
 * The bundle to run: the committed one when it knows the `images` input, else the sources built
 * into a temporary directory (the committed bundle may lag the sources; it is never rebuilt here).
 */
async function bundleWithImages() {
  if ((await readFile(BUNDLE, 'utf8')).includes('max-concurrency'))
    return { path: BUNDLE, label: 'dist/index.js', dispose: async () => {} }
  const out = await mkdtemp(join(tmpdir(), 'bench-bundle-'))
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js'),
      'build',
      'src/index.ts',
      '--out',
      out,
      '-q'
    ],
    { cwd: ROOT, stdio: 'ignore' }
  )
  return {
    path: join(out, 'index.js'),
    label: 'src built with ncc (dist/index.js predates `images`)',
    dispose: () => rm(out, { recursive: true, force: true })
  }
}

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

async function timedImages(bundle, count, nodeArgs) {
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
      nodeArgs: [...nodeArgs, bundle.path]
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

/** Table rows (`| figure | value |`) and the raw figures, for the results file. */
export async function measureImages({ runs, nodeArgs }) {
  const bundle = await bundleWithImages()
  try {
    const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
    const measure = async count => {
      const samples = []
      for (let index = 0; index < runs; index++)
        samples.push(await timedImages(bundle, count, nodeArgs))
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
      `| ${name} (median of ${runs}) | ${r.ms.toFixed(0)} ms, peak RSS ${r.maxRssMb.toFixed(0)} MiB, total=${r.total}; ${r.calls} ECR calls: ${byOperation(r.counts)} |`
    const perPlatform = `${PLATFORMS.length} platforms × ${FINDINGS_PER_PLATFORM} findings`
    return {
      rows: [
        describe(`1 image, ${perPlatform}`, single),
        describe(`20 images, ${perPlatform}, max-concurrency 5`, twenty),
        `| 20 images vs 1 image | ${(twenty.ms / single.ms).toFixed(1)}× wall time; bundle: ${bundle.label} |`
      ],
      figures: { single, twenty, bundle: bundle.label }
    }
  } finally {
    await bundle.dispose()
  }
}
