import {
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetRegistryScanningConfigurationCommand,
  ImageNotFoundException,
  LimitExceededException,
  ScanNotFoundException,
  StartImageScanCommand,
  ValidationException
} from '@aws-sdk/client-ecr'
import { type AddressInfo, type Socket, createServer } from 'node:net'
import { mockClient } from 'aws-sdk-client-mock'
import { EcrAnswerError, EcrScans, ImageMismatchError, MAX_ATTEMPTS } from '../src/aws/ecr.js'
import { explainAwsError } from '../src/aws/errors.js'

const DIGEST = `sha256:${'b'.repeat(64)}`
const image = { repository: 'team/web', digest: DIGEST, tag: 'v1', region: 'us-east-1' }

function setup() {
  const client = new ECRClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' }
  })
  return { mock: mockClient(client), ecr: new EcrScans(client, 'us-east-1') }
}

describe('EcrScans.resolveImage', () => {
  it('resolves a tag to its digest with one DescribeImages call', async () => {
    const { mock, ecr } = setup()
    mock.on(DescribeImagesCommand).resolves({
      imageDetails: [{ imageDigest: DIGEST, imageTags: ['v1'], registryId: '123456789012' }]
    })
    const resolved = await ecr.resolveImage({ repository: 'team/web', imageTag: 'v1' })
    expect(resolved).toEqual({
      repository: 'team/web',
      digest: DIGEST,
      tag: 'v1',
      region: 'us-east-1'
    })
    expect(mock.commandCalls(DescribeImagesCommand).map(call => call.args[0].input)).toEqual([
      { repositoryName: 'team/web', registryId: undefined, imageIds: [{ imageTag: 'v1' }] }
    ])
  })

  it('treats an empty answer as ImageNotFoundException, which the error messages explain', async () => {
    const { mock, ecr } = setup()
    mock.on(DescribeImagesCommand).resolves({ imageDetails: [] })
    await expect(ecr.resolveImage({ repository: 'team/web', imageTag: 'v1' })).rejects.toThrow(
      ImageNotFoundException
    )
  })

  it('uses the digest when both are given and refuses a tag that points elsewhere', async () => {
    const { mock, ecr } = setup()
    mock
      .on(DescribeImagesCommand)
      .resolves({ imageDetails: [{ imageDigest: DIGEST, imageTags: ['v2'] }] })
    await expect(
      ecr.resolveImage({ repository: 'team/web', imageTag: 'v1', imageDigest: DIGEST })
    ).rejects.toThrow(ImageMismatchError)
    expect(mock.commandCalls(DescribeImagesCommand)[0]?.args[0].input.imageIds).toEqual([
      { imageDigest: DIGEST }
    ])
  })
})

describe('EcrScans.resolveImage digest checks', () => {
  const context = { repository: 'team/web', region: 'us-east-1' }

  it.each([
    ['a digest of another algorithm', `sha512:${'b'.repeat(128)}`],
    ['a short digest', 'sha256:abc'],
    ['upper-case hex', `sha256:${'B'.repeat(64)}`],
    ['a digest with trailing text', `${DIGEST}\nextra`],
    ['no digest at all', undefined]
  ])('refuses %s from ECR with a one-line message', async (_, imageDigest) => {
    const { mock, ecr } = setup()
    mock.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest, imageTags: ['v1'] }] })
    const error = await ecr
      .resolveImage({ repository: 'team/web', imageTag: 'v1' })
      .catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(EcrAnswerError)
    const message = explainAwsError(error, context)
    expect(message).toMatch(/^ECR answered .* for team\/web:v1/)
    expect(message).not.toContain('\n')
  })

  it('refuses an answer for another digest than the image-digest given', async () => {
    const { mock, ecr } = setup()
    const other = `sha256:${'a'.repeat(64)}`
    mock.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: other }] })
    const error = await ecr
      .resolveImage({ repository: 'team/web', imageDigest: DIGEST })
      .catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(EcrAnswerError)
    expect(explainAwsError(error, context)).toBe(
      `ECR answered digest ${other} for team/web@${DIGEST}, not the image-digest given. Check the image-digest input; if it is right, retry the job and report this if it persists.`
    )
  })

  it('does not trust the digest given when ECR described no image for it', async () => {
    const { mock, ecr } = setup()
    mock.on(DescribeImagesCommand).resolves({ imageDetails: [] })
    await expect(ecr.resolveImage({ repository: 'team/web', imageDigest: DIGEST })).rejects.toThrow(
      ImageNotFoundException
    )
  })
})

describe('EcrScans.describeScan', () => {
  it('asks by digest for 1000 findings a page and maps the response', async () => {
    const { mock, ecr } = setup()
    mock.on(DescribeImageScanFindingsCommand).resolves({
      imageScanStatus: { status: 'COMPLETE', description: 'done' },
      imageScanFindings: {
        findings: [{ name: 'CVE-1', severity: 'LOW' }],
        findingSeverityCounts: { LOW: 1 }
      },
      nextToken: 'next'
    })
    const page = await ecr.describeScan(image)
    expect(page).toMatchObject({
      status: 'COMPLETE',
      description: 'done',
      enhanced: false,
      nextToken: 'next',
      severityCounts: { LOW: 1 }
    })
    expect(mock.commandCalls(DescribeImageScanFindingsCommand)[0]?.args[0].input).toEqual({
      repositoryName: 'team/web',
      registryId: undefined,
      imageId: { imageDigest: DIGEST },
      maxResults: 1000
    })
  })

  it('reads ScanNotFoundException as "not yet" and lets other errors through', async () => {
    const { mock, ecr } = setup()
    mock
      .on(DescribeImageScanFindingsCommand)
      .rejectsOnce(new ScanNotFoundException({ message: 'no scan', $metadata: {} }))
    expect(await ecr.describeScan(image)).toBeUndefined()
    mock
      .on(DescribeImageScanFindingsCommand)
      .rejects(Object.assign(new Error('nope'), { name: 'RepositoryNotFoundException' }))
    await expect(ecr.describeScan(image)).rejects.toThrow('nope')
  })

  it('marks a response with enhancedFindings as an enhanced scan', async () => {
    const { mock, ecr } = setup()
    mock.on(DescribeImageScanFindingsCommand).resolves({
      imageScanStatus: { status: 'ACTIVE' },
      imageScanFindings: { enhancedFindings: [] }
    })
    expect((await ecr.describeScan(image))?.enhanced).toBe(true)
  })
})

describe('EcrScans.describeScan, answers without results', () => {
  it.each([
    ['no imageScanFindings', undefined, { hasResults: false, listed: false }],
    ['imageScanFindings {}', {}, { hasResults: true, listed: false, completedAt: undefined }],
    [
      'an empty list and no completion time',
      { findings: [] },
      { hasResults: true, listed: true, completedAt: undefined }
    ]
  ])('maps %s so the wait can tell it is not a result', async (_, results, expected) => {
    const { mock, ecr } = setup()
    mock.on(DescribeImageScanFindingsCommand).resolves({
      imageScanStatus: { status: 'COMPLETE' },
      ...(results ? { imageScanFindings: results } : {})
    })
    expect(await ecr.describeScan(image)).toMatchObject(expected)
  })
})

describe('EcrScans.scanningConfiguration', () => {
  it("reads the registry's rules and the repository's scan on push", async () => {
    const { mock, ecr } = setup()
    mock.on(GetRegistryScanningConfigurationCommand).resolves({
      registryId: '123456789012',
      scanningConfiguration: {
        scanType: 'ENHANCED',
        rules: [
          {
            scanFrequency: 'CONTINUOUS_SCAN',
            repositoryFilters: [{ filter: 'team/*', filterType: 'WILDCARD' }]
          }
        ]
      }
    })
    mock.on(DescribeRepositoriesCommand).resolves({
      repositories: [
        { repositoryName: 'team/web', imageScanningConfiguration: { scanOnPush: true } }
      ]
    })
    expect(await ecr.scanningConfiguration(image)).toEqual({
      registryId: '123456789012',
      scanType: 'ENHANCED',
      rules: [
        {
          scanFrequency: 'CONTINUOUS_SCAN',
          filters: [{ filter: 'team/*', filterType: 'WILDCARD' }]
        }
      ],
      repositoryScanOnPush: true
    })
    expect(mock.commandCalls(DescribeRepositoriesCommand)[0]?.args[0].input).toEqual({
      registryId: undefined,
      repositoryNames: ['team/web']
    })
  })

  it('lets AccessDeniedException through for the caller to explain', async () => {
    const { mock, ecr } = setup()
    mock
      .on(GetRegistryScanningConfigurationCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }))
    mock.on(DescribeRepositoriesCommand).resolves({ repositories: [] })
    await expect(ecr.scanningConfiguration(image)).rejects.toThrow('denied')
  })
})

describe('EcrScans.pagesAfter', () => {
  it('continues from the token the wait already holds', async () => {
    const { mock, ecr } = setup()
    mock
      .on(DescribeImageScanFindingsCommand, { nextToken: 't1' })
      .resolves({
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindings: { findings: [{ name: 'A' }] },
        nextToken: 't2'
      })
      .on(DescribeImageScanFindingsCommand, { nextToken: 't2' })
      .resolves({
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindings: { findings: [{ name: 'B' }] }
      })
    const names: string[] = []
    for await (const page of ecr.pagesAfter(image, 't1'))
      names.push(...page.findings.map(finding => finding.name ?? ''))
    expect(names).toEqual(['A', 'B'])
    // The paginator reuses one input object, so recorded inputs show only its last token.
    expect(mock.commandCalls(DescribeImageScanFindingsCommand)).toHaveLength(2)
  })
})

describe('EcrScans.startScan', () => {
  it.each([
    ['started', undefined],
    ['limit-exceeded', new LimitExceededException({ message: 'quota', $metadata: {} })],
    ['not-supported', new ValidationException({ message: 'enhanced scanning', $metadata: {} })]
  ])('answers %s', async (kind, error) => {
    const { mock, ecr } = setup()
    if (error) mock.on(StartImageScanCommand).rejects(error)
    else mock.on(StartImageScanCommand).resolves({})
    expect((await ecr.startScan(image)).kind).toBe(kind)
    expect(mock.commandCalls(StartImageScanCommand)[0]?.args[0].input.imageId).toEqual({
      imageDigest: DIGEST
    })
  })
})

describe('EcrScans.create', () => {
  /** A raw TCP server standing in for ECR: it records each request's head and answers `reply`. */
  async function stallingEcr(reply: string) {
    const heads: string[] = []
    const sockets: Socket[] = []
    const server = createServer(socket => {
      sockets.push(socket)
      socket.on('error', () => undefined)
      socket.once('data', chunk => {
        heads.push(chunk.toString('latin1'))
        if (reply) socket.write(reply)
      })
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const saved = { ...process.env }
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_ECR: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret'
    })
    const ecr = EcrScans.create('us-east-1', { connectMs: 1_000, answerMs: 100 })
    return {
      heads,
      describe: () => ecr.describeScan(image).catch((thrown: unknown) => thrown),
      async close() {
        process.env = saved
        for (const socket of sockets) socket.destroy()
        await new Promise(resolve => server.close(resolve))
      }
    }
  }

  it.each([
    ['never answers', ''],
    [
      'stops in the middle of its answer',
      'HTTP/1.1 200 OK\r\ncontent-type: application/x-amz-json-1.1\r\ncontent-length: 1000\r\n\r\n{"imageScanStatus":'
    ]
  ])('gives up on an ECR that %s, retrying each attempt, instead of hanging', async (_, reply) => {
    const ecr = await stallingEcr(reply)
    try {
      expect(await ecr.describe()).toMatchObject({ name: 'TimeoutError' })
      expect(ecr.heads).toHaveLength(MAX_ATTEMPTS)
      // The attempt budget the SDK reports to AWS is the one it uses.
      expect(ecr.heads[0]).toMatch(
        new RegExp(`amz-sdk-request: attempt=1; max=${MAX_ATTEMPTS}`, 'i')
      )
    } finally {
      await ecr.close()
    }
  })
})
