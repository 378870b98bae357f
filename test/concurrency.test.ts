/**
 * How much runs at once, proved by structure rather than by time: a scripted ScanSource holds
 * every call until the test releases it, one at a time, and counts what is in flight whenever
 * nothing else can move. And one ECR client per region, with the real SDK over HTTP.
 */
import { setImmediate as nextTurn } from 'node:timers/promises'
import { EcrScans } from '../src/aws/ecr.js'
import { readConfig } from '../src/config/inputs.js'
import type { IndexPlatforms, ScanSource } from '../src/core/ports.js'
import type { ImageResult } from '../src/core/results.js'
import { type RunSettings, runScan } from '../src/core/run.js'
import type { ScanPage } from '../src/core/wait-for-scan.js'
import { judgeImages, sourcesByRegion } from '../src/io/scan-request.js'
import type { ImageQuery, ImageRef, ImageTarget } from '../src/model/image.js'
import { IMAGE_INDEX_MEDIA_TYPES } from '../src/model/manifest.js'
import { startFakeEcr } from './support/fake-ecr.js'
import { useFakeAwsEnv } from './support/aws-env.js'

const REGION = 'us-east-1'
const OCI_INDEX = IMAGE_INDEX_MEDIA_TYPES[0]
const digest = (seed: string) => `sha256:${seed.repeat(64).slice(0, 64)}`

/** A call the source is holding, until the test lets it answer. */
interface Held {
  method: keyof ScanSource
  digest: string
  release(): void
}

const COMPLETE: ScanPage = {
  status: 'COMPLETE',
  hasResults: true,
  listed: true,
  completedAt: new Date('2024-08-12T09:34:00Z'),
  findings: [],
  enhancedFindings: [],
  enhanced: false
}

/**
 * Answers as ECR would for plain images (or, for repositories named in `indexes`, an image index
 * with those platforms), each with a completed basic scan and no findings; but every call waits
 * in `held` until released.
 */
class GatedSource implements ScanSource {
  readonly held: Held[] = []
  inFlight = 0
  maxInFlight = 0

  constructor(private readonly indexes: Record<string, string[]> = {}) {}

  private async gate<T>(method: keyof ScanSource, of: string, answer: T): Promise<T> {
    this.inFlight += 1
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      await new Promise<void>(release => this.held.push({ method, digest: of, release }))
      return answer
    } finally {
      this.inFlight -= 1
    }
  }

  resolveImage(query: ImageQuery): Promise<ImageRef> {
    const image: ImageRef = {
      repository: query.repository,
      digest: digest(query.repository.slice(-1)),
      tag: query.imageTag,
      region: REGION,
      ...(this.indexes[query.repository] ? { manifestMediaType: OCI_INDEX } : {})
    }
    return this.gate('resolveImage', image.digest, image)
  }

  platformImages(index: ImageRef): Promise<IndexPlatforms> {
    const platforms = this.indexes[index.repository] ?? []
    return this.gate('platformImages', index.digest, {
      images: platforms.map((platform, n) => ({
        platform,
        image: { repository: index.repository, digest: digest(String(n)), region: REGION }
      })),
      skipped: []
    })
  }

  describeScan(image: ImageRef): Promise<ScanPage | undefined> {
    return this.gate('describeScan', image.digest, COMPLETE)
  }

  // A completed scan on one page with no token: nothing else is ever asked.
  pagesAfter(): AsyncIterable<ScanPage> {
    throw new Error('pagesAfter: not expected')
  }
  startScan(): never {
    throw new Error('startScan: not expected')
  }
  scanningConfiguration(): never {
    throw new Error('scanningConfiguration: not expected')
  }
}

/** Lets every promise chain that can move, move: no timers run in these tests. */
async function quiesce() {
  for (let turn = 0; turn < 3; turn++) await nextTurn()
}

const SETTINGS: RunSettings = {
  timeoutMs: 600_000,
  settleIntervalMs: 0,
  startScan: false,
  backoff: { initialMs: 3000, maxMs: 15000, factor: 2 },
  rules: [],
  filters: { onlyFixable: false },
  thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false },
  onlyNew: false,
  concurrency: 1
}

const target = (repository: string): ImageTarget => ({
  reference: `${repository}:v1`,
  region: REGION,
  query: { repository, imageTag: 'v1' }
})

interface Driven {
  results: ImageResult[]
  /** The most images open (logFor called, not yet closed) at any moment. */
  maxImagesOpen: number
  /** Which images were open each time the run stood still, waiting on ECR. */
  openWhenStill: string[][]
  /** What the source held each time the run stood still. */
  heldWhenStill: { method: string; digest: string }[][]
}

/** Runs the targets, releasing the oldest held call each time the run stands still. */
async function drive(
  targets: ImageTarget[],
  concurrency: number,
  source: GatedSource
): Promise<Driven> {
  const open = new Set<string>()
  let maxImagesOpen = 0
  const openWhenStill: string[][] = []
  const heldWhenStill: Driven['heldWhenStill'] = []
  let finished = false
  const running = runScan(
    targets,
    { ...SETTINGS, concurrency },
    {
      sourceFor: () => source,
      clock: { now: () => 0, sleep: async () => undefined, random: () => 1 },
      logFor: image => {
        open.add(image.reference)
        maxImagesOpen = Math.max(maxImagesOpen, open.size)
        const ignore = () => undefined
        return {
          info: ignore,
          warning: ignore,
          notice: ignore,
          debug: ignore,
          close: () => open.delete(image.reference)
        }
      },
      explainError: error => String(error)
    }
  ).finally(() => {
    finished = true
  })
  for (;;) {
    await quiesce()
    if (finished) break
    openWhenStill.push([...open])
    heldWhenStill.push(source.held.map(({ method, digest: of }) => ({ method, digest: of })))
    const oldest = source.held.shift()
    if (!oldest) throw new Error('The run stands still with no call held: it cannot finish.')
    oldest.release()
  }
  return { results: await running, maxImagesOpen, openWhenStill, heldWhenStill }
}

describe('images judged at once (runScan, max-concurrency)', () => {
  const five = ['team/a', 'team/b', 'team/c', 'team/d', 'team/e'].map(target)

  it('with 5 images and concurrency 2, exactly 2 are in flight at a time, and every image is judged in order', async () => {
    const source = new GatedSource()
    const run = await drive(five, 2, source)
    expect(source.maxInFlight).toBe(2)
    expect(run.maxImagesOpen).toBe(2)
    // Two at a time until only one is left: the run never idles a free slot while images wait.
    expect(run.openWhenStill.map(images => images.length)).toEqual([
      ...Array.from({ length: run.openWhenStill.length - 2 }, () => 2),
      1,
      1
    ])
    expect(run.results.map(result => [result.target.reference, result.kind])).toEqual(
      five.map(image => [image.reference, 'judged'])
    )
  })

  it('with concurrency 1 the images are judged one after another, in the order given', async () => {
    const source = new GatedSource()
    const run = await drive(five, 1, source)
    expect(source.maxInFlight).toBe(1)
    expect(run.maxImagesOpen).toBe(1)
    // Each image is done (resolve, then its scan) before the next one starts.
    expect(run.heldWhenStill.flat().map(call => `${call.method} ${call.digest}`)).toEqual(
      ['a', 'b', 'c', 'd', 'e'].flatMap(seed => [
        `resolveImage ${digest(seed)}`,
        `describeScan ${digest(seed)}`
      ])
    )
    expect(run.results.map(result => result.kind)).toEqual(five.map(() => 'judged'))
  })

  it('with more room than images, every image is in flight at once', async () => {
    const three = five.slice(0, 3)
    const source = new GatedSource()
    const run = await drive(three, 10, source)
    expect(source.maxInFlight).toBe(3)
    expect(run.openWhenStill[0]).toEqual(three.map(image => image.reference))
    expect(run.results.map(result => result.kind)).toEqual(['judged', 'judged', 'judged'])
  })
})

describe("an image index's platforms (scanImage)", () => {
  it('are waited on together, even with concurrency 1', async () => {
    const platforms = ['linux/amd64', 'linux/arm64', 'linux/s390x']
    const source = new GatedSource({ 'team/index': platforms })
    const run = await drive([target('team/index')], 1, source)
    const scansHeld = run.heldWhenStill.map(
      held => held.filter(call => call.method === 'describeScan').length
    )
    expect(Math.max(...scansHeld)).toBe(3)
    // All three scans were held at the same moment, one per platform digest.
    const together = run.heldWhenStill.find(held => held.length === 3)
    expect(together?.map(call => call.digest).sort()).toEqual(
      platforms.map((_, n) => digest(String(n))).sort()
    )
    expect(source.maxInFlight).toBe(3)
    const [result] = run.results
    expect(result?.kind).toBe('judged')
    expect(result?.platforms.map(platform => platform.platform)).toEqual(platforms)
  })
})

describe('one ECR source per region (sourcesByRegion)', () => {
  it('makes one source per region, shared by every image in it', async () => {
    const made: string[] = []
    const sourceFor = await sourcesByRegion(region => {
      made.push(region)
      return new GatedSource()
    })
    const east = sourceFor('us-east-1')
    const west = sourceFor('eu-west-1')
    expect(sourceFor('us-east-1')).toBe(east)
    expect(sourceFor('eu-west-1')).toBe(west)
    expect(west).not.toBe(east)
    expect(made).toEqual(['us-east-1', 'eu-west-1'])
  })

  it('without a factory, makes one AWS SDK client per region', async () => {
    const sourceFor = await sourcesByRegion()
    const east = sourceFor('us-east-1')
    expect(east).toBeInstanceOf(EcrScans)
    expect(sourceFor('us-east-1')).toBe(east)
    expect(sourceFor('eu-west-1')).not.toBe(east)
  })

  describe('end to end over HTTP, five images in two regions', () => {
    useFakeAwsEnv()

    it('makes exactly one client for each region, and each serves only its own images', async () => {
      const images = [
        { repository: 'team/a', region: 'us-east-1' },
        { repository: 'team/b', region: 'us-east-1' },
        { repository: 'team/c', region: 'us-east-1' },
        { repository: 'team/d', region: 'eu-west-1' },
        { repository: 'team/e', region: 'eu-west-1' }
      ]
      const ecr = await startFakeEcr({
        images: images.map(({ repository, region }) => ({
          repository,
          region,
          digest: digest(repository.slice(-1)),
          tags: ['v1'],
          scan: { statuses: ['COMPLETE'], findings: [] }
        }))
      })
      process.env.AWS_ENDPOINT_URL_ECR = ecr.url
      const made: string[] = []
      /** Which source (by the order it was made) read which repository. */
      const servedBy = new Map<string, Set<number>>()
      try {
        const config = readConfig(
          name =>
            ({
              images: images
                .map(({ repository, region }) =>
                  region === 'us-east-1'
                    ? `${repository}:v1`
                    : `123456789012.dkr.ecr.${region}.amazonaws.com/${repository}:v1`
                )
                .join('\n'),
              'max-concurrency': '5'
            })[name] ?? '',
          { AWS_REGION: 'us-east-1' }
        )
        const ignore = () => undefined
        const run = await judgeImages(config, [], {
          clock: { now: () => 0, sleep: async () => undefined, random: () => 1 },
          backoff: { initialMs: 3000, maxMs: 15000, factor: 2 },
          logFor: () => ({
            info: ignore,
            warning: ignore,
            notice: ignore,
            debug: ignore,
            close: ignore
          }),
          sourceFor: region => {
            const id = made.push(region) - 1
            const source = EcrScans.create(region)
            const resolveImage = source.resolveImage.bind(source)
            source.resolveImage = (query, signal) => {
              const ids = servedBy.get(query.repository) ?? new Set()
              servedBy.set(query.repository, ids.add(id))
              return resolveImage(query, signal)
            }
            return source
          }
        })
        expect(run.images.map(image => image.kind)).toEqual(images.map(() => 'judged'))
        expect([...made].sort()).toEqual(['eu-west-1', 'us-east-1'])
        const sourceOf = (region: string) => made.indexOf(region)
        for (const { repository, region } of images)
          expect([repository, [...(servedBy.get(repository) ?? [])]]).toEqual([
            repository,
            [sourceOf(region)]
          ])
        // Every request went out signed for its image's own region.
        const regionOf = new Map(images.map(image => [digest(image.repository.slice(-1)), image]))
        expect(ecr.calls.length).toBeGreaterThanOrEqual(10)
        for (const call of ecr.calls)
          expect(call.region).toBe(regionOf.get(call.imageDigest ?? '')?.region)
      } finally {
        await ecr.close()
      }
    })
  })
})
