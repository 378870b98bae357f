import type { EnhancedImageScanFinding, ImageScanFinding } from '@aws-sdk/client-ecr'

export interface FindingsOptions {
  /** Same seed, same findings. Default: a fixed seed. */
  seed?: number
  /**
   * Exact counts for these severities, e.g. { CRITICAL: 3, HIGH: 10 }; the rest of `count` is drawn
   * from a realistic default mix. Throws a RangeError when the counts add up to more than `count`.
   */
  severities?: Record<string, number>
  /** Let the default mix draw UNDEFINED (basic) or UNTRIAGED (enhanced) findings too. */
  includeUnranked?: boolean
}

export interface EnhancedFindingsOptions extends FindingsOptions {
  /** Default '123456789012'. */
  accountId?: string
  /** Default 'us-east-1'. */
  region?: string
  /** Default 'demo/web-api'. */
  repository?: string
  /** Default: a fixed sha256 digest. */
  digest?: string
}

/**
 * `count` basic-scan findings with unique CVE ids, Debian bookworm packages and CVSS3 scores that
 * match their severity (none for INFORMATIONAL and UNDEFINED), in a seeded order.
 */
export function basicFindings(count: number, options?: FindingsOptions): ImageScanFinding[]

/**
 * `count` Inspector findings: OS and language packages, fix and exploit availability, CVSS details
 * and the ECR image resource; timestamps are Dates.
 */
export function enhancedFindings(
  count: number,
  options?: EnhancedFindingsOptions
): EnhancedImageScanFinding[]

export interface HostileText {
  html: string
  closesTable: string
  opensDetails: string
  mention: string
  scriptLink: string
  backticks: string
  pipes: string
  newlines: string
  /** Exactly 5,000 characters. */
  long: string
  nonAscii: string
}

/** Payloads a renderer must neutralise, by what each one tries to do. */
export const HOSTILE_TEXT: HostileText

/** A finding whose every text field carries the HOSTILE_TEXT payloads. */
export function hostileFinding(source?: 'basic'): ImageScanFinding
export function hostileFinding(source: 'enhanced'): EnhancedImageScanFinding
