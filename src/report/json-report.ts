import type {
  ExploitAvailability,
  Finding,
  FindingSource,
  FixAvailability
} from '../model/findings.js'
import { formatImage } from '../model/image.js'
import { type Breach, describeBreach } from '../policy/policy.js'
import {
  type FilterResult,
  type IgnoreRule,
  type ReportData,
  type RunResult,
  type ScanType,
  imageReport
} from '../core/results.js'
import { type Change, changeOf } from '../policy/baseline.js'
import {
  type RankedSeverity,
  type Severity,
  type SeverityCounts,
  SEVERITIES,
  countBySeverity,
  totalOf
} from '../model/severity.js'
import { dispositionOf } from '../policy/triage.js'

/**
 * Bumped only when a field changes meaning or goes away; new fields keep the version. Version 2
 * holds every image of the run in `images`; version 1 was one image at the top level.
 */
export const JSON_REPORT_VERSION = 2

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
  /** For an image index: each platform with the finding, and its installed version there. */
  platforms: { platform: string; installedVersion: string | null }[] | null
  /** Against the baseline: new or unchanged; null without one. */
  change: Change | null
  /** EPSS probability (0–1) from Amazon Inspector (`enrich: inspector`); null without one. */
  epss: number | null
  /** On CISA's Known Exploited Vulnerabilities list (`enrich: inspector`); null otherwise. */
  kev: { dateAdded: string | null; dueDate: string | null } | null
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
  thresholds: {
    failOn: RankedSeverity | null
    maxCounts: Partial<Record<Severity, number>>
    failOnExploit: boolean
    failOnKev: boolean
  }
  /**
   * null when any image has no verdict (the run as a whole is not judged, even if another image
   * failed); otherwise true when every image passed, false when one failed.
   */
  passed: boolean | null
  images: JsonImageReport[]
  runUrl: string | null
}

/** One image of the run: what it resolved to, its scan, verdict, counts and findings. */
export interface JsonImageReport {
  /** The reference as the user gave it. */
  input: string
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
  /** The platform images of an index, with their own status and counts; empty otherwise. */
  platforms: {
    platform: string
    digest: string
    status: string
    bySeverity: SeverityCounts | null
    problem: string | null
  }[]
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
  baseline: {
    reference: string
    digest: string
    new: number
    unchanged: number
    fixed: { id: string; packageName: string | null; severity: Severity }[]
  } | null
  filters: FilterResult[]
  rules: { expired: JsonIgnoreRule[]; stale: JsonIgnoreRule[] }
  findings: JsonFinding[]
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

export function jsonImage(data: ReportData, input: string): JsonImageReport {
  const disposition = dispositionOf(data.triage)
  const { baseline } = data
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
      ignoredBy: outcome.kind === 'ignored' ? jsonRule(outcome.rule) : null,
      platforms:
        finding.platforms?.map(entry => ({
          platform: entry.platform,
          installedVersion: entry.installedVersion ?? null
        })) ?? null,
      change: baseline ? changeOf(baseline, finding) : null,
      epss: finding.epss ?? null,
      kev: finding.kev
        ? { dateAdded: finding.kev.dateAdded ?? null, dueDate: finding.kev.dueDate ?? null }
        : null
    }
  })
  const { image, scan, triage, verdict } = data
  return {
    input,
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
    platforms: data.platforms.flatMap(platform =>
      platform.platform
        ? [
            {
              platform: platform.platform,
              digest: platform.digest,
              status: platform.scan.status,
              bySeverity: platform.counts ? { ...platform.counts } : null,
              problem: platform.problem?.message ?? null
            }
          ]
        : []
    ),
    verdict: verdict
      ? { passed: verdict.passed, breaches: verdict.breaches.map(jsonBreach) }
      : null,
    problem: data.problem ?? null,
    counts: {
      total: totalOf(data.counts),
      bySeverity: { ...data.counts },
      counted: countBySeverity(triage.counted),
      ignored: triage.ignored.length,
      setAside: triage.filters.reduce((sum, filter) => sum + filter.setAside, 0)
    },
    baseline: baseline
      ? {
          reference: baseline.reference,
          digest: baseline.digest,
          new: baseline.newCount,
          unchanged: baseline.unchangedCount,
          fixed: baseline.fixed.map(finding => ({
            id: finding.id,
            packageName: finding.packageName ?? null,
            severity: finding.severity
          }))
        }
      : null,
    filters: triage.filters.map(filter => ({ ...filter })),
    rules: { expired: triage.expiredRules.map(jsonRule), stale: triage.staleRules.map(jsonRule) },
    findings
  }
}

/** The whole run: every image, in the order given. */
export function buildJsonReport(run: RunResult): JsonReport {
  const { thresholds } = run
  const judged = run.images.every(image => image.kind === 'judged')
  return {
    reportVersion: JSON_REPORT_VERSION,
    tool: { name: 'ecr-scan-findings', version: run.actionVersion },
    thresholds: {
      failOn: thresholds.failOn ?? null,
      maxCounts: definedLimits(thresholds.maxCounts),
      failOnExploit: thresholds.failOnExploit,
      failOnKev: thresholds.failOnKev ?? false
    },
    passed: judged
      ? run.images.every(image => image.kind === 'judged' && image.verdict.passed)
      : null,
    images: run.images.map(image => jsonImage(imageReport(run, image), image.target.reference)),
    runUrl: run.runUrl ?? null
  }
}

export function serializeJsonReport(report: JsonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
