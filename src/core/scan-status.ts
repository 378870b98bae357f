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
