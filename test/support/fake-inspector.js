// A local Amazon Inspector (inspector2) that speaks its REST-JSON protocol (restJson1), so the real
// @aws-sdk/client-inspector2 client can be pointed at it unchanged. Only ListFindings and
// BatchGetFindingDetails are served. Types and the scenario shape are in fake-inspector.d.ts.
import { createServer } from 'node:http'
import { parseBody, toWire } from './aws-json.js'
import { createHash, randomUUID } from 'node:crypto'

const DEFAULT_ACCOUNT = '123456789012'
const DEFAULT_REGION = 'us-east-1'
const DEFAULT_MAX_RESULTS = 10
const MAX_RESULTS_LIMIT = 100
const DETAILS_LIMIT = 10
const OBSERVED_AT = Date.parse('2024-08-12T09:34:00Z') / 1000

const ROUTES = {
  '/findings/list': 'ListFindings',
  '/findings/details/batch/get': 'BatchGetFindingDetails'
}

const ERROR_STATUS = {
  AccessDeniedException: 403,
  ThrottlingException: 429,
  ValidationException: 400,
  InternalServerException: 500,
  MissingAuthenticationTokenException: 403,
  UnknownOperationException: 404
}

class InspectorError extends Error {
  constructor(type, message, status = ERROR_STATUS[type] ?? 400, extra = {}) {
    super(message)
    this.type = type
    this.status = status
    this.extra = extra
  }
}

function defaultFaultMessage(type, operation, account, region) {
  switch (type) {
    case 'AccessDeniedException':
      return (
        `User: arn:aws:sts::${account}:assumed-role/github-actions/ci is not authorized to perform: ` +
        `inspector2:${operation} on resource: arn:aws:inspector2:${region}:${account}:/findings/* ` +
        `because no identity-based policy allows the inspector2:${operation} action`
      )
    case 'ThrottlingException':
      return 'Rate exceeded'
    case 'InternalServerException':
      return 'Internal server error'
    default:
      return `${type} injected by the fake Inspector scenario`
  }
}

/** A finding ARN like Inspector's: `arn:aws:inspector2:<region>:<account>:finding/<32 hex>`. */
export function inspectorFindingArn(key, region = DEFAULT_REGION, account = DEFAULT_ACCOUNT) {
  const id = createHash('md5').update(String(key)).digest('hex')
  return `arn:aws:inspector2:${region}:${account}:finding/${id}`
}

const toEpochSeconds = value =>
  value === undefined
    ? undefined
    : (value instanceof Date ? value : new Date(value)).getTime() / 1000

function validation(message, fields = []) {
  return new InspectorError('ValidationException', message, 400, {
    reason: 'FIELD_VALIDATION_FAILED',
    fields
  })
}

/** EQUALS / NOT_EQUALS / PREFIX string filters: values of one field OR'ed, fields AND'ed. */
function matchesStrings(filters, actual) {
  if (!filters || filters.length === 0) return true
  const positive = filters.filter(filter => filter.comparison !== 'NOT_EQUALS')
  if (filters.some(filter => filter.comparison === 'NOT_EQUALS' && filter.value === actual)) {
    return false
  }
  return (
    positive.length === 0 ||
    positive.some(filter =>
      filter.comparison === 'PREFIX'
        ? String(actual ?? '').startsWith(filter.value)
        : filter.value === actual
    )
  )
}

/**
 * Starts a fake Inspector on 127.0.0.1 with an ephemeral port.
 * @param {import('./fake-inspector.js').FakeInspectorScenario} scenario
 * @returns {Promise<import('./fake-inspector.js').FakeInspector>}
 */
export async function startFakeInspector(scenario) {
  const account = scenario.accountId ?? DEFAULT_ACCOUNT
  const region = scenario.region ?? DEFAULT_REGION
  const findings = scenario.findings.map((finding, index) => ({
    ...finding,
    arn: finding.arn ?? inspectorFindingArn(`${finding.digest}/${index}`, region, account),
    registry: finding.registry ?? account
  }))
  const byArn = new Map(findings.map(finding => [finding.arn, finding]))
  const faults = (scenario.faults ?? []).map(fault => ({ ...fault, left: fault.times }))
  /** @type {Map<string, { matching: object[], offset: number }>} */
  const issuedTokens = new Map()
  const calls = { ListFindings: 0, BatchGetFindingDetails: 0 }
  const requests = []

  function toWireFinding(finding) {
    const ecrImage = {
      repositoryName: finding.repository,
      imageHash: finding.digest,
      registry: finding.registry,
      imageTags: finding.tags,
      pushedAt: OBSERVED_AT - 240,
      architecture: 'amd64',
      platform: 'DEBIAN_12'
    }
    return toWire({
      findingArn: finding.arn,
      awsAccountId: finding.registry,
      type: 'PACKAGE_VULNERABILITY',
      title: `${finding.vulnerabilityId ?? 'CVE-2024-0001'} - ${finding.packageName ?? 'openssl'}`,
      description: 'A vulnerability scripted by the fake Inspector.',
      remediation: { recommendation: { text: 'None Provided' } },
      severity: finding.severity ?? 'MEDIUM',
      firstObservedAt: OBSERVED_AT,
      lastObservedAt: OBSERVED_AT,
      updatedAt: OBSERVED_AT,
      status: 'ACTIVE',
      resources: [
        {
          type: 'AWS_ECR_CONTAINER_IMAGE',
          id: `arn:aws:ecr:${region}:${finding.registry}:repository/${finding.repository}/${finding.digest}`,
          partition: 'aws',
          region,
          details: { awsEcrContainerImage: ecrImage }
        }
      ],
      inspectorScore: finding.inspectorScore ?? 5.3,
      packageVulnerabilityDetails: {
        vulnerabilityId: finding.vulnerabilityId ?? 'CVE-2024-0001',
        source: 'NVD',
        vulnerablePackages: [
          { name: finding.packageName ?? 'openssl', version: '3.0.11', packageManager: 'OS' }
        ]
      },
      fixAvailable: 'YES',
      exploitAvailable: finding.exploitAvailable ?? (finding.kev ? 'YES' : 'NO'),
      exploitabilityDetails: finding.kev
        ? { lastKnownExploitAt: toEpochSeconds(finding.kev.dateAdded) }
        : undefined,
      epss: finding.epss === undefined ? undefined : { score: finding.epss }
    })
  }

  function toWireDetail(finding) {
    return toWire({
      findingArn: finding.arn,
      cisaData: finding.kev
        ? {
            dateAdded: toEpochSeconds(finding.kev.dateAdded),
            dateDue: toEpochSeconds(finding.kev.dateDue),
            action: finding.kev.action
          }
        : undefined,
      exploitObserved: finding.exploitObserved
        ? {
            firstSeen: toEpochSeconds(finding.exploitObserved.firstSeen),
            lastSeen: toEpochSeconds(finding.exploitObserved.lastSeen)
          }
        : undefined,
      epssScore: finding.epss,
      riskScore: finding.kev ? 90 : 30,
      cwes: ['CWE-787'],
      referenceUrls: [
        `https://nvd.nist.gov/vuln/detail/${finding.vulnerabilityId ?? 'CVE-2024-0001'}`
      ],
      evidences: finding.kev
        ? [{ evidenceRule: 'CISA_KEV', evidenceDetail: 'Listed in CISA KEV', severity: 'HIGH' }]
        : undefined
    })
  }

  function matches(criteria, finding) {
    return (
      matchesStrings(criteria.findingArn, finding.arn) &&
      matchesStrings(criteria.awsAccountId, finding.registry) &&
      matchesStrings(criteria.ecrImageRepositoryName, finding.repository) &&
      matchesStrings(criteria.ecrImageHash, finding.digest) &&
      matchesStrings(criteria.ecrImageRegistry, finding.registry)
    )
  }

  function listFindings(body) {
    const maxResults = body.maxResults ?? DEFAULT_MAX_RESULTS
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS_LIMIT) {
      throw validation(`maxResults must be between 1 and ${MAX_RESULTS_LIMIT}`, [
        { name: 'maxResults', message: `Must be between 1 and ${MAX_RESULTS_LIMIT}` }
      ])
    }
    let state
    if (body.nextToken !== undefined) {
      state = issuedTokens.get(body.nextToken)
      if (!state) throw validation('The provided nextToken is invalid.')
      issuedTokens.delete(body.nextToken)
    } else {
      const criteria = body.filterCriteria ?? {}
      // A misbehaving (or unfiltered) answer, to prove callers match findings themselves.
      const matching = scenario.ignoreFilters
        ? findings
        : findings.filter(finding => matches(criteria, finding))
      state = { matching, offset: 0 }
    }
    const page = state.matching.slice(state.offset, state.offset + maxResults)
    const offset = state.offset + page.length
    let nextToken
    if (offset < state.matching.length) {
      nextToken = Buffer.from(`${randomUUID()}:${offset}`).toString('base64')
      issuedTokens.set(nextToken, { matching: state.matching, offset })
    }
    return { findings: page.map(toWireFinding), nextToken }
  }

  function batchGetFindingDetails(body) {
    const arns = body.findingArns
    if (!Array.isArray(arns) || arns.length < 1 || arns.length > DETAILS_LIMIT) {
      throw validation(`findingArns must have between 1 and ${DETAILS_LIMIT} items`, [
        { name: 'findingArns', message: `Member must have length between 1 and ${DETAILS_LIMIT}` }
      ])
    }
    const findingDetails = []
    const errors = []
    for (const arn of arns) {
      const finding = byArn.get(arn)
      if (finding?.detailsUnanswered) continue
      if (finding) findingDetails.push(toWireDetail(finding))
      else {
        errors.push({
          findingArn: arn,
          errorCode: 'FINDING_DETAILS_NOT_FOUND',
          errorMessage: 'Finding details not found.'
        })
      }
    }
    return { findingDetails, errors }
  }

  const operations = {
    ListFindings: listFindings,
    BatchGetFindingDetails: batchGetFindingDetails
  }

  function injectedFault(operation) {
    const fault = faults.find(
      candidate => candidate.left > 0 && (!candidate.operation || candidate.operation === operation)
    )
    if (!fault) return undefined
    fault.left -= 1
    return new InspectorError(
      fault.type,
      fault.message ?? defaultFaultMessage(fault.type, operation, account, region),
      fault.status
    )
  }

  function reply(response, status, payload, errorType) {
    const headers = { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID() }
    if (errorType) headers['x-amzn-errortype'] = errorType
    response.writeHead(status, headers)
    response.end(JSON.stringify(payload))
  }

  const server = createServer((request, response) => {
    const chunks = []
    request.on('data', chunk => chunks.push(chunk))
    request.on('end', () => {
      const path = (request.url ?? '').split('?')[0]
      const operation = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined
      const body = parseBody(Buffer.concat(chunks).toString('utf8'))
      requests.push({ operation: operation ?? path, body, headers: { ...request.headers } })
      try {
        if (request.method !== 'POST' || !operation) {
          throw new InspectorError(
            'UnknownOperationException',
            `No route for ${request.method} ${path}`
          )
        }
        calls[operation] += 1
        // SigV4 is not verified, but an unsigned request is refused as AWS refuses it.
        if (
          !String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 Credential=')
        ) {
          throw new InspectorError(
            'MissingAuthenticationTokenException',
            'Missing Authentication Token'
          )
        }
        if (body === undefined) throw validation('Could not parse the request body as JSON.')
        const fault = injectedFault(operation)
        if (fault) throw fault
        reply(response, 200, toWire(operations[operation](body)))
      } catch (error) {
        const failure =
          error instanceof InspectorError
            ? error
            : new InspectorError('InternalServerException', String(error))
        reply(
          response,
          failure.status,
          { message: failure.message, ...failure.extra },
          failure.type
        )
      }
    })
  })

  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())

  return {
    url: `http://127.0.0.1:${port}`,
    accountId: account,
    region,
    arns: findings.map(finding => finding.arn),
    calls,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close(error => (error ? reject(error) : resolve()))
      })
  }
}
