import { posix } from 'node:path'
import {
  type BaselineReference,
  parseBaselineReference,
  parseImageReferences
} from '../model/image-reference.js'
import type { EnrichMode } from '../core/ports.js'
import type { ImageTarget } from '../model/image.js'
import type { Thresholds } from '../policy/policy.js'
import {
  RANKED_SEVERITIES,
  type RankedSeverity,
  SEVERITIES,
  type Severity
} from '../model/severity.js'
import { COMMENT_MAX_ROWS } from '../report/limits.js'

/** Every input name, typed once: action.yml and the README document the same list. */
export const INPUT = {
  repository: 'repository',
  imageTag: 'image-tag',
  imageDigest: 'image-digest',
  registryId: 'registry-id',
  region: 'region',
  timeout: 'timeout',
  startScan: 'start-scan',
  scanFailure: 'scan-failure',
  failOn: 'fail-on',
  maxFindings: 'max-findings',
  ignoreFile: 'ignore-file',
  ignore: 'ignore',
  onlyFixable: 'only-fixable',
  minCvss: 'min-cvss',
  failOnExploit: 'fail-on-exploit',
  jsonReport: 'json-report',
  sarifReport: 'sarif-report',
  dockerfile: 'dockerfile',
  comment: 'comment',
  commentKey: 'comment-key',
  commentMaxRows: 'comment-max-rows',
  prNumber: 'pr-number',
  githubToken: 'github-token',
  images: 'images',
  maxConcurrency: 'max-concurrency',
  baseline: 'baseline',
  onlyNew: 'only-new',
  settleInterval: 'settle-interval',
  enrich: 'enrich',
  failOnKev: 'fail-on-kev',
  minEpss: 'min-epss'
} as const

const DEFAULT_IGNORE_FILE = '.github/ecr-scan-ignore.yml'
const DEFAULT_TIMEOUT = '10m'
/**
 * Enhanced scan findings can still be arriving when the status settles: they are read again this
 * long after the first read, until two reads agree. 15 s is the longest poll interval, long
 * enough for Inspector to publish a batch already under way, and short next to an enhanced scan.
 */
const DEFAULT_SETTLE_INTERVAL = '15s'
/** ECR allows a few DescribeImageScanFindings calls a second; the SDK's retries absorb bursts. */
const DEFAULT_MAX_CONCURRENCY = 5

export type ScanFailureMode = 'fail' | 'warn'
export type CommentMode = 'always' | 'on-failure' | 'never'

export interface Config {
  /** Every image to judge, from `images` or from `repository` with `image-tag` / `image-digest`. */
  images: ImageTarget[]
  /** How many images are waited on and read at once. */
  maxConcurrency: number
  /** The image each one is compared with; findings it also has are not new. */
  baseline?: BaselineReference
  /** Thresholds judge only findings the baseline does not have. */
  onlyNew: boolean
  timeoutMs: number
  /** 0 turns the second read of enhanced findings off. */
  settleIntervalMs: number
  startScan: boolean
  scanFailure: ScanFailureMode
  thresholds: Thresholds
  /** `explicit` is false for the default path, whose absence simply means no rules. */
  ignoreFile: { path: string; explicit: boolean }
  ignoreInline?: string
  onlyFixable: boolean
  minCvss?: number
  /** EPSS and CISA KEV data from Amazon Inspector for enhanced scans (`enrich: inspector`). */
  enrich: EnrichMode
  /** Judge only findings with an EPSS at least this (0–1); needs `enrich: inspector`. */
  minEpss?: number
  jsonReport?: string
  sarifReport?: string
  dockerfile: string
  comment: CommentMode
  commentKey?: string
  /** Rows the PR comment's "What fails the check" and "How to fix" list at most. */
  commentMaxRows: number
  prNumber?: number
  githubToken?: string
}

/** An input the user must fix; the message names the input and what it accepts. */
export class InputError extends Error {
  override name = 'InputError'
}

export type InputReader = (name: string) => string

// ECR's own naming rules (CreateRepository), so a typo fails here rather than at the API.
const REPOSITORY_PATTERN = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,299}$/
const DIGEST_PATTERN = /^sha256:[a-f0-9]{64}$/
const REGISTRY_ID_PATTERN = /^[0-9]{12}$/
const REGION_PATTERN = /^[a-z]{2,4}(?:-[a-z]+)+-\d+$/
export { DIGEST_PATTERN, REGION_PATTERN, REGISTRY_ID_PATTERN, REPOSITORY_PATTERN, TAG_PATTERN }
// The key goes into the comment's hidden marker, which has a fixed budget in the comment.
const COMMENT_KEY_PATTERN = /^[^\r\n]{1,100}$/
const DURATION_PART = /(\d+)(h|m|s)/g

function optional(read: InputReader, name: string): string | undefined {
  const value = read(name).trim()
  return value === '' ? undefined : value
}

/** As written, leading blank lines included, so rule problems name the lines the workflow shows. */
function inlineRules(read: InputReader): string | undefined {
  const text = read(INPUT.ignore)
  return text.trim() === '' ? undefined : text
}

function matching(
  read: InputReader,
  name: string,
  pattern: RegExp,
  expected: string
): string | undefined {
  const value = optional(read, name)
  if (value !== undefined && !pattern.test(value)) {
    throw new InputError(`Invalid input '${name}': '${value}' is not ${expected}.`)
  }
  return value
}

function oneOf<T extends string>(
  read: InputReader,
  name: string,
  allowed: readonly T[],
  fallback: T
): T {
  const value = optional(read, name)
  if (value === undefined) return fallback
  const match = allowed.find(option => option.toLowerCase() === value.toLowerCase())
  if (!match) {
    throw new InputError(
      `Invalid input '${name}': '${value}'. Possible options are: ${allowed.join(', ')}.`
    )
  }
  return match
}

/** YAML 1.2 core booleans only, as core.getBooleanInput accepts: anything else is a mistake. */
function boolean(read: InputReader, name: string, fallback: boolean): boolean {
  const value = optional(read, name)
  if (value === undefined) return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(`Invalid input '${name}': '${value}'. Use true or false.`)
}

/** Plain seconds (`600`) or units (`30s`, `10m`, `1h`, `1m30s`). */
export function parseDuration(text: string, name: string): number {
  const value = text.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const parts = [...value.matchAll(DURATION_PART)]
  const covered = parts.map(part => part[0]).join('')
  if (parts.length === 0 || covered !== value) {
    throw new InputError(
      `Invalid input '${name}': '${text}'. Use seconds (600) or a duration like 30s, 10m, 1h30m.`
    )
  }
  const unitMs = { h: 3_600_000, m: 60_000, s: 1000 }
  return parts.reduce(
    (total, [, amount, unit]) => total + Number(amount) * unitMs[unit as 'h' | 'm' | 's'],
    0
  )
}

function positiveDuration(read: InputReader, name: string, fallback: string): number {
  const ms = parseDuration(optional(read, name) ?? fallback, name)
  if (ms <= 0) throw new InputError(`Invalid input '${name}': it must be longer than zero.`)
  return ms
}

/** `CRITICAL=0, HIGH=5` (commas or new lines; `=` or `:`), severity names in any case. */
export function parseMaxFindings(text: string | undefined): Partial<Record<Severity, number>> {
  const limits: Partial<Record<Severity, number>> = {}
  for (const entry of (text ?? '')
    .split(/[,\n]/)
    .map(part => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z_]+)\s*[=:]\s*(\S+)$/.exec(entry)
    const severity = match?.[1]?.toUpperCase()
    if (!match || !severity || !(SEVERITIES as readonly string[]).includes(severity)) {
      throw new InputError(
        `Invalid input '${INPUT.maxFindings}': '${entry}'. Write SEVERITY=COUNT with SEVERITY one of ${SEVERITIES.join(', ')}, e.g. CRITICAL=0, HIGH=5.`
      )
    }
    const count = match[2] ?? ''
    if (!/^\d+$/.test(count)) {
      throw new InputError(
        `Invalid input '${INPUT.maxFindings}': the count for ${severity} must be a whole number of 0 or more, got '${count}'.`
      )
    }
    if (limits[severity as Severity] !== undefined) {
      throw new InputError(
        `Invalid input '${INPUT.maxFindings}': ${severity} is given twice. Keep one limit per severity.`
      )
    }
    limits[severity as Severity] = Number(count)
  }
  return limits
}

function failOn(read: InputReader): RankedSeverity | undefined {
  const choice = oneOf(read, INPUT.failOn, [...RANKED_SEVERITIES, 'NONE'] as const, 'HIGH')
  return choice === 'NONE' ? undefined : choice
}

function minCvss(read: InputReader): number | undefined {
  const value = optional(read, INPUT.minCvss)
  if (value === undefined) return undefined
  const score = Number(value)
  if (!Number.isFinite(score) || score < 0 || score > 10) {
    throw new InputError(
      `Invalid input '${INPUT.minCvss}': '${value}'. Use a CVSS score from 0 to 10, e.g. 7.0.`
    )
  }
  return score
}

function minEpss(read: InputReader): number | undefined {
  const value = optional(read, INPUT.minEpss)
  if (value === undefined) return undefined
  const score = Number(value)
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) || !Number.isFinite(score) || score > 1) {
    throw new InputError(
      `Invalid input '${INPUT.minEpss}': '${value}'. Use an EPSS probability from 0 to 1, e.g. 0.1 for a 10% chance of exploitation in the next 30 days.`
    )
  }
  return score
}

/** `fail-on-kev` and `min-epss` judge by data only `enrich: inspector` fetches: alone they would do nothing. */
function requireEnrichment(config: Config): void {
  if (config.enrich === 'inspector') return
  const needing = [
    ...(config.thresholds.failOnKev ? [`'${INPUT.failOnKev}: true'`] : []),
    ...(config.minEpss !== undefined ? [`'${INPUT.minEpss}'`] : [])
  ]
  if (needing.length === 0) return
  throw new InputError(
    `${needing.join(' and ')} need${needing.length === 1 ? 's' : ''} EPSS and KEV data from Amazon Inspector: set the '${INPUT.enrich}' input to 'inspector' (enhanced scanning only), or remove ${needing.length === 1 ? 'it' : 'them'}.`
  )
}

function prNumber(read: InputReader): number | undefined {
  const value = optional(read, INPUT.prNumber)
  if (value === undefined) return undefined
  if (!/^[1-9]\d*$/.test(value)) {
    throw new InputError(
      `Invalid input '${INPUT.prNumber}': '${value}'. Use the pull request's number, e.g. 42.`
    )
  }
  return Number(value)
}

/** Where readConfig's inputs come from, for advice that differs beyond the names (see flagWording). */
export interface ReadOptions {
  /** `cli`: the region comes from --region or the shell, not from configure-aws-credentials. */
  surface?: 'action' | 'cli'
}

function region(
  read: InputReader,
  env: Record<string, string | undefined>,
  options: ReadOptions
): string {
  const value = matching(read, INPUT.region, REGION_PATTERN, 'an AWS region such as us-east-1')
  // `||`, not `??`: an empty AWS_REGION must not hide AWS_DEFAULT_REGION.
  const fromEnv = env.AWS_REGION?.trim() ? 'AWS_REGION' : 'AWS_DEFAULT_REGION'
  const chosen = value || env[fromEnv]?.trim()
  const cli = options.surface === 'cli'
  if (!chosen) {
    throw new InputError(
      cli
        ? 'No AWS region: give --region, or set AWS_REGION or AWS_DEFAULT_REGION in the environment.'
        : `No AWS region: set the '${INPUT.region}' input, or AWS_REGION (aws-actions/configure-aws-credentials sets it from its aws-region input).`
    )
  }
  if (!REGION_PATTERN.test(chosen)) {
    throw new InputError(
      cli
        ? `Invalid ${fromEnv} '${chosen}': expected an AWS region such as us-east-1. Fix ${fromEnv} in the environment, or give --region.`
        : `Invalid ${fromEnv} '${chosen}': expected an AWS region such as us-east-1. Fix the aws-region given to configure-aws-credentials, or set the '${INPUT.region}' input.`
    )
  }
  return chosen
}

function singleImage(
  read: InputReader,
  env: Record<string, string | undefined>,
  options: ReadOptions
): ImageTarget {
  const repository = optional(read, INPUT.repository)
  if (!repository)
    throw new InputError(
      `Input required and not supplied: '${INPUT.repository}' (the ECR repository name, e.g. my-team/web-api), or '${INPUT.images}'.`
    )
  if (
    !REPOSITORY_PATTERN.test(repository) ||
    repository.length > 256 ||
    repository.includes('.dkr.ecr.')
  ) {
    throw new InputError(
      `Invalid input '${INPUT.repository}': '${repository}' is not an ECR repository name (lowercase letters, digits, . _ - and / separators; the name only, not the registry URI; a full URI goes in '${INPUT.images}').`
    )
  }
  const imageTag = matching(read, INPUT.imageTag, TAG_PATTERN, 'a valid image tag')
  const imageDigest = matching(
    read,
    INPUT.imageDigest,
    DIGEST_PATTERN,
    'an image digest (sha256: followed by 64 hex digits)'
  )
  if (!imageTag && !imageDigest) {
    throw new InputError(
      `Set '${INPUT.imageTag}' or '${INPUT.imageDigest}' to say which image to check.`
    )
  }
  const reference = `${repository}${imageTag ? `:${imageTag}` : ''}${imageDigest ? `@${imageDigest}` : ''}`
  return {
    reference,
    region: region(read, env, options),
    query: { repository, imageTag, imageDigest, registryId: registryId(read) }
  }
}

function registryId(read: InputReader): string | undefined {
  return matching(read, INPUT.registryId, REGISTRY_ID_PATTERN, 'a 12-digit AWS account id')
}

/** `images` or the single-image inputs, never both: a mix would leave one of them unjudged. */
function imageTargets(
  read: InputReader,
  env: Record<string, string | undefined>,
  options: ReadOptions
): ImageTarget[] {
  const list = read(INPUT.images)
  if (list.trim() === '') return [singleImage(read, env, options)]
  const single = [INPUT.repository, INPUT.imageTag, INPUT.imageDigest].filter(name =>
    optional(read, name)
  )
  if (single.length > 0) {
    throw new InputError(
      `Set either '${INPUT.images}' or ${single.map(name => `'${name}'`).join(' and ')}, not both: put every image in '${INPUT.images}'.`
    )
  }
  // Only images without a region in their URI need one from the input or the environment.
  let fallbackRegion: string | undefined
  const defaultRegion = () => (fallbackRegion ??= region(read, env, options))
  const defaultRegistry = registryId(read)
  return parseImageReferences(list, INPUT.images).map(spec => ({
    reference: spec.reference,
    region: spec.region ?? defaultRegion(),
    query: {
      repository: spec.repository,
      imageTag: spec.tag,
      imageDigest: spec.digest,
      registryId: spec.registryId ?? defaultRegistry
    }
  }))
}

function positiveInteger(read: InputReader, name: string, fallback: number, max: number): number {
  const value = optional(read, name)
  if (value === undefined) return fallback
  const number = Number(value)
  if (!/^\d+$/.test(value) || number < 1 || number > max) {
    throw new InputError(
      `Invalid input '${name}': '${value}' is not a whole number from 1 to ${max}.`
    )
  }
  return number
}

/** Reads and checks every input; nothing else in the action reads inputs. */
export function readConfig(
  read: InputReader,
  env: Record<string, string | undefined>,
  options: ReadOptions = {}
): Config {
  const config = readInputs(read, env, options)
  requireEnrichment(config)
  return config
}

function readInputs(
  read: InputReader,
  env: Record<string, string | undefined>,
  options: ReadOptions
): Config {
  const ignorePath = optional(read, INPUT.ignoreFile)
  return {
    images: imageTargets(read, env, options),
    maxConcurrency: positiveInteger(read, INPUT.maxConcurrency, DEFAULT_MAX_CONCURRENCY, 50),
    baseline: parseBaselineReference(read(INPUT.baseline), INPUT.baseline),
    onlyNew: boolean(read, INPUT.onlyNew, false),
    timeoutMs: positiveDuration(read, INPUT.timeout, DEFAULT_TIMEOUT),
    settleIntervalMs: parseDuration(
      optional(read, INPUT.settleInterval) ?? DEFAULT_SETTLE_INTERVAL,
      INPUT.settleInterval
    ),
    startScan: boolean(read, INPUT.startScan, false),
    scanFailure: oneOf(read, INPUT.scanFailure, ['fail', 'warn'] as const, 'fail'),
    thresholds: {
      failOn: failOn(read),
      maxCounts: parseMaxFindings(optional(read, INPUT.maxFindings)),
      failOnExploit: boolean(read, INPUT.failOnExploit, false),
      failOnKev: boolean(read, INPUT.failOnKev, false)
    },
    ignoreFile: {
      path: ignorePath ?? DEFAULT_IGNORE_FILE,
      // The runner passes action.yml's default as if it were given, so only another path is explicit.
      explicit:
        ignorePath !== undefined &&
        posix.normalize(ignorePath.replace(/\\/g, '/')) !== DEFAULT_IGNORE_FILE
    },
    ignoreInline: inlineRules(read),
    onlyFixable: boolean(read, INPUT.onlyFixable, false),
    minCvss: minCvss(read),
    enrich: oneOf(read, INPUT.enrich, ['none', 'inspector'] as const, 'none'),
    minEpss: minEpss(read),
    jsonReport: optional(read, INPUT.jsonReport),
    sarifReport: optional(read, INPUT.sarifReport),
    dockerfile: optional(read, INPUT.dockerfile) ?? 'Dockerfile',
    comment: oneOf(read, INPUT.comment, ['always', 'on-failure', 'never'] as const, 'always'),
    commentKey: matching(
      read,
      INPUT.commentKey,
      COMMENT_KEY_PATTERN,
      'a key of at most 100 characters on one line'
    ),
    commentMaxRows: positiveInteger(read, INPUT.commentMaxRows, COMMENT_MAX_ROWS, 100),
    prNumber: prNumber(read),
    githubToken: optional(read, INPUT.githubToken)
  }
}
