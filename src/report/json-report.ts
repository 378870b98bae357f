import type {
  ExploitAvailability,
  Finding,
  FindingSource,
  FixAvailability
} from '../model/findings.js'
import { formatImage } from '../model/image.js'
import { type Breach, describeBreach } from '../policy/policy.js'
import type { FilterResult, IgnoreRule, ReportData, ScanType } from '../core/results.js'
import {
  type RankedSeverity,
  type Severity,
  type SeverityCounts,
  SEVERITIES,
  countBySeverity
} from '../model/severity.js'
import { dispositionOf } from '../policy/triage.js'

/** Bumped only when a field changes meaning or goes away; new fields keep the version. */
export const JSON_REPORT_VERSION = 1

// Absent values are null rather than missing, so every documented key is always there.

export interface JsonIgnoreRule {
  id: string
  package: string | null
  reason: string
  expires: string | null
  origin: string
}

export interface JsonFinding {
  id: string
  severity: Severity
  title: string
  description: string
  link: string | null
  packageName: string | null
  installedVersion: string | null
  fixedInVersion: string | null
  cvssScore: number | null
  fixAvailable: FixAvailability
  exploitAvailable: ExploitAvailability
  source: FindingSource
  /** counted: judged by the policy; ignored: matched an ignore rule; set-aside: by a filter. */
  disposition: 'counted' | 'ignored' | 'set-aside'
  ignoredBy: JsonIgnoreRule | null
}

export interface JsonBreach {
  rule: Breach['rule']
  severity: Severity | null
  count: number
  limit: number | null
  /** For fail-on: severities at or above it that max-findings limits instead, not in `count`. */
  exempt: Severity[]
  description: string
}

/** The shape of the `json-report` file; docs/policy.md documents each field. */
export interface JsonReport {
  reportVersion: typeof JSON_REPORT_VERSION
  tool: { name: 'ecr-scan-findings'; version: string }
  image: {
    reference: string
    repository: string
    digest: string
    tag: string | null
    registryId: string | null
    region: string
  }
  scan: {
    status: string
    description: string | null
    type: ScanType
    completedAt: string | null
    vulnerabilitySourceUpdatedAt: string | null
  }
  thresholds: {
    failOn: RankedSeverity | null
    maxCounts: Partial<Record<Severity, number>>
    failOnExploit: boolean
  }
  /** null when the scan ended without findings to judge; `problem` then says why. */
  verdict: { passed: boolean; breaches: JsonBreach[] } | null
  problem: string | null
  counts: {
    total: number
    bySeverity: SeverityCounts
    counted: SeverityCounts
    ignored: number
    setAside: number
  }
  filters: FilterResult[]
  rules: { expired: JsonIgnoreRule[]; stale: JsonIgnoreRule[] }
  findings: JsonFinding[]
  runUrl: string | null
}

function jsonRule(rule: IgnoreRule): JsonIgnoreRule {
  return {
    id: rule.id,
    package: rule.package ?? null,
    reason: rule.reason,
    expires: rule.expires ?? null,
    origin: rule.origin
  }
}

function jsonBreach(breach: Breach): JsonBreach {
  return {
    rule: breach.rule,
    severity: 'severity' in breach ? breach.severity : null,
    count: breach.count,
    limit: 'limit' in breach ? breach.limit : null,
    exempt: 'exempt' in breach ? breach.exempt : [],
    description: describeBreach(breach)
  }
}

function definedLimits(
  maxCounts: Partial<Record<Severity, number>>
): Partial<Record<Severity, number>> {
  const limits: Partial<Record<Severity, number>> = {}
  for (const severity of SEVERITIES) {
    const limit = maxCounts[severity]
    if (limit !== undefined) limits[severity] = limit
  }
  return limits
}

export function buildJsonReport(data: ReportData): JsonReport {
  const disposition = dispositionOf(data.triage)
  const findings = data.findings.map((finding: Finding): JsonFinding => {
    const outcome = disposition(finding)
    return {
      id: finding.id,
      severity: finding.severity,
      title: finding.title,
      description: finding.description,
      link: finding.link ?? null,
      packageName: finding.packageName ?? null,
      installedVersion: finding.installedVersion ?? null,
      fixedInVersion: finding.fixedInVersion ?? null,
      cvssScore: finding.cvssScore ?? null,
      fixAvailable: finding.fixAvailable,
      exploitAvailable: finding.exploitAvailable,
      source: finding.source,
      disposition: outcome.kind,
      ignoredBy: outcome.kind === 'ignored' ? jsonRule(outcome.rule) : null
    }
  })
  const { image, scan, thresholds, triage, verdict } = data
  return {
    reportVersion: JSON_REPORT_VERSION,
    tool: { name: 'ecr-scan-findings', version: data.actionVersion },
    image: {
      reference: formatImage(image),
      repository: image.repository,
      digest: image.digest,
      tag: image.tag ?? null,
      registryId: image.registryId ?? null,
      region: image.region
    },
    scan: {
      status: scan.status,
      description: scan.description ?? null,
      type: scan.type,
      completedAt: scan.completedAt?.toISOString() ?? null,
      vulnerabilitySourceUpdatedAt: scan.vulnerabilitySourceUpdatedAt?.toISOString() ?? null
    },
    thresholds: {
      failOn: thresholds.failOn ?? null,
      maxCounts: definedLimits(thresholds.maxCounts),
      failOnExploit: thresholds.failOnExploit
    },
    verdict: verdict
      ? { passed: verdict.passed, breaches: verdict.breaches.map(jsonBreach) }
      : null,
    problem: data.problem ?? null,
    counts: {
      total: Object.values(data.counts).reduce((sum, count) => sum + count, 0),
      bySeverity: { ...data.counts },
      counted: countBySeverity(triage.counted),
      ignored: triage.ignored.length,
      setAside: triage.filters.reduce((sum, filter) => sum + filter.setAside, 0)
    },
    filters: triage.filters.map(filter => ({ ...filter })),
    rules: { expired: triage.expiredRules.map(jsonRule), stale: triage.staleRules.map(jsonRule) },
    findings,
    runUrl: data.runUrl ?? null
  }
}

/** Two-space indented with a final newline, so the file diffs and reads well. */
export function serializeJsonReport(report: JsonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
