// A local Amazon ECR that speaks the AWS JSON 1.1 wire protocol, so the real @aws-sdk/client-ecr
// client can be pointed at it unchanged. Types and the scenario shape are in fake-ecr.d.ts.
import { createServer } from 'node:http'
import { randomUUID } from 'node:crypto'

const TARGET_PREFIX = 'AmazonEC2ContainerRegistry_V20150921.'
const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1'
const DEFAULT_REGISTRY_ID = '123456789012'
const DEFAULT_PUSHED_AT = '2024-08-12T09:30:00Z'
const DEFAULT_MAX_RESULTS = 100
const MAX_RESULTS_LIMIT = 1000
// ECR reads enhanced findings from Inspector, which pages by 100 whatever maxResults asks for.
const ENHANCED_PAGE_LIMIT = 100
const STATUSES_WITH_FINDINGS = new Set(['COMPLETE', 'ACTIVE', 'SCAN_ELIGIBILITY_EXPIRED'])

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

function defaultFaultMessage(type, operation, registryId) {
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
        `ecr:${operation} on resource: arn:aws:ecr:us-east-1:${registryId}:repository/* ` +
        `because no identity-based policy allows the ecr:${operation} action`
      )
    case 'ServerException':
      return 'We encountered an internal error. Please try again.'
    default:
      return `${type} injected by the fake ECR scenario`
  }
}

/** Dates become epoch seconds, the JSON 1.1 timestamp format; everything else is copied as is. */
function toWire(value) {
  if (value instanceof Date) return value.getTime() / 1000
  if (Array.isArray(value)) return value.map(toWire)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .map(([key, entry]) => [key, toWire(entry)])
    )
  }
  return value
}

function parseBody(text) {
  try {
    return text ? JSON.parse(text) : {}
  } catch {
    return undefined
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

function createScanState(scan) {
  const type = scan?.type ?? (scan?.enhancedFindings ? 'enhanced' : 'basic')
  const statuses = scan?.statuses?.length
    ? scan.statuses
    : [type === 'enhanced' ? 'ACTIVE' : 'COMPLETE']
  const findings = (type === 'enhanced' ? scan?.enhancedFindings : scan?.findings) ?? []
  return {
    type,
    statuses,
    findings,
    description: scan?.description,
    severityCounts: scan?.severityCountsOverride ?? severityCounts(findings),
    completedAt: scan?.completedAt ? toDate(scan.completedAt) : undefined,
    vulnerabilitySourceUpdatedAt: scan?.vulnerabilitySourceUpdatedAt
      ? toDate(scan.vulnerabilitySourceUpdatedAt)
      : undefined,
    startScan: scan?.startScan ?? 'ok',
    // An image with no scan at all has never been scanned: it exists only once a scan is started.
    exists: scan !== undefined && !scan.neverExists,
    notFoundCallsLeft: scan?.scanNotFoundCalls ?? 0,
    nextStatusIndex: 0,
    currentStatus: undefined
  }
}

function createImageState(image) {
  const pushedAt = toDate(image.pushedAt ?? DEFAULT_PUSHED_AT)
  const scan = createScanState(image.scan)
  // A scan finishes a few minutes after the push unless the scenario says when.
  scan.completedAt ??= new Date(pushedAt.getTime() + 4 * 60_000)
  scan.vulnerabilitySourceUpdatedAt ??= new Date(pushedAt.getTime() - 6 * 3_600_000)
  return {
    repository: image.repository,
    digest: image.digest,
    tags: image.tags ?? [],
    pushedAt,
    sizeInBytes: image.sizeInBytes ?? 48_213_337,
    manifestMediaType:
      image.manifestMediaType ?? 'application/vnd.docker.distribution.manifest.v2+json',
    scan
  }
}

function statusDescription(scan, status) {
  const settled = status === scan.statuses[scan.statuses.length - 1]
  return (settled ? scan.description : undefined) ?? DEFAULT_DESCRIPTIONS[status]
}

/** The status DescribeImages shows: what the scan last reported, without moving it on. */
function peekStatus(scan) {
  if (scan.currentStatus) return scan.currentStatus
  return scan.exists && scan.notFoundCallsLeft === 0 ? scan.statuses[0] : undefined
}

/**
 * Starts a fake ECR on 127.0.0.1 with an ephemeral port.
 * @param {import('./fake-ecr.js').FakeEcrScenario} scenario
 * @returns {Promise<import('./fake-ecr.js').FakeEcr>}
 */
export async function startFakeEcr(scenario) {
  const registryId = scenario.registryId ?? DEFAULT_REGISTRY_ID
  const images = scenario.images.map(createImageState)
  const faults = (scenario.faults ?? []).map(fault => ({ ...fault, left: fault.times }))
  /** @type {Map<string, { image: object, offset: number }>} */
  const issuedTokens = new Map()
  const requests = []

  function findRepository(body) {
    const requestedRegistry = body.registryId ?? registryId
    const name = body.repositoryName
    if (typeof name !== 'string' || name === '') {
      throw new EcrError(
        'ValidationException',
        "1 validation error detected: Value null at 'repositoryName' failed to satisfy constraint: Member must not be null"
      )
    }
    const inRepository = images.filter(image => image.repository === name)
    if (requestedRegistry !== registryId || inRepository.length === 0) {
      throw new EcrError(
        'RepositoryNotFoundException',
        `The repository with name '${name}' does not exist in the registry with id '${requestedRegistry}'`
      )
    }
    return inRepository
  }

  function findImage(body, imageId) {
    const image = findRepository(body).find(
      candidate =>
        (imageId?.imageDigest !== undefined || imageId?.imageTag !== undefined) &&
        (imageId.imageDigest === undefined || candidate.digest === imageId.imageDigest) &&
        (imageId.imageTag === undefined || candidate.tags.includes(imageId.imageTag))
    )
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
    const status = peekStatus(image.scan)
    const showsFindings = status !== undefined && STATUSES_WITH_FINDINGS.has(status)
    return {
      registryId,
      repositoryName: image.repository,
      imageDigest: image.digest,
      imageTags: image.tags.length > 0 ? image.tags : undefined,
      imageSizeInBytes: image.sizeInBytes,
      imagePushedAt: image.pushedAt,
      imageManifestMediaType: image.manifestMediaType,
      artifactMediaType: 'application/vnd.docker.container.image.v1+json',
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

  function describeImages(body) {
    const inRepository = findRepository(body)
    const details = body.imageIds?.length
      ? body.imageIds.map(imageId => findImage(body, imageId))
      : inRepository
    return { imageDetails: details.map(imageDetail) }
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

  function pageOffset(image, nextToken) {
    if (nextToken === undefined) return 0
    const issued = issuedTokens.get(nextToken)
    if (!issued || issued.image !== image) {
      throw new EcrError(
        'InvalidParameterException',
        "Invalid parameter at 'nextToken' failed to satisfy constraint: 'The pagination token is invalid'"
      )
    }
    return issued.offset
  }

  function issueToken(image, offset) {
    // Opaque on purpose: callers must hand back exactly what they were given.
    const token = Buffer.from(`${randomUUID()}:${offset}`).toString('base64')
    issuedTokens.set(token, { image, offset })
    return token
  }

  function scanNotFound(body, imageId) {
    return new EcrError(
      'ScanNotFoundException',
      `Image scan does not exist for the image with '${describeImageId(imageId)}' ` +
        `in the repository with name '${body.repositoryName}' in the registry with id '${body.registryId ?? registryId}'`
    )
  }

  function describeImageScanFindings(body) {
    const image = findImage(body, body.imageId)
    const scan = image.scan
    if (!scan.exists) throw scanNotFound(body, body.imageId)
    if (scan.notFoundCallsLeft > 0) {
      scan.notFoundCallsLeft -= 1
      throw scanNotFound(body, body.imageId)
    }
    const size = pageSize(scan, body.maxResults)
    const offset = pageOffset(image, body.nextToken)
    // Follow-up pages belong to the answer that issued their token, so only first pages move on.
    if (body.nextToken === undefined) {
      scan.currentStatus = scan.statuses[Math.min(scan.nextStatusIndex, scan.statuses.length - 1)]
      scan.nextStatusIndex += 1
    }
    const status = scan.currentStatus
    const response = {
      registryId,
      repositoryName: image.repository,
      imageId: { imageDigest: image.digest, imageTag: body.imageId?.imageTag },
      imageScanStatus: { status, description: statusDescription(scan, status) }
    }
    if (!STATUSES_WITH_FINDINGS.has(status)) return response
    const page = scan.findings.slice(offset, offset + size)
    const nextOffset = offset + page.length
    return {
      ...response,
      imageScanFindings: {
        imageScanCompletedAt: scan.completedAt,
        vulnerabilitySourceUpdatedAt: scan.vulnerabilitySourceUpdatedAt,
        findingSeverityCounts: scan.severityCounts,
        [scan.type === 'enhanced' ? 'enhancedFindings' : 'findings']: page
      },
      nextToken: nextOffset < scan.findings.length ? issueToken(image, nextOffset) : undefined
    }
  }

  function startImageScan(body) {
    const image = findImage(body, body.imageId)
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

  const operations = {
    DescribeImages: describeImages,
    DescribeImageScanFindings: describeImageScanFindings,
    StartImageScan: startImageScan
  }

  function injectedFault(operation) {
    const fault = faults.find(
      candidate => candidate.left > 0 && (!candidate.operation || candidate.operation === operation)
    )
    if (!fault) return undefined
    fault.left -= 1
    return new EcrError(
      fault.type,
      fault.message ?? defaultFaultMessage(fault.type, operation, registryId),
      fault.status
    )
  }

  function handle(operation, body) {
    const fault = injectedFault(operation)
    if (fault) throw fault
    const handler = Object.hasOwn(operations, operation) ? operations[operation] : undefined
    if (!handler) throw new EcrError('UnknownOperationException', `Unknown operation ${operation}`)
    return handler(body)
  }

  function reply(response, status, payload, errorType) {
    const headers = {
      'content-type': JSON_CONTENT_TYPE,
      'x-amzn-requestid': randomUUID()
    }
    if (errorType) headers['x-amzn-errortype'] = errorType
    response.writeHead(status, headers)
    response.end(JSON.stringify(toWire(payload)))
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
        reply(response, 400, { __type: 'SerializationException' }, 'SerializationException')
        return
      }
      requests.push({ operation, body, headers: { ...request.headers } })
      try {
        if (request.method !== 'POST' || !target.startsWith(TARGET_PREFIX)) {
          throw new EcrError('UnknownOperationException', `Unknown operation ${target}`)
        }
        reply(response, 200, handle(operation, body))
      } catch (error) {
        // A bug in the fake surfaces as an AWS-style 500 rather than crashing the test process.
        const failure =
          error instanceof EcrError ? error : new EcrError('InternalFailure', String(error))
        reply(
          response,
          failure.status,
          { __type: failure.type, message: failure.message },
          failure.type
        )
      }
    })
  })

  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())

  return {
    url: `http://127.0.0.1:${port}`,
    registryId,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}
