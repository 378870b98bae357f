/**
 * What each ECR scan status means for the action. Documented in the README's status table;
 * keep the two in step.
 */
export type StatusOutcome =
  /** The scan has not settled: poll again. */
  | { kind: 'wait' }
  /** Findings are final (or, for continuous scanning, current): read and judge them. */
  | { kind: 'read'; stale: boolean }
  /** Nothing trustworthy to judge. */
  | { kind: 'terminal'; fix: string }

const TERMINAL_FIXES: Record<string, string> = {
  FAILED:
    'Scanning failed for this image; push it again or start a new scan, and check the image is a valid container image.',
  UNSUPPORTED_IMAGE:
    "The image's operating system or media type is not supported by this scan type; see the ECR docs on supported operating systems, or switch to enhanced scanning.",
  FINDINGS_UNAVAILABLE:
    'Findings are no longer available (the image may have left the continuous-scan window); rescan the image or push a fresh one.',
  LIMIT_EXCEEDED:
    'The scan limit for this image or account was reached; wait before rescanning or ask AWS for a higher quota.',
  IMAGE_ARCHIVED: 'The image is archived and is not scanned; restore it or scan a current image.'
}

export const TERMINAL_STATUSES = Object.keys(TERMINAL_FIXES)

export function classifyStatus(status: string | undefined): StatusOutcome {
  switch (status) {
    case 'PENDING':
    case 'IN_PROGRESS':
      return { kind: 'wait' }
    case 'COMPLETE':
    case 'ACTIVE':
      return { kind: 'read', stale: false }
    case 'SCAN_ELIGIBILITY_EXPIRED':
      return { kind: 'read', stale: true }
  }
  const fix = status ? TERMINAL_FIXES[status] : undefined
  return {
    kind: 'terminal',
    fix:
      fix ??
      `ECR reported a scan status this action does not know (${status ?? 'none'}); check the scan in the ECR console and report it if it should be supported.`
  }
}

/** SCAN_ELIGIBILITY_EXPIRED with nothing kept: there is no scan result to judge. */
export function expiredWithoutFindingsFix(): string {
  return 'Scan eligibility expired and ECR kept no findings for this image, so there is nothing to judge; push the image again (or start a scan) to rescan it.'
}

export const SCANNING_DOCS =
  'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html'

/** A registry's scanning configuration and the repository's own scan-on-push flag, as ECR gives them. */
export interface ScanningConfiguration {
  /** The registry the configuration belongs to (GetRegistryScanningConfiguration answers for the caller's). */
  registryId?: string
  /** 'BASIC' or 'ENHANCED'; anything else is not understood here. */
  scanType?: string
  rules: { scanFrequency?: string; filters: { filter?: string; filterType?: string }[] }[]
  /** DescribeRepositories' imageScanningConfiguration.scanOnPush (basic scanning only). */
  repositoryScanOnPush?: boolean
}

/** Whether anything will ever scan an image of the repository without this action starting it. */
export type ScanningCoverage =
  | { kind: 'will-scan' }
  | { kind: 'never'; message: string }
  /** The configuration could not be read or understood: keep waiting, and say why. */
  | { kind: 'unknown'; message: string }

/**
 * ECR's wildcard filters: without a `*` a filter matches every repository name containing it;
 * with one, each `*` stands for any sequence (also empty) and the rest must match the whole name.
 */
export function filterMatches(filter: string, repository: string): boolean {
  if (!filter.includes('*')) return repository.includes(filter)
  const pattern = filter
    .split('*')
    .map(part => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${pattern}$`, 's').test(repository)
}

const SCAN_TYPES = ['BASIC', 'ENHANCED']

/**
 * Reads a registry scanning configuration for one repository. Errs towards "will scan": only a
 * configuration understood in full, with no rule for the repository, means "never". MANUAL
 * means never automatically; any other frequency (even one this action does not know) may scan.
 */
export function scanningCoverage(
  config: ScanningConfiguration,
  repository: string,
  registryId?: string
): ScanningCoverage {
  const waiting = `ECR has no scan for ${repository} yet`
  if (registryId && config.registryId && registryId !== config.registryId) {
    return {
      kind: 'unknown',
      message: `${waiting}, and registry ${registryId}'s scanning configuration cannot be read from account ${config.registryId}: waiting for the scan.`
    }
  }
  if (!config.scanType || !SCAN_TYPES.includes(config.scanType)) {
    return {
      kind: 'unknown',
      message: `${waiting}, and the registry's scan type (${config.scanType ?? 'none'}) is not one this action knows: waiting for the scan.`
    }
  }
  const automatic = config.rules.some(
    rule =>
      rule.scanFrequency !== 'MANUAL' &&
      (rule.filters.length === 0 ||
        rule.filters.some(
          entry =>
            entry.filter === undefined ||
            (entry.filterType !== undefined && entry.filterType !== 'WILDCARD') ||
            filterMatches(entry.filter, repository)
        ))
  )
  if (automatic) return { kind: 'will-scan' }
  // The repository's own flag only counts under basic scanning; enhanced scanning ignores it.
  if (config.scanType === 'BASIC' && config.repositoryScanOnPush) return { kind: 'will-scan' }
  const message =
    config.scanType === 'ENHANCED'
      ? `Repository ${repository} is not scanned: enhanced scanning is on and no registry scanning rule (scan on push or continuous) matches it. Add a scanning rule that matches it (${SCANNING_DOCS}); start-scan cannot start enhanced scans.`
      : `Repository ${repository} is not scanned: no registry scanning rule matches it and scan on push is off. Add a scanning rule or enable scan on push (${SCANNING_DOCS}), or set start-scan: true.`
  return { kind: 'never', message }
}
