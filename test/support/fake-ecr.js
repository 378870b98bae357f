// A local Amazon ECR that speaks the AWS JSON 1.1 wire protocol, so the real @aws-sdk/client-ecr
// client can be pointed at it unchanged. Types and the scenario shape are in fake-ecr.d.ts.
import { createServer } from 'node:http'
import { parseBody, toWire } from './aws-json.js'
import { createHash, randomUUID } from 'node:crypto'

const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.'
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1'
const DEFAULT_REGISTRY_ID = '123456789012'
const DEFAULT_PUSHED_AT = '2024-08-12T09:30:00Z'
const DEFAULT_MAX_RESULTS = 100
const MAX_RESULTS_LIMIT = 1000
// ECR reads enhanced findings from Inspector, which pages by 100 whatever maxResults asks for.
const ENHANCED_PAGE_LIMIT = 100
const STATUSES_WITH_FINDINGS = new Set(['COMPLETE', 'ACTIVE', 'SCAN_ELIGIBILITY_EXPIRED'])

const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar+gzip',
  inToto: 'application/vnd.in-toto+json'
}
const ATTESTATION_PREDICATES = ['https://spdx.dev/Document', 'https://slsa.dev/provenance/v0.2']
const DEFAULT_REGION = 'us-east-1'

const UNSUPPORTED_IMAGE_DESCRIPTION =
  'UnsupportedImageError: The operating system and/or package manager are not supported.'
const DEFAULT_DESCRIPTIONS = {
  COMPLETE: 'The scan was completed successfully.',
  ACTIVE: 'Continuous scan is selected for image.',
  FAILED: UNSUPPORTED_IMAGE_DESCRIPTION,
  UNSUPPORTED_IMAGE: UNSUPPORTED_IMAGE_DESCRIPTION
}

// Every ECR-specific exception is a 400 except ServerException; the common AWS errors differ.
const ERROR_STATUS = {
  ServerException: 500,
  InternalFailure: 500,
  ServiceUnavailable: 503,
  AccessDeniedException: 403,
  UnrecognizedClientException: 403,
  ExpiredTokenException: 403,
  IncompleteSignature: 403
}

const START_SCAN_REFUSALS = {
  'limit-exceeded': {
    type: 'LimitExceededException',
    message: 'The scan quota per image has been exceeded. Wait and try again.'
  },
  // What ECR answers when manual basic scans are unavailable for the registry.
  enhanced: { type: 'ValidationException', message: 'This feature is disabled.' }
}

class EcrError extends Error {
  constructor(type, message, status = ERROR_STATUS[type] ?? 400) {
    super(message)
    this.type = type
    this.status = status
  }
}

function defaultFaultMessage(type, operation, registryId, region = DEFAULT_REGION) {
  switch (type) {
    case 'ThrottlingException':
      return 'Rate exceeded'
    case 'UnrecognizedClientException':
      return 'The security token included in the request is invalid.'
    case 'ExpiredTokenException':
      return 'The security token included in the request is expired'
    case 'AccessDeniedException':
      return (
        `User: arn:aws:sts::${registryId}:assumed-role/github-actions/ci is not authorized to perform: ` +
        `ecr:${operation} on resource: arn:aws:ecr:${region}:${registryId}:repository/* ` +
        `because no identity-based policy allows the ecr:${operation} action`
      )
    case 'ServerException':
      return 'We encountered an internal error. Please try again.'
    default:
      return `${type} injected by the fake ECR scenario`
  }
}

const toDate = value => (value instanceof Date ? value : new Date(value))

/** ECR's own rendering of an image id in messages, nulls spelled out. */
function describeImageId(imageId) {
  return `{imageDigest:'${imageId?.imageDigest ?? 'null'}', imageTag:'${imageId?.imageTag ?? 'null'}'}`
}

function severityCounts(findings) {
  const counts = {}
  for (const finding of findings) {
    const severity = finding.severity ?? 'UNDEFINED'
    counts[severity] = (counts[severity] ?? 0) + 1
  }
  return counts
}

const sha256 = text => `sha256:${createHash('sha256').update(text).digest('hex')}`

/** 'linux/arm64/v8' as an OCI platform object. */
function parsePlatform(text) {
  const [os, architecture, variant] = String(text).split('/')
  if (!os || !architecture) {
    throw new TypeError(`fake ECR: platform '${text}' is not 'os/architecture[/variant]'`)
  }
  return { architecture, os, variant }
}

/** The region of a SigV4 request: the third part of the Authorization header's credential scope. */
function signedRegion(headers) {
  const match = /Credential=[^/,\s]+\/\d{8}\/([^/,\s]+)\/[^/,\s]+\/aws4_request/.exec(
    String(headers.authorization ?? '')
  )
  return match?.[1]
}

function createScanState(scan) {
  const type = scan?.type ?? (scan?.enhancedFindings ? 'enhanced' : 'basic')
  const statuses = scan?.statuses?.length
    ? scan.statuses
    : [type === 'enhanced' ? 'ACTIVE' : 'COMPLETE']
  const findings = (type === 'enhanced' ? scan?.enhancedFindings : scan?.findings) ?? []
  const reads = scan?.findingsByRead?.length ? scan.findingsByRead : [findings]
  return {
    type,
    statuses,
    reads,
    description: scan?.description,
    severityCountsOverride: scan?.severityCountsOverride,
    severityCounts: scan?.severityCountsOverride ?? severityCounts(reads[0]),
    completedAt: scan?.completedAt ? toDate(scan.completedAt) : undefined,
    vulnerabilitySourceUpdatedAt: scan?.vulnerabilitySourceUpdatedAt
      ? toDate(scan.vulnerabilitySourceUpdatedAt)
      : undefined,
    startScan: scan?.startScan ?? 'ok',
    // An image with no scan at all has never been scanned: it exists only once a scan is started.
    exists: scan !== undefined && !scan.neverExists,
    notFoundCallsLeft: scan?.scanNotFoundCalls ?? 0,
    noResultsCallsLeft: scan?.noResultsCalls ?? 0,
    emptyObjectCallsLeft: scan?.emptyObjectCalls ?? 0,
    pagesWithoutList: new Set(scan?.pagesWithoutList ?? []),
    inProgressPages: new Set(scan?.inProgressPages ?? []),
    repeatNextToken: scan?.repeatNextToken ?? false,
    nextReadIndex: 0,
    nextStatusIndex: 0,
    currentStatus: undefined
  }
}

function imageManifest(mediaType, seed, attestationOf) {
  const oci = mediaType === MEDIA_TYPES.ociManifest
  const layers = attestationOf
    ? ATTESTATION_PREDICATES.map(predicate => ({
        mediaType: MEDIA_TYPES.inToto,
        digest: sha256(`${seed}:${predicate}`),
        size: 4_096,
        annotations: { 'in-toto.io/predicate-type': predicate }
      }))
    : [
        {
          mediaType: oci ? MEDIA_TYPES.ociLayer : MEDIA_TYPES.dockerLayer,
          digest: sha256(`${seed}:layer`),
          size: 29_126_484
        }
      ]
  return {
    schemaVersion: 2,
    mediaType,
    config: {
      mediaType: oci ? MEDIA_TYPES.ociConfig : MEDIA_TYPES.dockerConfig,
      digest: sha256(`${seed}:config`),
      size: 1_469
    },
    layers
  }
}

/**
 * One FakeImage becomes one or more image states: an image index also registers its platform
 * images and buildx attestation manifests as untagged images of the same repository.
 */
function createImageStates(image) {
  const pushedAt = toDate(image.pushedAt ?? DEFAULT_PUSHED_AT)
  // Only platforms or attestations make an index; an index media type alone keeps the older
  // meaning (a plain image labelled as an index, with its own scan), which existing tests use.
  const isIndex = image.platforms !== undefined || image.attestations === true
  const base = {
    repository: image.repository,
    region: image.region,
    pushedAt,
    sizeInBytes: image.sizeInBytes ?? 48_213_337
  }
  const plain = (fields, scan) => {
    const state = createScanState(scan)
    // A scan finishes a few minutes after the push unless the scenario says when.
    state.completedAt ??= new Date(pushedAt.getTime() + 4 * 60_000)
    state.vulnerabilitySourceUpdatedAt ??= new Date(pushedAt.getTime() - 6 * 3_600_000)
    return { ...base, kind: 'image', tags: [], scan: state, ...fields }
  }
  if (!isIndex) {
    const mediaType = image.manifestMediaType ?? MEDIA_TYPES.dockerManifest
    return [
      plain(
        {
          digest: image.digest,
          tags: image.tags ?? [],
          manifestMediaType: mediaType,
          manifest: image.manifest ?? imageManifest(mediaType, image.digest)
        },
        image.scan
      )
    ]
  }
  if (image.scan !== undefined) {
    throw new TypeError(
      `fake ECR: image index ${image.digest} has no scan of its own; give each platform its scan`
    )
  }
  const indexType = image.manifestMediaType ?? MEDIA_TYPES.ociIndex
  const childType =
    indexType === MEDIA_TYPES.dockerList ? MEDIA_TYPES.dockerManifest : MEDIA_TYPES.ociManifest
  const children = (image.platforms ?? []).map(entry =>
    plain(
      {
        digest: entry.digest ?? sha256(`${image.digest}:${entry.platform}`),
        platform: parsePlatform(entry.platform),
        manifestMediaType: childType,
        manifest: imageManifest(childType, `${image.digest}:${entry.platform}`),
        ...(entry.sizeInBytes !== undefined ? { sizeInBytes: entry.sizeInBytes } : {})
      },
      entry.scan
    )
  )
  const attestations = image.attestations
    ? children.map(child => ({
        ...base,
        kind: 'attestation',
        digest: sha256(`${child.digest}:attestation`),
        tags: [],
        sizeInBytes: 8_553,
        manifestMediaType: MEDIA_TYPES.ociManifest,
        manifest: imageManifest(MEDIA_TYPES.ociManifest, `${child.digest}:attestation`, child),
        attestationOf: child.digest,
        scan: createScanState(undefined)
      }))
    : []
  const descriptor = entry => ({
    mediaType: entry.manifestMediaType,
    digest: entry.digest,
    size: JSON.stringify(entry.manifest).length,
    annotations: entry.attestationOf
      ? {
          'vnd.docker.reference.digest': entry.attestationOf,
          'vnd.docker.reference.type': 'attestation-manifest'
        }
      : undefined,
    platform: entry.platform ?? { architecture: 'unknown', os: 'unknown' }
  })
  const index = {
    ...base,
    kind: 'index',
    digest: image.digest,
    tags: image.tags ?? [],
    manifestMediaType: indexType,
    manifest: image.manifest ?? {
      schemaVersion: 2,
      mediaType: indexType,
      manifests: [...children, ...attestations].map(descriptor)
    },
    scan: createScanState(undefined)
  }
  return [index, ...children, ...attestations]
}

function statusDescription(scan, status) {
  const settled = status === scan.statuses[scan.statuses.length - 1]
  return (settled ? scan.description : undefined) ?? DEFAULT_DESCRIPTIONS[status]
}

/** The status DescribeImages shows: what the scan last reported, without moving it on. */
function peekStatus(image) {
  const scan = image.scan
  if (image.kind !== 'image') return undefined
  if (scan.currentStatus) return scan.currentStatus
  return scan.exists && scan.notFoundCallsLeft === 0 ? scan.statuses[0] : undefined
}

function matchesImageId(candidate, imageId) {
  return (
    (imageId?.imageDigest !== undefined || imageId?.imageTag !== undefined) &&
    (imageId.imageDigest === undefined || candidate.digest === imageId.imageDigest) &&
    (imageId.imageTag === undefined || candidate.tags.includes(imageId.imageTag))
  )
}

/** Scripted ThrottlingException: the first N requests of an operation, and/or every Nth one. */
function isThrottled(throttle, operation, count) {
  if (!throttle) return false
  if (throttle.operations && !throttle.operations.includes(operation)) return false
  if (throttle.first !== undefined && count <= throttle.first) return true
  return throttle.every !== undefined && throttle.every > 0 && count % throttle.every === 0
}

/**
 * Starts a fake ECR on 127.0.0.1 with an ephemeral port.
 * @param {import('./fake-ecr.js').FakeEcrScenario} scenario
 * @returns {Promise<import('./fake-ecr.js').FakeEcr>}
 */
export async function startFakeEcr(scenario) {
  const registryId = scenario.registryId ?? DEFAULT_REGISTRY_ID
  const images = scenario.images.flatMap(createImageStates)
  const declaredRepositories = scenario.repositories ?? []
  const faults = (scenario.faults ?? []).map(fault => ({ ...fault, left: fault.times }))
  const stalls = (scenario.stalls ?? []).map(stall => ({ ...stall, left: stall.times }))
  const denied = new Set(scenario.denied ?? [])
  const scanningConfiguration = scenario.scanningConfiguration ?? { scanType: 'BASIC', rules: [] }
  const unaccepted = {
    failureCode: 'UnsupportedImageType',
    ...scenario.unacceptedMediaTypeFailure
  }
  /** @type {Map<string, object>} */
  const issuedTokens = new Map()
  const requests = []
  const calls = []
  const counts = {}
  const timers = new Set()

  // An image or repository with no region is in every region; a request with no signature sees all.
  const inRegion = (item, region) => !item.region || !region || item.region === region

  function repositoryExists(name, region) {
    return (
      images.some(image => image.repository === name && inRegion(image, region)) ||
      declaredRepositories.some(repo => repo.name === name && inRegion(repo, region))
    )
  }

  function repositoryNotFound(name, requestedRegistry) {
    return new EcrError(
      'RepositoryNotFoundException',
      `The repository with name '${name}' does not exist in the registry with id '${requestedRegistry}'`
    )
  }

  function findRepository(body, context) {
    const requestedRegistry = body.registryId ?? registryId
    const name = body.repositoryName
    if (typeof name !== 'string' || name === '') {
      throw new EcrError(
        'ValidationException',
        "1 validation error detected: Value null at 'repositoryName' failed to satisfy constraint: Member must not be null"
      )
    }
    if (requestedRegistry !== registryId || !repositoryExists(name, context.region)) {
      throw repositoryNotFound(name, requestedRegistry)
    }
    return images.filter(image => image.repository === name && inRegion(image, context.region))
  }

  function lookupImage(inRepository, imageId, context) {
    const image = inRepository.find(candidate => matchesImageId(candidate, imageId))
    if (context.imageDigest === undefined) {
      context.imageDigest = image?.digest ?? imageId?.imageDigest
      context.imageKind = image?.kind
    }
    return image
  }

  function findImage(body, imageId, context) {
    const image = lookupImage(findRepository(body, context), imageId, context)
    if (!image) {
      throw new EcrError(
        'ImageNotFoundException',
        `The image with imageId ${describeImageId(imageId)} does not exist within the repository ` +
          `with name '${body.repositoryName}' in the registry with id '${body.registryId ?? registryId}'`
      )
    }
    return image
  }

  function imageDetail(image) {
    const status = peekStatus(image)
    const showsFindings = status !== undefined && STATUSES_WITH_FINDINGS.has(status)
    return {
      registryId,
      repositoryName: image.repository,
      imageDigest: image.digest,
      imageTags: image.tags.length > 0 ? image.tags : undefined,
      imageSizeInBytes: image.sizeInBytes,
      imagePushedAt: image.pushedAt,
      imageManifestMediaType: image.manifestMediaType,
      artifactMediaType: image.kind === 'index' ? undefined : image.manifest.config?.mediaType,
      imageScanStatus: status
        ? { status, description: statusDescription(image.scan, status) }
        : undefined,
      imageScanFindingsSummary: showsFindings
        ? {
            imageScanCompletedAt: image.scan.completedAt,
            vulnerabilitySourceUpdatedAt: image.scan.vulnerabilitySourceUpdatedAt,
            findingSeverityCounts: image.scan.severityCounts
          }
        : undefined
    }
  }

  function describeImages(body, context) {
    const inRepository = findRepository(body, context)
    const details = body.imageIds?.length
      ? body.imageIds.map(imageId => findImage(body, imageId, context))
      : inRepository
    return { imageDetails: details.map(imageDetail) }
  }

  function batchGetImage(body, context) {
    const inRepository = findRepository(body, context)
    const accepted = body.acceptedMediaTypes
    const result = { images: [], failures: [] }
    for (const imageId of body.imageIds ?? []) {
      if (imageId?.imageDigest === undefined && imageId?.imageTag === undefined) {
        result.failures.push({
          imageId,
          failureCode: 'MissingDigestAndTag',
          failureReason: 'Invalid request: either imageDigest or imageTag must be given'
        })
        continue
      }
      const image = lookupImage(inRepository, imageId, context)
      if (!image) {
        result.failures.push({
          imageId,
          failureCode: 'ImageNotFound',
          failureReason: 'Requested image not found'
        })
      } else if (accepted?.length && !accepted.includes(image.manifestMediaType)) {
        result.failures.push({
          imageId,
          failureCode: unaccepted.failureCode,
          failureReason:
            unaccepted.failureReason ??
            `The manifest media type ${image.manifestMediaType} is not among the accepted media types`
        })
      } else {
        result.images.push({
          registryId,
          repositoryName: image.repository,
          imageId: { imageDigest: image.digest, imageTag: imageId.imageTag },
          imageManifest:
            typeof image.manifest === 'string' ? image.manifest : JSON.stringify(image.manifest),
          imageManifestMediaType: image.manifestMediaType
        })
      }
    }
    return result
  }

  function pageSize(scan, maxResults) {
    if (maxResults === undefined) return DEFAULT_MAX_RESULTS
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS_LIMIT) {
      const bound =
        maxResults < 1 ? 'greater than or equal to 1' : `less than or equal to ${MAX_RESULTS_LIMIT}`
      throw new EcrError(
        'ValidationException',
        `1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value ${bound}`
      )
    }
    return scan.type === 'enhanced' ? Math.min(maxResults, ENHANCED_PAGE_LIMIT) : maxResults
  }

  function issuedPage(image, nextToken) {
    const issued = issuedTokens.get(nextToken)
    if (!issued || issued.image !== image) {
      throw new EcrError(
        'InvalidParameterException',
        "Invalid parameter at 'nextToken' failed to satisfy constraint: 'The pagination token is invalid'"
      )
    }
    return issued
  }

  function issueToken(page) {
    // Opaque on purpose: callers must hand back exactly what they were given.
    const token = Buffer.from(`${randomUUID()}:${page.offset}`).toString('base64')
    issuedTokens.set(token, page)
    return token
  }

  function scanNotFound(body, imageId) {
    return new EcrError(
      'ScanNotFoundException',
      `Image scan does not exist for the image with '${describeImageId(imageId)}' ` +
        `in the repository with name '${body.repositoryName}' in the registry with id '${body.registryId ?? registryId}'`
    )
  }

  /** One page of one read: a read is the findings list a first page chose; its tokens keep it. */
  function findingsPage(response, page, size, askedToken) {
    const { image, read, offset, number } = page
    const scan = image.scan
    const slice = read.findings.slice(offset, offset + size)
    const next = { ...page, offset: offset + slice.length, number: number + 1 }
    let nextToken
    if (next.offset < read.findings.length) nextToken = issueToken(next)
    // Past the end, the token asked with comes back: the same token, forever, with empty pages.
    else if (scan.repeatNextToken)
      nextToken = offset >= read.findings.length && askedToken ? askedToken : issueToken(next)
    const findings = {
      imageScanCompletedAt: scan.completedAt,
      vulnerabilitySourceUpdatedAt: scan.vulnerabilitySourceUpdatedAt,
      findingSeverityCounts: read.severityCounts
    }
    if (!scan.pagesWithoutList.has(number)) {
      findings[scan.type === 'enhanced' ? 'enhancedFindings' : 'findings'] = slice
    }
    return {
      ...response,
      imageScanStatus: { status: read.status, description: statusDescription(scan, read.status) },
      imageScanFindings: findings,
      nextToken
    }
  }

  function describeImageScanFindings(body, context) {
    const image = findImage(body, body.imageId, context)
    const scan = image.scan
    // An image index or an attestation manifest never has a scan of its own.
    if (image.kind !== 'image' || !scan.exists) throw scanNotFound(body, body.imageId)
    if (scan.notFoundCallsLeft > 0) {
      scan.notFoundCallsLeft -= 1
      throw scanNotFound(body, body.imageId)
    }
    const size = pageSize(scan, body.maxResults)
    const response = {
      registryId,
      repositoryName: image.repository,
      imageId: { imageDigest: image.digest, imageTag: body.imageId?.imageTag }
    }
    if (body.nextToken !== undefined) {
      // Follow-up pages belong to the answer that issued their token, so only first pages move on.
      const page = issuedPage(image, body.nextToken)
      if (scan.inProgressPages.has(page.number)) {
        return { ...response, imageScanStatus: { status: 'IN_PROGRESS' } }
      }
      return findingsPage(response, page, size, body.nextToken)
    }
    scan.currentStatus = scan.statuses[Math.min(scan.nextStatusIndex, scan.statuses.length - 1)]
    scan.nextStatusIndex += 1
    const status = scan.currentStatus
    const imageScanStatus = { status, description: statusDescription(scan, status) }
    if (!STATUSES_WITH_FINDINGS.has(status)) return { ...response, imageScanStatus }
    if (scan.noResultsCallsLeft > 0) {
      scan.noResultsCallsLeft -= 1
      const list = scan.type === 'enhanced' ? 'enhancedFindings' : 'findings'
      return { ...response, imageScanStatus, imageScanFindings: { [list]: [] } }
    }
    if (scan.emptyObjectCallsLeft > 0) {
      scan.emptyObjectCallsLeft -= 1
      return { ...response, imageScanStatus, imageScanFindings: {} }
    }
    const findings = scan.reads[Math.min(scan.nextReadIndex, scan.reads.length - 1)]
    scan.nextReadIndex += 1
    scan.severityCounts = scan.severityCountsOverride ?? severityCounts(findings)
    const read = { findings, status, severityCounts: scan.severityCounts }
    return findingsPage(response, { image, read, offset: 0, number: 0 }, size, undefined)
  }

  function startImageScan(body, context) {
    const image = findImage(body, body.imageId, context)
    if (image.kind !== 'image') {
      throw new EcrError(
        'UnsupportedImageTypeException',
        'The image is of a type that cannot be scanned.'
      )
    }
    const refusal = START_SCAN_REFUSALS[image.scan.startScan]
    if (refusal) throw new EcrError(refusal.type, refusal.message)
    Object.assign(image.scan, {
      exists: true,
      notFoundCallsLeft: 0,
      nextStatusIndex: 0,
      currentStatus: 'IN_PROGRESS'
    })
    return {
      registryId,
      repositoryName: image.repository,
      imageId: { imageDigest: image.digest, imageTag: body.imageId?.imageTag },
      imageScanStatus: { status: 'IN_PROGRESS' }
    }
  }

  function repositoryDescription(name, region) {
    const declared = declaredRepositories.find(repo => repo.name === name && inRegion(repo, region))
    const where = region ?? declared?.region ?? DEFAULT_REGION
    return {
      repositoryArn: `arn:aws:ecr:${where}:${registryId}:repository/${name}`,
      registryId,
      repositoryName: name,
      repositoryUri: `${registryId}.dkr.ecr.${where}.amazonaws.com/${name}`,
      createdAt: toDate(declared?.createdAt ?? '2023-01-09T08:00:00Z'),
      imageTagMutability: declared?.imageTagMutability ?? 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: declared?.scanOnPush ?? false },
      encryptionConfiguration: { encryptionType: 'AES256' }
    }
  }

  function describeRepositories(body, context) {
    const requestedRegistry = body.registryId ?? registryId
    let names = body.repositoryNames
    if (names?.length) {
      const missing = names.find(
        name => requestedRegistry !== registryId || !repositoryExists(name, context.region)
      )
      if (missing !== undefined) throw repositoryNotFound(missing, requestedRegistry)
    } else {
      if (requestedRegistry !== registryId) return { repositories: [] }
      names = [
        ...new Set([
          ...declaredRepositories
            .filter(repo => inRegion(repo, context.region))
            .map(repo => repo.name),
          ...images.filter(image => inRegion(image, context.region)).map(image => image.repository)
        ])
      ]
    }
    return { repositories: names.map(name => repositoryDescription(name, context.region)) }
  }

  function getRegistryScanningConfiguration() {
    return { registryId, scanningConfiguration }
  }

  const operations = {
    BatchGetImage: batchGetImage,
    DescribeImages: describeImages,
    DescribeImageScanFindings: describeImageScanFindings,
    DescribeRepositories: describeRepositories,
    GetRegistryScanningConfiguration: getRegistryScanningConfiguration,
    StartImageScan: startImageScan
  }

  function takeScripted(list, operation) {
    const entry = list.find(
      candidate => candidate.left > 0 && (!candidate.operation || candidate.operation === operation)
    )
    if (entry) entry.left -= 1
    return entry
  }

  function handle(operation, body, context) {
    if (denied.has(operation)) {
      throw new EcrError(
        'AccessDeniedException',
        defaultFaultMessage('AccessDeniedException', operation, registryId, context.region)
      )
    }
    if (isThrottled(scenario.throttle, operation, counts[operation])) {
      throw new EcrError('ThrottlingException', 'Rate exceeded')
    }
    const fault = takeScripted(faults, operation)
    if (fault) {
      throw new EcrError(
        fault.type,
        fault.message ?? defaultFaultMessage(fault.type, operation, registryId, context.region),
        fault.status
      )
    }
    const handler = Object.hasOwn(operations, operation) ? operations[operation] : undefined
    if (!handler) throw new EcrError('UnknownOperationException', `Unknown operation ${operation}`)
    return handler(body, context)
  }

  /** The status, headers and body of the answer, or of the AWS error the request earns. */
  function answer(method, target, operation, body, context) {
    try {
      if (method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
        throw new EcrError('UnknownOperationException', `Unknown operation ${target}`)
      }
      return { status: 200, payload: handle(operation, body, context) }
    } catch (error) {
      // A bug in the fake surfaces as an AWS-style 500 rather than crashing the test process.
      const failure =
        error instanceof EcrError ? error : new EcrError('InternalFailure', String(error))
      return {
        status: failure.status,
        payload: { __type: failure.type, message: failure.message },
        errorType: failure.type
      }
    }
  }

  function reply(response, { status, payload, errorType }, partial = false) {
    if (response.destroyed || response.writableEnded) return
    const headers = {
      'content-type': JSON_CONTENT_TYPE,
      'x-amzn-requestid': randomUUID()
    }
    if (errorType) headers['x-amzn-errortype'] = errorType
    const text = JSON.stringify(toWire(payload))
    if (partial) {
      // The headers and the first half of the body, then nothing: a connection that stalls mid-answer.
      response.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(text) })
      response.write(text.slice(0, Math.floor(text.length / 2)))
      return
    }
    response.writeHead(status, headers)
    response.end(text)
  }

  const server = createServer((request, response) => {
    const chunks = []
    request.on('data', chunk => chunks.push(chunk))
    request.on('end', () => {
      const target = String(request.headers['x-amz-target'] ?? '')
      const operation = target.startsWith(TARGET_PREFIX)
        ? target.slice(TARGET_PREFIX.length)
        : target
      const body = parseBody(Buffer.concat(chunks).toString('utf8'))
      if (body === undefined) {
        reply(response, {
          status: 400,
          payload: { __type: 'SerializationException' },
          errorType: 'SerializationException'
        })
        return
      }
      const region = signedRegion(request.headers)
      requests.push({ operation, body, headers: { ...request.headers }, region })
      counts[operation] = (counts[operation] ?? 0) + 1
      const call = { operation, imageDigest: undefined, region, at: Date.now(), status: undefined }
      calls.push(call)
      const context = { region, imageDigest: undefined, imageKind: undefined }
      const stall = takeScripted(stalls, operation)
      if (stall && stall.delayMs === undefined && stall.after !== 'headers') {
        // Accepted, read, never answered: only the client's own timeout or close() ends it.
        call.imageDigest = body.imageId?.imageDigest
        return
      }
      const result = answer(request.method, target, operation, body, context)
      call.imageDigest = context.imageDigest ?? body.imageId?.imageDigest
      call.imageKind = context.imageKind
      const send = () => {
        call.status = result.status
        call.errorType = result.errorType
        reply(response, result, stall?.after === 'headers')
      }
      if (!stall?.delayMs) {
        send()
        return
      }
      const timer = setTimeout(() => {
        timers.delete(timer)
        send()
      }, stall.delayMs)
      timers.add(timer)
    })
  })

  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())

  return {
    url: `http://127.0.0.1:${port}`,
    registryId,
    requests,
    calls,
    counts,
    close: () =>
      new Promise((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer)
        timers.clear()
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}
