import { readFileSync } from 'node:fs'
import {
  BatchGetImageCommand,
  DescribeImageScanFindingsCommand,
  type DescribeImageScanFindingsCommandOutput,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  type ECRClientConfig,
  ECRServiceException,
  GetRegistryScanningConfigurationCommand,
  ImageNotFoundException,
  InvalidParameterException,
  LimitExceededException,
  RepositoryNotFoundException,
  ScanNotFoundException,
  ServerException,
  StartImageScanCommand,
  UnsupportedImageTypeException,
  ValidationException,
  paginateDescribeImageScanFindings
} from '@aws-sdk/client-ecr'
import { type FakeEcr, type FakeEcrScenario, startFakeEcr } from './support/fake-ecr.js'
import {
  HOSTILE_TEXT,
  basicFindings,
  enhancedFindings,
  hostileFinding
} from './support/findings-factory.js'

const DIGEST = 'sha256:0d3f5e8a7c6b4a29180f7e6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a29'
const OTHER_DIGEST = 'sha256:1e4a6f9b8d7c5b3a29180f7e6d5c4b3a291807f6e5d4c3b2a1908f7e6d5c4b3a2'
const REPOSITORY = 'team/service'

const sample = JSON.parse(
  readFileSync(new URL('./fixtures/sample-image.json', import.meta.url), 'utf8')
) as FakeEcrScenario

let fake: FakeEcr | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function connect(scenario: FakeEcrScenario): Promise<{ ecr: ECRClient; fake: FakeEcr }> {
  fake = await startFakeEcr(scenario)
  const ecr = new ECRClient({
    region: 'us-east-1',
    endpoint: fake.url,
    credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' },
    // One attempt, so the SDK's own retries never hide what the fake answered.
    maxAttempts: 1
  })
  return { ecr, fake }
}

/** Another client on the running fake, e.g. for another region or with the SDK's retries. */
function client(running: FakeEcr, config: Partial<ECRClientConfig> = {}): ECRClient {
  return new ECRClient({
    region: 'us-east-1',
    endpoint: running.url,
    credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake' },
    maxAttempts: 1,
    ...config
  })
}

function oneImage(scan: FakeEcrScenario['images'][number]['scan']): FakeEcrScenario {
  return { images: [{ repository: REPOSITORY, tags: ['v1'], digest: DIGEST, scan }] }
}

const byTag = { repositoryName: REPOSITORY, imageId: { imageTag: 'v1' } }

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the call to fail')
}

function countBySeverity(findings: { severity?: string }[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { severity = 'none' } of findings) counts[severity] = (counts[severity] ?? 0) + 1
  return counts
}

async function allPages(ecr: ECRClient, maxResults?: number) {
  const pages: DescribeImageScanFindingsCommandOutput[] = []
  const input = { repositoryName: REPOSITORY, imageId: { imageDigest: DIGEST }, maxResults }
  for await (const page of paginateDescribeImageScanFindings({ client: ecr }, input)) {
    pages.push(page)
  }
  return pages
}

describe('fake ECR: DescribeImages', () => {
  it('resolves a tag to the image digest with its push date, size and scan status', async () => {
    const { ecr } = await connect(oneImage({ findings: basicFindings(3) }))

    const { imageDetails } = await ecr.send(
      new DescribeImagesCommand({ repositoryName: REPOSITORY, imageIds: [{ imageTag: 'v1' }] })
    )

    expect(imageDetails).toHaveLength(1)
    expect(imageDetails?.[0]).toMatchObject({
      registryId: '123456789012',
      repositoryName: REPOSITORY,
      imageDigest: DIGEST,
      imageTags: ['v1'],
      imagePushedAt: new Date('2024-08-12T09:30:00Z'),
      imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      imageScanStatus: { status: 'COMPLETE' }
    })
    expect(imageDetails?.[0]?.imageSizeInBytes).toBeGreaterThan(0)
  })

  it('answers an unknown repository with RepositoryNotFoundException in AWS words', async () => {
    const { ecr } = await connect(oneImage({}))

    const error = await rejection(ecr.send(new DescribeImagesCommand({ repositoryName: 'nope' })))

    expect(error).toBeInstanceOf(RepositoryNotFoundException)
    expect(error.message).toBe(
      "The repository with name 'nope' does not exist in the registry with id '123456789012'"
    )
  })

  it('answers an unknown tag with ImageNotFoundException naming the image id', async () => {
    const { ecr } = await connect(oneImage({}))

    const error = await rejection(
      ecr.send(
        new DescribeImagesCommand({ repositoryName: REPOSITORY, imageIds: [{ imageTag: 'v9' }] })
      )
    )

    expect(error).toBeInstanceOf(ImageNotFoundException)
    expect(error.message).toBe(
      `The image with imageId {imageDigest:'null', imageTag:'v9'} does not exist within the ` +
        `repository with name '${REPOSITORY}' in the registry with id '123456789012'`
    )
  })

  it('treats another registry id as a repository that does not exist there', async () => {
    const { ecr } = await connect(oneImage({}))

    const error = await rejection(
      ecr.send(
        new DescribeImagesCommand({ repositoryName: REPOSITORY, registryId: '999999999999' })
      )
    )

    expect(error).toBeInstanceOf(RepositoryNotFoundException)
    expect(error.message).toContain("in the registry with id '999999999999'")
  })

  it('records each request with its operation, JSON body and AWS JSON 1.1 headers', async () => {
    const { ecr, fake } = await connect(oneImage({}))

    await ecr.send(
      new DescribeImagesCommand({ repositoryName: REPOSITORY, imageIds: [{ imageDigest: DIGEST }] })
    )

    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]).toMatchObject({
      operation: 'DescribeImages',
      body: { repositoryName: REPOSITORY, imageIds: [{ imageDigest: DIGEST }] },
      headers: {
        'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.DescribeImages',
        'content-type': 'application/x-amz-json-1.1'
      }
    })
  })
})

describe('fake ECR: DescribeImageScanFindings paging', () => {
  it('pages 2,500 basic findings by maxResults with opaque tokens and loses none', async () => {
    const findings = basicFindings(2500)
    const { ecr, fake } = await connect(oneImage({ findings }))

    const pages = await allPages(ecr, 1000)

    expect(pages.map(page => page.imageScanFindings?.findings?.length)).toEqual([1000, 1000, 500])
    expect(pages.flatMap(page => page.imageScanFindings?.findings ?? [])).toEqual(findings)
    const tokens = fake.requests.map(request => request.body.nextToken)
    expect(tokens[0]).toBeUndefined()
    expect(tokens.slice(1)).toEqual(pages.slice(0, 2).map(page => page.nextToken))
    for (const token of tokens.slice(1)) expect(token).not.toMatch(/^\d+$/)
    expect(pages[2]?.nextToken).toBeUndefined()
  })

  it('uses pages of 100 when maxResults is not given', async () => {
    const { ecr } = await connect(oneImage({ findings: basicFindings(250) }))

    const pages = await allPages(ecr)

    expect(pages.map(page => page.imageScanFindings?.findings?.length)).toEqual([100, 100, 50])
  })

  it('returns at most 100 enhanced findings a page whatever maxResults asks for', async () => {
    const findings = enhancedFindings(250)
    const { ecr } = await connect(oneImage({ type: 'enhanced', enhancedFindings: findings }))

    const pages = await allPages(ecr, 1000)

    expect(pages.map(page => page.imageScanFindings?.enhancedFindings?.length)).toEqual([
      100, 100, 50
    ])
    expect(pages[0]?.imageScanStatus?.status).toBe('ACTIVE')
    expect(pages[0]?.imageScanFindings?.findings).toBeUndefined()
    // Timestamps travel as epoch seconds and come back as the same Dates.
    expect(pages.flatMap(page => page.imageScanFindings?.enhancedFindings ?? [])).toEqual(findings)
  })

  it('rejects a token it never issued with InvalidParameterException', async () => {
    const { ecr } = await connect(oneImage({ findings: basicFindings(5) }))

    const error = await rejection(
      ecr.send(new DescribeImageScanFindingsCommand({ ...byTag, nextToken: 'MTAw' }))
    )

    expect(error).toBeInstanceOf(InvalidParameterException)
    expect(error.message).toContain("'nextToken'")
  })

  it('rejects a token issued for another image', async () => {
    const { ecr } = await connect({
      images: [
        {
          repository: REPOSITORY,
          tags: ['v1'],
          digest: DIGEST,
          scan: { findings: basicFindings(3) }
        },
        {
          repository: REPOSITORY,
          tags: ['v2'],
          digest: OTHER_DIGEST,
          scan: { findings: basicFindings(3) }
        }
      ]
    })
    const first = await ecr.send(new DescribeImageScanFindingsCommand({ ...byTag, maxResults: 1 }))

    const error = await rejection(
      ecr.send(
        new DescribeImageScanFindingsCommand({
          repositoryName: REPOSITORY,
          imageId: { imageTag: 'v2' },
          nextToken: first.nextToken
        })
      )
    )

    expect(first.nextToken).toBeDefined()
    expect(error).toBeInstanceOf(InvalidParameterException)
  })

  it('rejects maxResults outside 1..1000 with ValidationException', async () => {
    const { ecr } = await connect(oneImage({ findings: basicFindings(5) }))

    const error = await rejection(
      ecr.send(new DescribeImageScanFindingsCommand({ ...byTag, maxResults: 1001 }))
    )

    expect(error).toBeInstanceOf(ValidationException)
    expect(error.message).toBe(
      "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000"
    )
  })
})

describe('fake ECR: scan status and existence', () => {
  it('plays the scripted statuses in order, repeats the last, and shows findings only once complete', async () => {
    const { ecr } = await connect(sample)
    const [image] = sample.images
    const input = { repositoryName: 'demo/web-api', imageId: { imageTag: 'v1.4.2' } }

    const answers = []
    for (let call = 0; call < 4; call += 1) {
      answers.push(await ecr.send(new DescribeImageScanFindingsCommand(input)))
    }

    expect(answers.map(answer => answer.imageScanStatus?.status)).toEqual([
      'PENDING',
      'IN_PROGRESS',
      'COMPLETE',
      'COMPLETE'
    ])
    expect(answers[1]?.imageScanFindings).toBeUndefined()
    expect(answers[2]?.imageScanStatus?.description).toBe('The scan was completed successfully.')
    expect(answers[2]?.imageScanFindings?.findings).toHaveLength(
      image?.scan?.findings?.length ?? -1
    )
    expect(answers[2]?.imageScanFindings?.imageScanCompletedAt).toEqual(
      new Date('2024-09-16T14:01:37Z')
    )
    expect(answers[2]?.imageId).toEqual({ imageDigest: image?.digest, imageTag: 'v1.4.2' })
  })

  it('keeps the status of the first page while the caller follows its tokens', async () => {
    const { ecr } = await connect(
      oneImage({ statuses: ['COMPLETE', 'FAILED'], findings: basicFindings(3) })
    )

    const first = await ecr.send(new DescribeImageScanFindingsCommand({ ...byTag, maxResults: 2 }))
    const second = await ecr.send(
      new DescribeImageScanFindingsCommand({ ...byTag, maxResults: 2, nextToken: first.nextToken })
    )
    const nextPoll = await ecr.send(new DescribeImageScanFindingsCommand(byTag))

    expect(second.imageScanStatus?.status).toBe('COMPLETE')
    expect(second.imageScanFindings?.findings).toHaveLength(1)
    expect(nextPoll.imageScanStatus?.status).toBe('FAILED')
  })

  it('answers a failed scan with its description and no findings at all', async () => {
    const { ecr } = await connect(oneImage({ statuses: ['FAILED'], findings: basicFindings(3) }))

    const answer = await ecr.send(new DescribeImageScanFindingsCommand(byTag))

    expect(answer.imageScanStatus).toEqual({
      status: 'FAILED',
      description:
        'UnsupportedImageError: The operating system and/or package manager are not supported.'
    })
    expect(answer.imageScanFindings).toBeUndefined()
  })

  it('answers ScanNotFoundException for the first calls, then the scan appears', async () => {
    const { ecr } = await connect(oneImage({ scanNotFoundCalls: 2, findings: basicFindings(1) }))

    const errors = [
      await rejection(ecr.send(new DescribeImageScanFindingsCommand(byTag))),
      await rejection(ecr.send(new DescribeImageScanFindingsCommand(byTag)))
    ]
    const answer = await ecr.send(new DescribeImageScanFindingsCommand(byTag))

    for (const error of errors) {
      expect(error).toBeInstanceOf(ScanNotFoundException)
      expect(error.message).toBe(
        `Image scan does not exist for the image with '{imageDigest:'null', imageTag:'v1'}' ` +
          `in the repository with name '${REPOSITORY}' in the registry with id '123456789012'`
      )
    }
    expect(answer.imageScanStatus?.status).toBe('COMPLETE')
  })

  it('reports findingSeverityCounts as scripted, even when they contradict the findings', async () => {
    const findings = basicFindings(4, { severities: { CRITICAL: 4 } })
    const { ecr } = await connect(oneImage({ findings, severityCountsOverride: { LOW: 1 } }))

    const answer = await ecr.send(new DescribeImageScanFindingsCommand(byTag))

    expect(answer.imageScanFindings?.findingSeverityCounts).toEqual({ LOW: 1 })
    expect(answer.imageScanFindings?.findings?.map(finding => finding.severity)).toEqual([
      'CRITICAL',
      'CRITICAL',
      'CRITICAL',
      'CRITICAL'
    ])
  })

  it('counts findings by severity truthfully when not told otherwise', async () => {
    const findings = basicFindings(6, { severities: { HIGH: 2, LOW: 4 } })
    const { ecr } = await connect(oneImage({ findings }))

    const answer = await ecr.send(new DescribeImageScanFindingsCommand(byTag))

    expect(answer.imageScanFindings?.findingSeverityCounts).toEqual({ HIGH: 2, LOW: 4 })
  })
})

describe('fake ECR: StartImageScan', () => {
  it('starts a scan that did not exist, after which the scripted statuses play', async () => {
    const { ecr } = await connect(
      oneImage({ neverExists: true, statuses: ['IN_PROGRESS', 'COMPLETE'] })
    )
    const before = await rejection(ecr.send(new DescribeImageScanFindingsCommand(byTag)))

    const started = await ecr.send(new StartImageScanCommand(byTag))
    const statuses = [
      (await ecr.send(new DescribeImageScanFindingsCommand(byTag))).imageScanStatus?.status,
      (await ecr.send(new DescribeImageScanFindingsCommand(byTag))).imageScanStatus?.status
    ]

    expect(before).toBeInstanceOf(ScanNotFoundException)
    expect(started).toMatchObject({
      registryId: '123456789012',
      repositoryName: REPOSITORY,
      imageId: { imageDigest: DIGEST, imageTag: 'v1' },
      imageScanStatus: { status: 'IN_PROGRESS' }
    })
    expect(statuses).toEqual(['IN_PROGRESS', 'COMPLETE'])
  })

  it('refuses with LimitExceededException when the scan quota is used up', async () => {
    const { ecr } = await connect(oneImage({ startScan: 'limit-exceeded' }))

    const error = await rejection(ecr.send(new StartImageScanCommand(byTag)))

    expect(error).toBeInstanceOf(LimitExceededException)
    expect(error.message).toBe('The scan quota per image has been exceeded. Wait and try again.')
  })

  it('refuses with ValidationException on a registry using enhanced scanning', async () => {
    const { ecr } = await connect(oneImage({ type: 'enhanced', startScan: 'enhanced' }))

    const error = await rejection(ecr.send(new StartImageScanCommand(byTag)))

    expect(error).toBeInstanceOf(ValidationException)
    expect(error.message).toBe('This feature is disabled.')
  })
})

describe('fake ECR: injected faults', () => {
  it('throttles the first calls as scripted, then answers normally', async () => {
    const { ecr, fake } = await connect({
      ...oneImage({ findings: basicFindings(1) }),
      faults: [{ operation: 'DescribeImageScanFindings', times: 2, type: 'ThrottlingException' }]
    })

    const errors = [
      await rejection(ecr.send(new DescribeImageScanFindingsCommand(byTag))),
      await rejection(ecr.send(new DescribeImageScanFindingsCommand(byTag)))
    ]
    await ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY }))
    const answer = await ecr.send(new DescribeImageScanFindingsCommand(byTag))

    for (const error of errors) {
      expect(error).toBeInstanceOf(ECRServiceException)
      expect(error).toMatchObject({
        name: 'ThrottlingException',
        message: 'Rate exceeded',
        $metadata: { httpStatusCode: 400 }
      })
    }
    expect(answer.imageScanStatus?.status).toBe('COMPLETE')
    expect(fake.requests.map(request => request.operation)).toEqual([
      'DescribeImageScanFindings',
      'DescribeImageScanFindings',
      'DescribeImages',
      'DescribeImageScanFindings'
    ])
  })

  it('keeps failing with a permanent fault, whatever the operation', async () => {
    const { ecr } = await connect({
      ...oneImage({}),
      faults: [{ times: Infinity, type: 'UnrecognizedClientException' }]
    })

    const errors = [
      await rejection(ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY }))),
      await rejection(ecr.send(new StartImageScanCommand(byTag)))
    ]

    for (const error of errors) {
      expect(error).toMatchObject({
        name: 'UnrecognizedClientException',
        message: 'The security token included in the request is invalid.',
        $metadata: { httpStatusCode: 403 }
      })
    }
  })

  it('words AccessDeniedException after the operation that was refused', async () => {
    const { ecr } = await connect({
      ...oneImage({}),
      faults: [{ times: 1, type: 'AccessDeniedException' }]
    })

    const error = await rejection(ecr.send(new DescribeImageScanFindingsCommand(byTag)))

    expect(error.name).toBe('AccessDeniedException')
    expect(error.message).toContain('is not authorized to perform: ecr:DescribeImageScanFindings')
  })

  it('answers ServerException as a typed server fault with status 500', async () => {
    const { ecr } = await connect({
      ...oneImage({}),
      faults: [{ times: 1, type: 'ServerException', message: 'Something broke.' }]
    })

    const error = await rejection(
      ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY }))
    )

    expect(error).toBeInstanceOf(ServerException)
    expect(error).toMatchObject({
      message: 'Something broke.',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 }
    })
  })

  it('answers an unknown X-Amz-Target with UnknownOperationException', async () => {
    const { fake } = await connect(oneImage({}))

    const response = await fetch(fake.url, {
      method: 'POST',
      headers: {
        'x-amz-target': 'AmazonEC2ContainerRegistry_V20150921.DeleteRepository',
        'content-type': 'application/x-amz-json-1.1'
      },
      body: '{}'
    })

    expect(response.status).toBe(400)
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownOperationException')
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' })
  })
})

describe('fake ECR: image indexes', () => {
  const INDEX_DIGEST = `sha256:${'ab'.repeat(32)}`
  const AMD64 = `sha256:${'a1'.repeat(32)}`
  const ARM64 = `sha256:${'a2'.repeat(32)}`
  const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

  function multiPlatform(overrides: Partial<FakeEcrScenario['images'][number]> = {}) {
    return {
      images: [
        {
          repository: REPOSITORY,
          digest: INDEX_DIGEST,
          tags: ['v1'],
          platforms: [
            { platform: 'linux/amd64', digest: AMD64, scan: { findings: basicFindings(2) } },
            {
              platform: 'linux/arm64/v8',
              digest: ARM64,
              scan: { statuses: ['IN_PROGRESS', 'COMPLETE'], findings: basicFindings(5) }
            }
          ],
          attestations: true,
          ...overrides
        }
      ]
    } satisfies FakeEcrScenario
  }

  async function indexManifest(ecr: ECRClient) {
    const { images } = await ecr.send(
      new BatchGetImageCommand({ repositoryName: REPOSITORY, imageIds: [{ imageTag: 'v1' }] })
    )
    return JSON.parse(images?.[0]?.imageManifest ?? '{}') as {
      mediaType: string
      manifests: {
        mediaType: string
        digest: string
        size: number
        platform: { architecture: string; os: string; variant?: string }
        annotations?: Record<string, string>
      }[]
    }
  }

  it('describes the index by tag with the index media type and its tags, and no scan', async () => {
    const { ecr } = await connect(multiPlatform())

    const { imageDetails } = await ecr.send(
      new DescribeImagesCommand({ repositoryName: REPOSITORY, imageIds: [{ imageTag: 'v1' }] })
    )

    expect(imageDetails).toEqual([
      expect.objectContaining({
        imageDigest: INDEX_DIGEST,
        imageTags: ['v1'],
        imageManifestMediaType: OCI_INDEX
      })
    ])
    expect(imageDetails?.[0]?.imageScanStatus).toBeUndefined()
    expect(imageDetails?.[0]?.imageScanFindingsSummary).toBeUndefined()
  })

  it('lists the platform images and attestation manifests untagged in the repository', async () => {
    const { ecr } = await connect(multiPlatform())

    const { imageDetails = [] } = await ecr.send(
      new DescribeImagesCommand({ repositoryName: REPOSITORY })
    )

    expect(imageDetails).toHaveLength(5)
    const children = imageDetails.filter(detail => detail.imageDigest !== INDEX_DIGEST)
    for (const child of children) {
      expect(child.imageTags).toBeUndefined()
      expect(child.imageManifestMediaType).toBe('application/vnd.oci.image.manifest.v1+json')
    }
    expect(children.map(child => child.imageDigest)).toEqual(expect.arrayContaining([AMD64, ARM64]))
  })

  it('returns the index manifest as buildx pushes it: platforms, then attestations', async () => {
    const { ecr } = await connect(multiPlatform())

    const manifest = await indexManifest(ecr)

    expect(manifest.mediaType).toBe(OCI_INDEX)
    expect(manifest.manifests.map(entry => entry.platform)).toEqual([
      { architecture: 'amd64', os: 'linux' },
      { architecture: 'arm64', os: 'linux', variant: 'v8' },
      { architecture: 'unknown', os: 'unknown' },
      { architecture: 'unknown', os: 'unknown' }
    ])
    expect(manifest.manifests.slice(0, 2).map(entry => entry.digest)).toEqual([AMD64, ARM64])
    expect(manifest.manifests.slice(2).map(entry => entry.annotations)).toEqual([
      {
        'vnd.docker.reference.digest': AMD64,
        'vnd.docker.reference.type': 'attestation-manifest'
      },
      {
        'vnd.docker.reference.digest': ARM64,
        'vnd.docker.reference.type': 'attestation-manifest'
      }
    ])
    for (const entry of manifest.manifests) {
      expect(entry.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(entry.size).toBeGreaterThan(0)
    }
  })

  it('makes a Docker manifest list of Docker v2 manifests when asked', async () => {
    const { ecr } = await connect(
      multiPlatform({
        manifestMediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
        attestations: false
      })
    )

    const manifest = await indexManifest(ecr)

    expect(manifest.mediaType).toBe('application/vnd.docker.distribution.manifest.list.v2+json')
    expect(manifest.manifests.map(entry => entry.mediaType)).toEqual([
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.docker.distribution.manifest.v2+json'
    ])
  })

  it('scans each platform image by digest with its own status script and findings', async () => {
    const { ecr } = await connect(multiPlatform())
    const byDigest = (imageDigest: string) =>
      new DescribeImageScanFindingsCommand({ repositoryName: REPOSITORY, imageId: { imageDigest } })

    const amd64 = await ecr.send(byDigest(AMD64))
    const arm64 = [await ecr.send(byDigest(ARM64)), await ecr.send(byDigest(ARM64))]

    expect(amd64.imageScanStatus?.status).toBe('COMPLETE')
    expect(amd64.imageScanFindings?.findings).toHaveLength(2)
    expect(arm64.map(answer => answer.imageScanStatus?.status)).toEqual(['IN_PROGRESS', 'COMPLETE'])
    expect(arm64[1]?.imageScanFindings?.findings).toHaveLength(5)
  })

  it('has no scan on the index or an attestation, and records every attempt', async () => {
    const { ecr, fake } = await connect(multiPlatform())
    const manifest = await indexManifest(ecr)
    const attestation = manifest.manifests[2]?.digest ?? ''

    const errors = [
      await rejection(ecr.send(new DescribeImageScanFindingsCommand(byTag))),
      await rejection(
        ecr.send(
          new DescribeImageScanFindingsCommand({
            repositoryName: REPOSITORY,
            imageId: { imageDigest: attestation }
          })
        )
      ),
      await rejection(ecr.send(new StartImageScanCommand(byTag))),
      await rejection(
        ecr.send(
          new StartImageScanCommand({
            repositoryName: REPOSITORY,
            imageId: { imageDigest: attestation }
          })
        )
      )
    ]

    expect(errors[0]).toBeInstanceOf(ScanNotFoundException)
    expect(errors[1]).toBeInstanceOf(ScanNotFoundException)
    expect(errors[2]).toBeInstanceOf(UnsupportedImageTypeException)
    expect(errors[3]).toBeInstanceOf(UnsupportedImageTypeException)
    expect(errors[2]?.message).toBe('The image is of a type that cannot be scanned.')
    const scanCalls = fake.calls.filter(call => call.operation !== 'BatchGetImage')
    expect(
      scanCalls.map(call => [call.operation, call.imageDigest, call.imageKind, call.status])
    ).toEqual([
      ['DescribeImageScanFindings', INDEX_DIGEST, 'index', 400],
      ['DescribeImageScanFindings', attestation, 'attestation', 400],
      ['StartImageScan', INDEX_DIGEST, 'index', 400],
      ['StartImageScan', attestation, 'attestation', 400]
    ])
  })

  it('refuses a scan given to the index itself', async () => {
    await expect(
      startFakeEcr(multiPlatform({ scan: { findings: [] } }) as FakeEcrScenario)
    ).rejects.toThrow(TypeError)
  })
})

describe('fake ECR: BatchGetImage', () => {
  const INDEX_DIGEST = `sha256:${'cd'.repeat(32)}`
  const scenario: FakeEcrScenario = {
    images: [
      { repository: REPOSITORY, digest: DIGEST, tags: ['single'] },
      {
        repository: REPOSITORY,
        digest: INDEX_DIGEST,
        tags: ['multi'],
        platforms: [{ platform: 'linux/amd64' }]
      }
    ]
  }

  it('returns images and failures side by side, echoing the tag asked for', async () => {
    const { ecr } = await connect(scenario)

    const answer = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: REPOSITORY,
        imageIds: [{ imageTag: 'single' }, { imageTag: 'gone' }]
      })
    )

    expect(answer.images).toEqual([
      {
        registryId: '123456789012',
        repositoryName: REPOSITORY,
        imageId: { imageDigest: DIGEST, imageTag: 'single' },
        imageManifest: expect.stringContaining('"schemaVersion":2'),
        imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json'
      }
    ])
    expect(answer.failures).toEqual([
      {
        imageId: { imageTag: 'gone' },
        failureCode: 'ImageNotFound',
        failureReason: 'Requested image not found'
      }
    ])
  })

  it('fails an image whose media type is not accepted, and serves it when it is', async () => {
    const { ecr } = await connect(scenario)
    const ask = (acceptedMediaTypes: string[]) =>
      ecr.send(
        new BatchGetImageCommand({
          repositoryName: REPOSITORY,
          imageIds: [{ imageTag: 'multi' }],
          acceptedMediaTypes
        })
      )

    const refused = await ask(['application/vnd.oci.image.manifest.v1+json'])
    const served = await ask(['application/vnd.oci.image.index.v1+json'])

    expect(refused.images).toEqual([])
    expect(refused.failures).toEqual([
      {
        imageId: { imageTag: 'multi' },
        failureCode: 'UnsupportedImageType',
        failureReason: expect.stringContaining('application/vnd.oci.image.index.v1+json')
      }
    ])
    expect(served.images?.[0]?.imageManifestMediaType).toBe(
      'application/vnd.oci.image.index.v1+json'
    )
  })

  it('uses the scripted failure code for an unaccepted media type', async () => {
    const { ecr } = await connect({
      ...scenario,
      unacceptedMediaTypeFailure: { failureCode: 'ImageNotFound', failureReason: 'nope' }
    })

    const answer = await ecr.send(
      new BatchGetImageCommand({
        repositoryName: REPOSITORY,
        imageIds: [{ imageDigest: INDEX_DIGEST }],
        acceptedMediaTypes: ['application/vnd.docker.distribution.manifest.v2+json']
      })
    )

    expect(answer.failures?.[0]).toMatchObject({
      failureCode: 'ImageNotFound',
      failureReason: 'nope'
    })
  })

  it('answers an unknown repository with RepositoryNotFoundException', async () => {
    const { ecr } = await connect(scenario)

    const error = await rejection(
      ecr.send(new BatchGetImageCommand({ repositoryName: 'nope', imageIds: [{ imageTag: 'x' }] }))
    )

    expect(error).toBeInstanceOf(RepositoryNotFoundException)
  })
})

describe('fake ECR: scanning configuration', () => {
  it('answers GetRegistryScanningConfiguration with the scripted configuration', async () => {
    const scanningConfiguration = {
      scanType: 'ENHANCED' as const,
      rules: [
        {
          scanFrequency: 'CONTINUOUS_SCAN' as const,
          repositoryFilters: [{ filter: 'prod-*', filterType: 'WILDCARD' as const }]
        }
      ]
    }
    const { ecr } = await connect({ ...oneImage({}), scanningConfiguration })

    const answer = await ecr.send(new GetRegistryScanningConfigurationCommand({}))

    expect(answer).toMatchObject({ registryId: '123456789012', scanningConfiguration })
  })

  it('defaults to basic scanning with no rules', async () => {
    const { ecr } = await connect(oneImage({}))

    const answer = await ecr.send(new GetRegistryScanningConfigurationCommand({}))

    expect(answer.scanningConfiguration).toEqual({ scanType: 'BASIC', rules: [] })
  })

  it('describes repositories with their scan-on-push setting, declared or implied', async () => {
    const { ecr } = await connect({
      ...oneImage({}),
      repositories: [{ name: 'team/empty', scanOnPush: true, imageTagMutability: 'IMMUTABLE' }]
    })

    const named = await ecr.send(
      new DescribeRepositoriesCommand({ repositoryNames: ['team/empty'] })
    )
    const all = await ecr.send(new DescribeRepositoriesCommand({}))

    expect(named.repositories).toEqual([
      {
        repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/team/empty',
        registryId: '123456789012',
        repositoryName: 'team/empty',
        repositoryUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/empty',
        createdAt: new Date('2023-01-09T08:00:00Z'),
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'AES256' }
      }
    ])
    expect(
      all.repositories?.map(repo => [repo.repositoryName, repo.imageScanningConfiguration])
    ).toEqual([
      ['team/empty', { scanOnPush: true }],
      [REPOSITORY, { scanOnPush: false }]
    ])
  })

  it('answers a repository name it does not know with RepositoryNotFoundException', async () => {
    const { ecr } = await connect(oneImage({}))

    const error = await rejection(
      ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [REPOSITORY, 'nope'] }))
    )

    expect(error).toBeInstanceOf(RepositoryNotFoundException)
    expect(error.message).toContain("'nope'")
  })

  it('denies the operations it is told to with AccessDeniedException', async () => {
    const { ecr } = await connect({
      ...oneImage({}),
      denied: ['GetRegistryScanningConfiguration', 'DescribeRepositories']
    })

    const errors = [
      await rejection(ecr.send(new GetRegistryScanningConfigurationCommand({}))),
      await rejection(ecr.send(new DescribeRepositoriesCommand({})))
    ]
    const allowed = await ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY }))

    expect(errors[0]).toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining(
        'not authorized to perform: ecr:GetRegistryScanningConfiguration'
      ),
      $metadata: { httpStatusCode: 403 }
    })
    expect(errors[1]?.message).toContain('ecr:DescribeRepositories')
    expect(allowed.imageDetails).toHaveLength(1)
  })
})

describe('fake ECR: hostile DescribeImageScanFindings answers', () => {
  it('answers a settled status without results for the first calls (aws/aws-sdk#289)', async () => {
    const { ecr } = await connect(oneImage({ noResultsCalls: 2, findings: basicFindings(3) }))

    const answers = []
    for (let call = 0; call < 3; call += 1) {
      answers.push(await ecr.send(new DescribeImageScanFindingsCommand(byTag)))
    }

    for (const early of answers.slice(0, 2)) {
      expect(early.imageScanStatus?.status).toBe('COMPLETE')
      expect(early.imageScanFindings).toEqual({ findings: [] })
      expect(early.nextToken).toBeUndefined()
    }
    expect(answers[2]?.imageScanFindings?.imageScanCompletedAt).toBeInstanceOf(Date)
    expect(answers[2]?.imageScanFindings?.findings).toHaveLength(3)
  })

  it('answers ACTIVE with imageScanFindings present but empty', async () => {
    const { ecr } = await connect(
      oneImage({ type: 'enhanced', emptyObjectCalls: 1, enhancedFindings: enhancedFindings(2) })
    )

    const first = await ecr.send(new DescribeImageScanFindingsCommand(byTag))
    const second = await ecr.send(new DescribeImageScanFindingsCommand(byTag))

    expect(first.imageScanStatus?.status).toBe('ACTIVE')
    expect(first.imageScanFindings).toEqual({})
    expect(second.imageScanFindings?.enhancedFindings).toHaveLength(2)
  })

  it('serves findings that grow between reads, each read paged from its own list', async () => {
    const findings = basicFindings(6)
    const { ecr } = await connect(
      oneImage({ findingsByRead: [findings.slice(0, 1), findings.slice(0, 3), findings] })
    )

    const reads = []
    for (let read = 0; read < 4; read += 1) {
      const pages = await allPages(ecr, 2)
      reads.push(pages.flatMap(page => page.imageScanFindings?.findings ?? []))
    }

    expect(reads.map(read => read.length)).toEqual([1, 3, 6, 6])
    expect(reads[3]).toEqual(findings)
  })

  it('answers a page without any findings list, still handing on its token', async () => {
    const { ecr } = await connect(oneImage({ pagesWithoutList: [1], findings: basicFindings(5) }))

    const pages = await allPages(ecr, 2)

    expect(pages.map(page => page.imageScanFindings?.findings?.length)).toEqual([2, undefined, 1])
    expect(pages[1]?.imageScanFindings?.findingSeverityCounts).toBeDefined()
    expect(pages[1]?.nextToken).toBeDefined()
  })

  it('answers a later page with IN_PROGRESS and nothing else', async () => {
    const { ecr } = await connect(oneImage({ inProgressPages: [1], findings: basicFindings(5) }))

    const pages = await allPages(ecr, 2)

    expect(pages).toHaveLength(2)
    expect(pages[1]?.imageScanStatus).toEqual({ status: 'IN_PROGRESS' })
    expect(pages[1]?.imageScanFindings).toBeUndefined()
    expect(pages[1]?.nextToken).toBeUndefined()
  })

  it('hands back the same nextToken forever once the findings run out', async () => {
    const { ecr } = await connect(oneImage({ repeatNextToken: true, findings: basicFindings(3) }))

    const answers = [
      await ecr.send(new DescribeImageScanFindingsCommand({ ...byTag, maxResults: 2 }))
    ]
    for (let call = 0; call < 4; call += 1) {
      const nextToken = answers[answers.length - 1]?.nextToken
      answers.push(
        await ecr.send(new DescribeImageScanFindingsCommand({ ...byTag, maxResults: 2, nextToken }))
      )
    }

    expect(answers.map(answer => answer.imageScanFindings?.findings?.length)).toEqual([
      2, 1, 0, 0, 0
    ])
    const tokens = answers.map(answer => answer.nextToken)
    expect(tokens.every(token => typeof token === 'string')).toBe(true)
    expect(new Set(tokens.slice(1)).size).toBe(1)
  })

  it('reports the scripted severity counts on every page', async () => {
    const { ecr } = await connect(
      oneImage({ findings: basicFindings(5), severityCountsOverride: { CRITICAL: 40 } })
    )

    const pages = await allPages(ecr, 2)

    expect(pages.map(page => page.imageScanFindings?.findingSeverityCounts)).toEqual([
      { CRITICAL: 40 },
      { CRITICAL: 40 },
      { CRITICAL: 40 }
    ])
  })
})

describe('fake ECR: stalls', () => {
  it('accepts a request and never answers it, then answers the next', async () => {
    const { fake } = await connect({
      ...oneImage({}),
      stalls: [{ operation: 'DescribeImages', times: 1 }]
    })
    const ecr = client(fake, {
      requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true }
    })

    const error = await rejection(
      ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY }))
    )
    const answer = await ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY }))

    expect(error.name).toBe('TimeoutError')
    expect(answer.imageDetails).toHaveLength(1)
    expect(fake.calls.map(call => call.status)).toEqual([undefined, 200])
  })

  it('answers after the scripted delay', async () => {
    const { ecr, fake } = await connect({
      ...oneImage({ findings: basicFindings(1) }),
      stalls: [{ operation: 'DescribeImageScanFindings', times: 1, delayMs: 300 }]
    })
    const started = Date.now()

    const answer = await ecr.send(new DescribeImageScanFindingsCommand(byTag))

    expect(Date.now() - started).toBeGreaterThanOrEqual(300)
    expect(answer.imageScanFindings?.findings).toHaveLength(1)
    expect(fake.calls[0]?.status).toBe(200)
  })

  it('sends the headers and half the body, then hangs', async () => {
    const { fake } = await connect({ ...oneImage({}), stalls: [{ times: 1, after: 'headers' }] })
    const ecr = client(fake, { requestHandler: { requestTimeout: 1000, socketTimeout: 200 } })

    const error = await rejection(
      ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY }))
    )

    expect(error.name).toMatch(/Timeout/)
    expect(fake.calls[0]?.status).toBe(200)
  })
})

describe('fake ECR: throttling', () => {
  it('throttles the first calls of each operation', async () => {
    const { ecr, fake } = await connect({ ...oneImage({}), throttle: { first: 2 } })

    const errors = [
      await rejection(ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY }))),
      await rejection(ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY })))
    ]
    const answer = await ecr.send(new DescribeImagesCommand({ repositoryName: REPOSITORY }))
    const otherOperation = await rejection(ecr.send(new StartImageScanCommand(byTag)))

    for (const error of [...errors, otherOperation]) {
      expect(error).toMatchObject({
        name: 'ThrottlingException',
        message: 'Rate exceeded',
        $metadata: { httpStatusCode: 400 }
      })
    }
    expect(answer.imageDetails).toHaveLength(1)
    expect(fake.counts).toEqual({ DescribeImages: 3, StartImageScan: 1 })
  })

  it("lets the SDK's retries read every image when every third call is throttled", async () => {
    const digests = Array.from({ length: 10 }, (_, index) => `sha256:${String(index).repeat(64)}`)
    const { fake } = await connect({
      images: digests.map(digest => ({
        repository: REPOSITORY,
        digest,
        scan: { findings: basicFindings(3) }
      })),
      throttle: { operations: ['DescribeImageScanFindings'], every: 3 }
    })
    const ecr = client(fake, { maxAttempts: 3 })

    const totals = []
    for (const imageDigest of digests) {
      const answer = await ecr.send(
        new DescribeImageScanFindingsCommand({
          repositoryName: REPOSITORY,
          imageId: { imageDigest }
        })
      )
      totals.push(answer.imageScanFindings?.findings?.length)
    }

    expect(totals).toEqual(digests.map(() => 3))
    const throttled = fake.calls.filter(call => call.errorType === 'ThrottlingException')
    expect(throttled.length).toBeGreaterThanOrEqual(3)
    expect(fake.counts.DescribeImageScanFindings).toBe(10 + throttled.length)
  }, 20_000)
})

describe('fake ECR: regions', () => {
  const EU_DIGEST = OTHER_DIGEST
  const scenario: FakeEcrScenario = {
    images: [
      { repository: REPOSITORY, digest: DIGEST, tags: ['v1'], region: 'us-east-1' },
      { repository: REPOSITORY, digest: EU_DIGEST, tags: ['v1'], region: 'eu-west-1' },
      { repository: 'shared/base', digest: DIGEST, tags: ['base'] }
    ]
  }

  it('keeps images per region, read from the SigV4 credential scope, on one endpoint', async () => {
    const { ecr: us, fake } = await connect(scenario)
    const eu = client(fake, { region: 'eu-west-1' })
    const describe = (ecr: ECRClient, repositoryName: string) =>
      ecr.send(new DescribeImagesCommand({ repositoryName }))

    const inUs = await describe(us, REPOSITORY)
    const inEu = await describe(eu, REPOSITORY)
    const sharedInEu = await describe(eu, 'shared/base')
    const nowhere = await rejection(describe(client(fake, { region: 'ap-south-1' }), REPOSITORY))

    expect(inUs.imageDetails?.map(detail => detail.imageDigest)).toEqual([DIGEST])
    expect(inEu.imageDetails?.map(detail => detail.imageDigest)).toEqual([EU_DIGEST])
    expect(sharedInEu.imageDetails).toHaveLength(1)
    expect(nowhere).toBeInstanceOf(RepositoryNotFoundException)
    expect(fake.calls.map(call => call.region)).toEqual([
      'us-east-1',
      'eu-west-1',
      'eu-west-1',
      'ap-south-1'
    ])
    expect(fake.requests[1]?.region).toBe('eu-west-1')
  })

  it('plays each region its own status script', async () => {
    const { ecr: us, fake } = await connect({
      images: [
        {
          repository: REPOSITORY,
          digest: DIGEST,
          tags: ['v1'],
          region: 'us-east-1',
          scan: { statuses: ['IN_PROGRESS', 'COMPLETE'] }
        },
        { repository: REPOSITORY, digest: DIGEST, tags: ['v1'], region: 'eu-west-1', scan: {} }
      ]
    })
    const eu = client(fake, { region: 'eu-west-1' })

    const first = await us.send(new DescribeImageScanFindingsCommand(byTag))
    const inEu = await eu.send(new DescribeImageScanFindingsCommand(byTag))
    const second = await us.send(new DescribeImageScanFindingsCommand(byTag))

    expect([first, inEu, second].map(answer => answer.imageScanStatus?.status)).toEqual([
      'IN_PROGRESS',
      'COMPLETE',
      'COMPLETE'
    ])
  })

  it('names the region in repository URIs', async () => {
    const { fake } = await connect(scenario)

    const { repositories } = await client(fake, { region: 'eu-west-1' }).send(
      new DescribeRepositoriesCommand({ repositoryNames: [REPOSITORY] })
    )

    expect(repositories?.[0]?.repositoryUri).toBe(
      `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${REPOSITORY}`
    )
  })
})

describe('fake ECR: call log', () => {
  it('logs operation, resolved digest, region, time and status, and counts per operation', async () => {
    const { ecr, fake } = await connect(oneImage({ findings: basicFindings(1) }))
    const before = Date.now()

    await ecr.send(
      new DescribeImagesCommand({ repositoryName: REPOSITORY, imageIds: [{ imageTag: 'v1' }] })
    )
    await ecr.send(new DescribeImageScanFindingsCommand(byTag))
    await rejection(
      ecr.send(
        new DescribeImageScanFindingsCommand({
          repositoryName: REPOSITORY,
          imageId: { imageDigest: OTHER_DIGEST }
        })
      )
    )

    expect(fake.calls).toEqual([
      expect.objectContaining({ operation: 'DescribeImages', imageDigest: DIGEST, status: 200 }),
      expect.objectContaining({ operation: 'DescribeImageScanFindings', imageDigest: DIGEST }),
      expect.objectContaining({
        operation: 'DescribeImageScanFindings',
        imageDigest: OTHER_DIGEST,
        status: 400,
        errorType: 'ImageNotFoundException'
      })
    ])
    for (const call of fake.calls) {
      expect(call.region).toBe('us-east-1')
      expect(call.at).toBeGreaterThanOrEqual(before)
      expect(call.at).toBeLessThanOrEqual(Date.now())
    }
    expect(fake.counts).toEqual({ DescribeImages: 1, DescribeImageScanFindings: 2 })
  })
})

describe('findings factory', () => {
  it('gives the same findings for the same seed and different ones for another', () => {
    expect(basicFindings(50, { seed: 7 })).toEqual(basicFindings(50, { seed: 7 }))
    expect(enhancedFindings(50, { seed: 7 })).toEqual(enhancedFindings(50, { seed: 7 }))
    expect(basicFindings(50, { seed: 7 })).not.toEqual(basicFindings(50, { seed: 8 }))
  })

  it('gives exactly the requested severities when they make up the whole count', () => {
    const findings = basicFindings(13, { severities: { CRITICAL: 3, HIGH: 10 } })

    expect(countBySeverity(findings)).toEqual({ CRITICAL: 3, HIGH: 10 })
  })

  it('fills the rest of the count from the default mix, with unique ids', () => {
    const findings = basicFindings(40, { severities: { CRITICAL: 3, HIGH: 10 } })
    const counts = countBySeverity(findings)

    expect(findings).toHaveLength(40)
    expect(counts.CRITICAL).toBeGreaterThanOrEqual(3)
    expect(counts.HIGH).toBeGreaterThanOrEqual(10)
    expect(new Set(findings.map(finding => finding.name)).size).toBe(40)
  })

  it('refuses severity counts that add up to more than the count', () => {
    expect(() => basicFindings(2, { severities: { HIGH: 3 } })).toThrow(RangeError)
  })

  it('draws UNDEFINED and UNTRIAGED findings only when asked', () => {
    const severities = (list: { severity?: string }[]) => new Set(list.map(item => item.severity))

    expect(severities(basicFindings(300))).not.toContain('UNDEFINED')
    expect(severities(basicFindings(300, { includeUnranked: true }))).toContain('UNDEFINED')
    expect(severities(enhancedFindings(300, { includeUnranked: true }))).toContain('UNTRIAGED')
  })

  it('gives basic findings CVSS scores inside their severity band', () => {
    const bands: Record<string, [number, number]> = {
      CRITICAL: [9, 10],
      HIGH: [7, 8.9],
      MEDIUM: [4, 6.9],
      LOW: [0.1, 3.9]
    }
    for (const finding of basicFindings(200)) {
      const score = finding.attributes?.find(entry => entry.key === 'CVSS3_SCORE')?.value
      const band = bands[finding.severity ?? '']
      if (!band) {
        expect(score).toBeUndefined()
        continue
      }
      expect(Number(score)).toBeGreaterThanOrEqual(band[0])
      expect(Number(score)).toBeLessThanOrEqual(band[1])
    }
  })

  it('shapes enhanced findings the way Inspector reports them', () => {
    const [finding] = enhancedFindings(1, { repository: 'a/b', digest: DIGEST })

    expect(finding).toMatchObject({
      status: 'ACTIVE',
      type: 'PACKAGE_VULNERABILITY',
      findingArn: expect.stringMatching(/^arn:aws:inspector2:us-east-1:123456789012:finding\//),
      packageVulnerabilityDetails: {
        vulnerabilityId: expect.stringMatching(/^CVE-\d{4}-\d+$/),
        vulnerablePackages: [expect.objectContaining({ name: expect.any(String) })]
      },
      resources: [
        {
          type: 'AWS_ECR_CONTAINER_IMAGE',
          details: { awsEcrContainerImage: { imageHash: DIGEST, repositoryName: 'a/b' } }
        }
      ]
    })
    expect(finding?.firstObservedAt).toBeInstanceOf(Date)
    expect(['YES', 'NO']).toContain(finding?.fixAvailable)
  })

  it('makes a hostile finding that carries every payload', () => {
    const basic = hostileFinding()
    const enhanced = hostileFinding('enhanced')

    expect(HOSTILE_TEXT.long).toHaveLength(5000)
    expect(basic.name).toContain('<img src=x onerror=alert(1)>')
    expect(basic.uri).toBe('javascript:alert(1)')
    for (const payload of Object.values(HOSTILE_TEXT)) expect(basic.description).toContain(payload)
    expect(enhanced.title).toContain('@org/team')
    expect(enhanced.title).toContain('[x](javascript:alert(1))')
  })
})

describe('sample image fixture', () => {
  const [image] = sample.images
  const findings = image?.scan?.findings ?? []

  it('is one debian image with 25 to 40 basic findings across every severity', () => {
    expect(sample.images).toHaveLength(1)
    expect(image?.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(findings.length).toBeGreaterThanOrEqual(25)
    expect(findings.length).toBeLessThanOrEqual(40)
    expect(new Set(findings.map(finding => finding.severity))).toEqual(
      new Set(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'])
    )
    for (const finding of findings) {
      expect(finding.name).toMatch(/^CVE-\d{4}-\d{4,}$/)
      expect(finding.attributes?.map(entry => entry.key)).toEqual(
        expect.arrayContaining(['package_name', 'package_version'])
      )
    }
    expect(new Set(findings.map(finding => finding.name)).size).toBe(findings.length)
  })
})
