// EPSS and CISA KEV data from Amazon Inspector for an image's enhanced-scan findings.
// Load lazily (`await import('../aws/inspector.js')`) and only with `enrich: inspector`, so the
// Inspector SDK client stays out of runs that do not use it: nothing else imports this statically.
import {
  BatchGetFindingDetailsCommand,
  type Finding as InspectorFinding,
  type FindingDetail,
  Inspector2Client,
  type ListFindingsRequest,
  paginateListFindings
} from '@aws-sdk/client-inspector2'
import { StandardRetryStrategy } from '@smithy/core/retry'
import {
  type EnrichmentResult,
  type EnrichmentTarget,
  type RiskData,
  validEpss
} from '../core/enrichment.js'
import { errorMessage } from '../model/text.js'
import { MAX_ATTEMPTS, requestHandlerFor } from './ecr.js'

/** ListFindings answers at most 100 findings a call (maxResults 1–100). */
export const LIST_PAGE_SIZE = 100
/** BatchGetFindingDetails takes 1 to 10 finding ARNs a call. */
export const DETAILS_BATCH_SIZE = 10
/** Requests to Inspector in flight at once, pages and batches together. */
const MAX_IN_FLIGHT = 4

export interface InspectorEnricher {
  /** Never throws: failures become `warnings`, and whatever was fetched before them is kept. */
  enrich(target: EnrichmentTarget, signal?: AbortSignal): Promise<EnrichmentResult>
}

type Operation = 'ListFindings' | 'BatchGetFindingDetails'

/** Runs at most `limit` tasks at once, in the order they were asked for. */
function limiter(limit: number) {
  let active = 0
  const waiting: (() => void)[] = []
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>(resolve => waiting.push(resolve))
    else active += 1
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) next()
      else active -= 1
    }
  }
}

function errorName(error: unknown): string {
  const name = error && typeof error === 'object' ? (error as { name?: unknown }).name : undefined
  return typeof name === 'string' ? name : ''
}

const IAM_ACTIONS = 'inspector2:ListFindings and inspector2:BatchGetFindingDetails'

/** One line: what failed, what it means for the run, what to do. */
export function explainInspectorError(
  error: unknown,
  operation: Operation,
  where: { region: string; registryId?: string }
): string {
  const name = errorName(error)
  const detail = errorMessage(error)
  const account = where.registryId ? `account ${where.registryId}` : 'the account'
  const outcome =
    operation === 'ListFindings'
      ? 'no EPSS or KEV data was added; the run goes on with ECR findings alone'
      : 'KEV data is missing for some findings; EPSS from ListFindings is kept'
  switch (name) {
    case 'AccessDeniedException':
      return `Inspector enrichment: access denied to inspector2:${operation} (${detail}); ${outcome}. Grant ${IAM_ACTIONS} (resource "*") to the role, check that Amazon Inspector is activated for ${account} in ${where.region}, or set 'enrich: none'.`
    case 'ThrottlingException':
      return `Inspector enrichment: inspector2:${operation} was still throttled after ${MAX_ATTEMPTS} attempts (${detail}); ${outcome}. Retry the job later or run fewer enriched scans at once.`
    case 'AbortError':
      return `Inspector enrichment: cancelled during inspector2:${operation}; ${outcome}.`
    default:
      return `Inspector enrichment: inspector2:${operation} failed (${name || 'error'}: ${detail}); ${outcome}.`
  }
}

function isoDate(value: Date | undefined): string | undefined {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined
}

/** `arn:aws:inspector2:<region>:<account>:finding/<id>`: region and account, if it parses. */
function arnParts(arn: string): { region: string; account: string } | undefined {
  const parts = arn.split(':')
  return parts.length >= 6 && parts[2] === 'inspector2'
    ? { region: parts[3] ?? '', account: parts[4] ?? '' }
    : undefined
}

export function createInspectorEnricher(region: string): InspectorEnricher {
  const client = new Inspector2Client({
    region,
    retryStrategy: new StandardRetryStrategy(MAX_ATTEMPTS),
    maxAttempts: MAX_ATTEMPTS,
    requestHandler: requestHandlerFor()
  })

  async function enrich(target: EnrichmentTarget, signal?: AbortSignal): Promise<EnrichmentResult> {
    const byArn = new Map<string, RiskData>()
    const warnings: string[] = []
    let calls = 0
    const where = { region, registryId: target.registryId }
    const kevForAll = target.kevLookup === 'all'
    // Same account and region only: an ARN from elsewhere cannot be in this region's answers.
    const wanted = new Set(
      target.findingArns.filter(arn => {
        const parts = arnParts(arn)
        return (
          parts !== undefined &&
          parts.region === region &&
          (!target.registryId || parts.account === target.registryId)
        )
      })
    )
    const unaskable = new Set(target.findingArns).size - wanted.size
    if (unaskable > 0) {
      warnings.push(
        `Inspector enrichment: ${unaskable} of ${new Set(target.findingArns).size} findings have Inspector ARNs outside ${region}${target.registryId ? ` and account ${target.registryId}` : ''}, or no valid ARN: no EPSS or KEV data for them; run the step with credentials for the image's own account and region.`
      )
    }
    const digests = [...new Set(target.imageDigests)]
    if (wanted.size === 0 || digests.length === 0) return { byArn, calls, warnings }

    const run = limiter(MAX_IN_FLIGHT)
    const listed = new Set<string>()
    const pending: string[] = []
    const batches: Promise<void>[] = []
    const detailErrors = new Map<string, number>()
    let detailsFailure: unknown

    function belongsToImage(finding: InspectorFinding, arn: string): boolean {
      if (!wanted.has(arn)) return false
      return (finding.resources ?? []).some(resource => {
        const image = resource.details?.awsEcrContainerImage
        return (
          image !== undefined &&
          image.repositoryName === target.repository &&
          image.imageHash !== undefined &&
          digests.includes(image.imageHash) &&
          (!target.registryId || image.registry === target.registryId)
        )
      })
    }

    function sendBatch(arns: string[]): Promise<void> {
      return run(async () => {
        // After one failure (denied, throttled, the deadline) the rest would fail alike: send no
        // more, and say so, since KEV data is then missing.
        if (signal?.aborted) detailsFailure ??= signal.reason ?? new Error('aborted')
        if (detailsFailure !== undefined) return
        calls += 1
        try {
          const answer = await client.send(
            new BatchGetFindingDetailsCommand({ findingArns: arns }),
            { abortSignal: signal }
          )
          const unanswered = new Set(arns)
          for (const detail of answer.findingDetails ?? []) {
            if (detail.findingArn && unanswered.delete(detail.findingArn)) {
              addDetail(detail.findingArn, detail)
            }
          }
          for (const failure of answer.errors ?? []) {
            if (failure.findingArn) unanswered.delete(failure.findingArn)
            countDetailError(failure.errorCode)
          }
          // An ARN the answer does not mention has no KEV data either: counted, never taken as "not on KEV".
          if (unanswered.size > 0) countDetailError('NO_ANSWER', unanswered.size)
        } catch (error) {
          detailsFailure ??= error
        }
      })
    }

    function addDetail(arn: string, detail: FindingDetail) {
      const risk = byArn.get(arn) ?? {}
      risk.epss ??= validEpss(detail.epssScore)
      if (detail.cisaData && (detail.cisaData.dateAdded || detail.cisaData.action)) {
        risk.kev = {
          dateAdded: isoDate(detail.cisaData.dateAdded),
          dueDate: isoDate(detail.cisaData.dateDue),
          action: detail.cisaData.action
        }
      }
      if (
        detail.exploitObserved &&
        (detail.exploitObserved.firstSeen || detail.exploitObserved.lastSeen)
      ) {
        risk.exploitObserved = {
          firstSeen: isoDate(detail.exploitObserved.firstSeen),
          lastSeen: isoDate(detail.exploitObserved.lastSeen)
        }
      }
      byArn.set(arn, dropUndefined(risk))
    }

    function countDetailError(errorCode = 'UNKNOWN', count = 1) {
      detailErrors.set(errorCode, (detailErrors.get(errorCode) ?? 0) + count)
    }

    function queueDetails(arn: string) {
      pending.push(arn)
      if (pending.length === DETAILS_BATCH_SIZE) batches.push(sendBatch(pending.splice(0)))
    }

    async function listImage(digest: string) {
      const filterCriteria: ListFindingsRequest['filterCriteria'] = {
        ecrImageRepositoryName: [{ comparison: 'EQUALS', value: target.repository }],
        ecrImageHash: [{ comparison: 'EQUALS', value: digest }],
        ...(target.registryId
          ? { ecrImageRegistry: [{ comparison: 'EQUALS', value: target.registryId }] }
          : {})
      }
      const pages = paginateListFindings(
        { client, pageSize: LIST_PAGE_SIZE, stopOnSameToken: true },
        { filterCriteria, maxResults: LIST_PAGE_SIZE },
        { abortSignal: signal }
      )[Symbol.asyncIterator]()
      let more = true
      while (more) {
        // Each next() sends one ListFindings, so it takes a slot; none follows the last page.
        const page = await run(() => {
          calls += 1
          return pages.next()
        })
        if (page.done) return
        more = page.value.nextToken !== undefined && page.value.nextToken !== ''
        for (const finding of page.value.findings ?? []) {
          const arn = finding.findingArn
          if (!arn || listed.has(arn) || !belongsToImage(finding, arn)) continue
          listed.add(arn)
          const epss = validEpss(finding.epss?.score)
          if (epss !== undefined) byArn.set(arn, { epss })
          // BatchGetFindingDetails is the only source of CISA KEV data. For the report, a finding
          // marked exploitAvailable NO is not asked about (an exploited vulnerability has a known
          // exploit); when KEV decides the verdict every finding is, rather than trust that mark.
          if (kevForAll || finding.exploitAvailable !== 'NO') queueDetails(arn)
        }
      }
    }

    let listFailure: string | undefined
    try {
      await Promise.all(digests.map(listImage))
    } catch (error) {
      listFailure = explainInspectorError(error, 'ListFindings', where)
      warnings.push(listFailure)
    }
    if (pending.length > 0 && !listFailure) batches.push(sendBatch(pending.splice(0)))
    await Promise.all(batches)
    if (detailsFailure !== undefined) {
      warnings.push(explainInspectorError(detailsFailure, 'BatchGetFindingDetails', where))
    }
    if (detailErrors.size > 0) {
      const counts = [...detailErrors].map(([code, count]) => `${code} ${count}`).join(', ')
      warnings.push(
        `Inspector enrichment: BatchGetFindingDetails gave no details for some findings (${counts}); those have no KEV data.`
      )
    }
    if (!listFailure && listed.size < wanted.size) {
      warnings.push(
        listed.size === 0
          ? `Inspector enrichment: Inspector listed none of the image's ${wanted.size} findings in ${region}; check that Amazon Inspector is activated there for the registry's account. The run goes on with ECR findings alone.`
          : `Inspector enrichment: ${wanted.size - listed.size} of ${wanted.size} findings were not listed by Inspector (closed or suppressed since the scan?); they have no EPSS or KEV data.`
      )
    }
    return { byArn, calls, warnings }
  }

  return {
    async enrich(target, signal) {
      try {
        return await enrich(target, signal)
      } catch (error) {
        // A bug here must not fail the run: enrichment is an extra.
        return {
          byArn: new Map(),
          calls: 0,
          warnings: [`Inspector enrichment failed unexpectedly (${errorMessage(error)}).`]
        }
      }
    }
  }
}

function dropUndefined(risk: RiskData): RiskData {
  const out: RiskData = {}
  if (risk.epss !== undefined) out.epss = risk.epss
  if (risk.kev) out.kev = risk.kev
  if (risk.exploitObserved) out.exploitObserved = risk.exploitObserved
  return out
}
