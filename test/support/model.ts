import type { Finding } from '../../src/model/findings.js'
import type { ImageRef, ImageTarget } from '../../src/model/image.js'
import { type ImageSpec, parseImageReferences } from '../../src/model/image-reference.js'
import { type Thresholds, evaluatePolicy } from '../../src/policy/policy.js'
import type { IgnoreRule, ReportData, RunResult, ScanInfo } from '../../src/core/results.js'
import { countBySeverity } from '../../src/model/severity.js'
import { type DecisionFilters, triage } from '../../src/policy/triage.js'

/** A normalised finding with neutral defaults; tests override only what they are about. */
export function finding(id: string, extra: Partial<Finding> = {}): Finding {
  return {
    id,
    severity: 'HIGH',
    title: id,
    description: `${id} description`,
    fixAvailable: 'UNKNOWN',
    exploitAvailable: 'UNKNOWN',
    source: 'basic',
    ...extra
  }
}

export interface JudgedOptions {
  rules?: IgnoreRule[]
  filters?: DecisionFilters
  thresholds?: Thresholds
  today?: Date
  image?: ImageRef
  scan?: ScanInfo
}

/** Report data as main.ts gathers it: triage first, then the policy judges what it counted. */
export function judgedReportData(findings: Finding[], options: JudgedOptions = {}): ReportData {
  const thresholds = options.thresholds ?? { failOn: 'HIGH', maxCounts: {}, failOnExploit: false }
  const today = options.today ?? new Date('2026-01-01T00:00:00Z')
  const triaged = triage(
    findings,
    options.rules ?? [],
    options.filters ?? { onlyFixable: false },
    today
  )
  return {
    image: options.image ?? {
      repository: 'team/api',
      digest: `sha256:${'c'.repeat(64)}`,
      region: 'us-east-1'
    },
    scan: options.scan ?? { status: 'COMPLETE', type: 'enhanced' },
    platforms: [],
    findings,
    counts: countBySeverity(findings),
    thresholds,
    triage: triaged,
    verdict: evaluatePolicy(triaged.counted, thresholds),
    actionVersion: '1.4.0'
  }
}

/**
 * What a step asked for when it wrote `reference`, as readConfig makes it: the region and registry
 * of a full registry URI, else the ones the step runs in (`where`).
 */
export function targetOf(
  reference: string,
  where: { region: string; registryId?: string } = { region: 'us-east-1' }
): ImageTarget {
  let spec: ImageSpec | undefined
  try {
    spec = parseImageReferences(reference, 'images')[0]
  } catch {
    spec = undefined
  }
  return {
    reference,
    region: spec?.region ?? where.region,
    query: {
      repository: spec?.repository ?? reference,
      imageTag: spec?.tag,
      imageDigest: spec?.digest,
      registryId: spec?.registryId ?? where.registryId
    }
  }
}

/** A run holding one image, made from the view a renderer takes. */
export function runOf(data: ReportData, reference = 'team/api:v1'): RunResult {
  const base = {
    target: targetOf(reference, data.image),
    image: data.image,
    platforms: data.platforms,
    scan: data.scan
  }
  const run = {
    thresholds: data.thresholds,
    actionVersion: data.actionVersion,
    runUrl: data.runUrl
  }
  if (!data.verdict) {
    return {
      ...run,
      images: [
        { ...base, kind: 'unjudged', problem: { kind: 'scan-ended', message: data.problem ?? '' } }
      ]
    }
  }
  return {
    ...run,
    images: [
      {
        ...base,
        kind: 'judged',
        findings: data.findings,
        counts: data.counts,
        triage: data.triage,
        verdict: data.verdict,
        baseline: data.baseline
      }
    ]
  }
}
