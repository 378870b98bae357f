import { printable } from './text.js'
import {
  DIGEST_PATTERN,
  InputError,
  REGION_PATTERN,
  REGISTRY_ID_PATTERN,
  REPOSITORY_PATTERN,
  TAG_PATTERN
} from '../config/inputs.js'

/** One image named by the user, before any AWS call: a tag, a digest, or both. */
export interface ImageSpec {
  repository: string
  tag?: string
  digest?: string
  /** The account id from a full registry URI; absent for `repository:tag`. */
  registryId?: string
  /** The region from a full registry URI; absent for `repository:tag`. */
  region?: string
  /** As the user wrote it (trimmed), for messages. */
  reference: string
}

/**
 * The `baseline` input: a tag or digest alone means the same repository (and registry) as the
 * image under test; anything with a repository is a full spec of its own.
 */
export type BaselineReference =
  | { kind: 'same-repository'; tag: string; reference: string }
  | { kind: 'same-repository'; digest: string; reference: string }
  | { kind: 'image'; image: ImageSpec }

/** Host, repository (256), tag (300) and digest fit well inside this; longer is not a reference. */
export const MAX_REFERENCE_LENGTH = 1024
/** How much of an offending line a message quotes. */
const MAX_REPOSITORY_LENGTH = 256

// Private ECR registry hosts, as AWS documents them: standard and FIPS
// (ACCOUNT.dkr.ecr[-fips].REGION.amazonaws.com), China (… .amazonaws.com.cn) and dual-stack
// (ACCOUNT.dkr-ecr[-fips].REGION.on.aws). The account is checked separately for a clearer message.
const ECR_HOST = /^(\d+)\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$/
const ECR_DUAL_STACK_HOST = /^(\d+)\.dkr-ecr(?:-fips)?\.([a-z0-9-]+)\.on\.aws$/
const ECR_LOOK_ALIKE = /dkr[.-]ecr|amazonaws\.com|\.on\.aws$/
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u
const NOT_ASCII = /[^\x20-\x7e]/u
const OTHER_REGISTRIES: Record<string, string> = {
  'docker.io': 'Docker Hub',
  'index.docker.io': 'Docker Hub',
  'registry-1.docker.io': 'Docker Hub',
  'registry.hub.docker.com': 'Docker Hub',
  'ghcr.io': 'the GitHub Container Registry',
  'public.ecr.aws': 'Amazon ECR Public'
}

/** What is wrong with one reference; the caller adds the input name and the line. */
class ReferenceProblem extends Error {}

function problem(message: string): never {
  throw new ReferenceProblem(message)
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`
}

/** Characters a reader cannot see or tell apart (look-alike letters) are named, not guessed at. */
function checkCharacters(text: string): void {
  if (text.length > MAX_REFERENCE_LENGTH) {
    problem(
      `it is ${text.length} characters long; an image reference has at most ${MAX_REFERENCE_LENGTH}.`
    )
  }
  const chars = Array.from(text)
  const invisible = chars.findIndex(char => INVISIBLE_OR_CONTROL.test(char))
  if (invisible >= 0) {
    problem(
      `it contains the invisible or control character ${codePoint(chars[invisible] ?? '')} at column ${invisible + 1}; remove it.`
    )
  }
  const foreign = chars.findIndex(char => NOT_ASCII.test(char))
  if (foreign >= 0) {
    problem(
      `it contains the non-ASCII character ${codePoint(chars[foreign] ?? '')} at column ${foreign + 1}; image references are plain ASCII (was a look-alike letter pasted?).`
    )
  }
}

function checkDigest(digest: string): string {
  if (digest === '') problem(`the digest after '@' is empty; write @sha256: and 64 hex digits.`)
  if (!digest.startsWith('sha256:')) {
    problem(`only sha256 digests are supported; write @sha256: and 64 lowercase hex digits.`)
  }
  if (!DIGEST_PATTERN.test(digest)) {
    const hex = digest.slice('sha256:'.length)
    const detail = /^[a-fA-F0-9]{64}$/.test(hex)
      ? 'in lowercase'
      : `exactly 64 hex digits (found ${hex.length} characters)`
    problem(`the digest must be sha256: followed by ${detail}.`)
  }
  return digest
}

function checkTag(tag: string): string {
  if (tag === '') problem(`the tag after ':' is empty.`)
  if (tag.length > 300) problem(`the tag is ${tag.length} characters long; ECR allows at most 300.`)
  if (!TAG_PATTERN.test(tag)) {
    problem(`the tag may contain only letters, digits, and . _ - and must not start with . or -.`)
  }
  return tag
}

function checkRepository(repository: string, hasHost: boolean): string {
  if (repository === '') problem(`the repository name is missing; write repository:tag.`)
  if (
    !hasHost &&
    (ECR_HOST.test(repository) ||
      ECR_DUAL_STACK_HOST.test(repository) ||
      repository.includes('.dkr.ecr'))
  ) {
    problem(`'${repository}' is a registry host, not a repository; add /REPOSITORY after it.`)
  }
  if (repository.length > MAX_REPOSITORY_LENGTH) {
    problem(
      `the repository name is ${repository.length} characters long; ECR allows at most ${MAX_REPOSITORY_LENGTH}.`
    )
  }
  if (/[A-Z]/.test(repository)) {
    problem(`the repository name must be lowercase; ECR repository names have no capital letters.`)
  }
  if (/[^a-z0-9._/-]/.test(repository)) {
    problem(
      `the repository name may contain only lowercase letters, digits, and . _ - / separators.`
    )
  }
  if (!REPOSITORY_PATTERN.test(repository)) {
    problem(
      `each part of the repository name must start and end with a letter or digit, with one . _ - or / between parts.`
    )
  }
  return repository
}

const WRITE_INSTEAD =
  'Write ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG, or REPOSITORY:TAG for the registry and region the action is configured with.'

/** The account and region of a private ECR registry host; anything else is refused with advice. */
function registryOf(host: string): { registryId: string; region: string } {
  const lower = host.toLowerCase()
  const match = ECR_HOST.exec(lower) ?? ECR_DUAL_STACK_HOST.exec(lower)
  if (!match) {
    if (ECR_LOOK_ALIKE.test(lower)) {
      problem(
        `'${host}' is not a private ECR registry host; expected ACCOUNT.dkr.ecr.REGION.amazonaws.com (or its FIPS, China or dual-stack form).`
      )
    }
    const known = OTHER_REGISTRIES[lower]
    const label = known ?? 'a registry other than Amazon ECR'
    const dotted =
      !known && /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(host)
        ? ` A repository whose first part contains a dot (such as '${host}/…') needs the full ECR URI.`
        : ''
    problem(
      `'${host}' is ${label}; only private Amazon ECR repositories are supported. ${WRITE_INSTEAD}${dotted}`
    )
  }
  const [, registryId = '', region = '', china] = match
  if (!REGISTRY_ID_PATTERN.test(registryId)) {
    problem(
      `the account id in the registry host must be 12 digits, found ${registryId.length} ('${registryId}').`
    )
  }
  if (!REGION_PATTERN.test(region)) {
    problem(`'${region}' in the registry host is not an AWS region such as us-east-1.`)
  }
  if (Boolean(china) !== region.startsWith('cn-')) {
    problem(
      china
        ? `'${region}' is not a China region; only cn-* regions use amazonaws.com.cn.`
        : `the China region ${region} is served from amazonaws.com.cn, not amazonaws.com.`
    )
  }
  return { registryId, region }
}

/** One reference, already trimmed; a problem is thrown as a ReferenceProblem. */
function parseReference(reference: string): ImageSpec {
  checkCharacters(reference)
  let name = reference
  let digest: string | undefined
  const at = reference.indexOf('@')
  if (at >= 0) {
    if (reference.includes('@', at + 1)) {
      problem(`it has more than one '@'; write repository:tag@sha256:<digest>.`)
    }
    name = reference.slice(0, at)
    digest = checkDigest(reference.slice(at + 1))
  }
  // Docker's rule: a first part with a dot or a port (or localhost) is a registry host.
  let registry: { registryId: string; region: string } | undefined
  const slash = name.indexOf('/')
  const first = slash >= 0 ? name.slice(0, slash) : ''
  if (/[.:]/.test(first) || first === 'localhost') {
    registry = registryOf(first)
    name = name.slice(slash + 1)
  }
  let tag: string | undefined
  const colon = name.lastIndexOf(':')
  if (colon >= 0) {
    tag = name.slice(colon + 1)
    name = name.slice(0, colon)
    if (name.includes(':')) {
      problem(`it has more than one ':'; write one repository:tag per line.`)
    }
    checkTag(tag)
  }
  const repository = checkRepository(name, registry !== undefined)
  if (tag === undefined && digest === undefined) {
    problem(
      `it names no tag or digest; write repository:tag or repository@sha256:<digest> (latest is not assumed, so the action judges exactly the image that was pushed).`
    )
  }
  return {
    repository,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
    ...registry,
    reference
  }
}

/** With a digest the digest alone picks the image; a tag is then only a label for it. */
function identity(spec: ImageSpec): string {
  const which = spec.digest ? `@${spec.digest}` : `:${spec.tag ?? ''}`
  return `${spec.registryId ?? ''}/${spec.region ?? ''}/${spec.repository}${which}`
}

/**
 * The `images` input: one reference per line (`repository:tag`, `repository@sha256:…`,
 * `repository:tag@sha256:…`, or the full private ECR URI of any of them). Blank lines and lines
 * starting with `#` are skipped. Blank text gives no images; text with only comments is an error.
 * Two lines naming the same image (after parsing, before any lookup) are an error.
 */
export function parseImageReferences(text: string, inputName: string): ImageSpec[] {
  if (text.trim() === '') return []
  const specs: ImageSpec[] = []
  const seen = new Map<string, { line: number; reference: string }>()
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1
    const reference = raw.trim()
    if (reference === '' || reference.startsWith('#')) return
    const where = `Invalid input '${inputName}', line ${line} ('${printable(reference)}')`
    let spec: ImageSpec
    try {
      spec = parseReference(reference)
    } catch (error) {
      if (error instanceof ReferenceProblem) throw new InputError(`${where}: ${error.message}`)
      throw error
    }
    const key = identity(spec)
    const earlier = seen.get(key)
    if (earlier) {
      throw new InputError(
        `${where}: it names the same image as line ${earlier.line} ('${printable(earlier.reference)}'); list each image once.`
      )
    }
    seen.set(key, { line, reference })
    specs.push(spec)
  })
  if (specs.length === 0) {
    throw new InputError(
      `Invalid input '${inputName}': it has only comments; list at least one image reference, one per line.`
    )
  }
  return specs
}

/**
 * The `baseline` input: a tag (`main`) or a digest (`sha256:…`) of the image's own repository, or
 * a reference of its own (`repository:tag`, a full URI). Undefined when blank. A bare word is a
 * tag: a repository without a tag or digest would not say which image to compare with.
 */
export function parseBaselineReference(
  text: string,
  inputName: string
): BaselineReference | undefined {
  const reference = text.trim()
  if (reference === '') return undefined
  try {
    if (/[\r\n]/.test(reference)) problem('give one image reference, on one line.')
    checkCharacters(reference)
    if (reference.startsWith('sha256:')) {
      return { kind: 'same-repository', digest: checkDigest(reference), reference }
    }
    if (!/[:/@]/.test(reference)) {
      return { kind: 'same-repository', tag: checkTag(reference), reference }
    }
    return { kind: 'image', image: parseReference(reference) }
  } catch (error) {
    if (error instanceof ReferenceProblem) {
      throw new InputError(
        `Invalid input '${inputName}' ('${printable(reference)}'): ${error.message}`
      )
    }
    throw error
  }
}
