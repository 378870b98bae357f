import { printable } from './text.js'
/** Media types of a multi-platform image index: OCI's and Docker's manifest list. */
export const IMAGE_INDEX_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
] as const

/** Media types of one platform's image manifest, the thing ECR scans. */
export const IMAGE_MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json'
] as const

/** One platform's image in an index. */
export interface PlatformImage {
  digest: string
  /** `os/architecture[/variant]`, e.g. `linux/amd64`, `linux/arm64/v8`. */
  platform: string
  /** As the index gives it; absent when the entry omits it. */
  mediaType?: string
}

/** An index entry that is not a platform image, and why, for the log. */
export interface SkippedManifest {
  digest: string
  reason: string
}

export interface PlatformImages {
  /** In the order of the index. */
  images: PlatformImage[]
  skipped: SkippedManifest[]
}

/** The index cannot be read, or names no platform image; the message is one line. */
export class ManifestError extends Error {
  override name = 'ManifestError'
}

const DIGEST = /^sha256:[a-f0-9]{64}$/
const PLATFORM_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
const ATTESTATION_ANNOTATION = 'vnd.docker.reference.type'

export type ImageIndexMediaType = (typeof IMAGE_INDEX_MEDIA_TYPES)[number]

/** True for an OCI image index or a Docker manifest list (exact match, as registries send it). */
export function isImageIndexMediaType(type: unknown): type is ImageIndexMediaType {
  return (IMAGE_INDEX_MEDIA_TYPES as readonly unknown[]).includes(type)
}

/** A value from outside quoted in a message: strings in quotes, anything else as JSON. */
function shown(value: unknown): string {
  return printable(
    typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value))
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fail(message: string): never {
  throw new ManifestError(`Unusable image index: ${message}.`)
}

/** `os/architecture[/variant]`, or undefined when the platform is missing or not plain text. */
function platformOf(platform: unknown): string | undefined {
  if (!isObject(platform)) return undefined
  const { os, architecture, variant } = platform
  const parts = variant === undefined ? [os, architecture] : [os, architecture, variant]
  if (!parts.every(part => typeof part === 'string' && PLATFORM_PART.test(part))) return undefined
  return parts.join('/')
}

/** The entry's platform when it is a platform image, else why it is skipped. */
function classify(
  entry: Record<string, unknown>,
  mediaType: string | undefined
): { platform: string } | { reason: string } {
  const annotations = entry.annotations
  if (isObject(annotations) && annotations[ATTESTATION_ANNOTATION] === 'attestation-manifest') {
    return { reason: 'a build attestation (provenance or SBOM), not an image' }
  }
  if (isImageIndexMediaType(mediaType)) {
    return { reason: 'an image index itself; nested indexes are not followed' }
  }
  if (
    mediaType !== undefined &&
    !(IMAGE_MANIFEST_MEDIA_TYPES as readonly string[]).includes(mediaType)
  ) {
    return { reason: `media type ${shown(mediaType)} is not an image manifest` }
  }
  if (entry.platform === undefined) return { reason: 'no platform given' }
  const platform = platformOf(entry.platform)
  if (platform === undefined) {
    return { reason: `platform ${shown(entry.platform)} is not os/architecture text` }
  }
  if (platform === 'unknown/unknown') {
    return { reason: 'platform unknown/unknown, not a runnable image' }
  }
  return { platform }
}

/**
 * The platform images of a multi-platform index (OCI image index or Docker manifest list), in
 * the index's order. Entries that are not platform images (build attestations, nested indexes,
 * other artifacts, entries without a platform) are returned as skipped, with the reason. The
 * JSON comes from outside: anything unreadable, an entry without a valid sha256 digest, or an
 * index with no platform image at all is a ManifestError.
 */
export function platformImages(manifestJson: string): PlatformImages {
  let index: unknown
  try {
    index = JSON.parse(manifestJson)
  } catch {
    fail('it is not valid JSON')
  }
  if (!isObject(index)) fail('it is not a JSON object')
  if (index.schemaVersion !== undefined && index.schemaVersion !== 2) {
    fail(`schemaVersion is ${shown(index.schemaVersion)}, not 2`)
  }
  if (index.mediaType !== undefined && !isImageIndexMediaType(index.mediaType)) {
    fail(`its media type ${shown(index.mediaType)} is not an image index`)
  }
  const manifests = index.manifests
  if (!Array.isArray(manifests)) fail(`'manifests' is ${shown(manifests)}, not a list`)

  const images: PlatformImage[] = []
  const skipped: SkippedManifest[] = []
  manifests.forEach((entry: unknown, position) => {
    const where = `manifests[${position}]`
    if (!isObject(entry)) fail(`${where} is ${shown(entry)}, not an object`)
    const { digest, mediaType } = entry
    if (typeof digest !== 'string' || !DIGEST.test(digest)) {
      fail(`${where} has digest ${shown(digest)}, not sha256: and 64 lowercase hex digits`)
    }
    if (mediaType !== undefined && typeof mediaType !== 'string') {
      fail(`${where} has media type ${shown(mediaType)}, not text`)
    }
    const kind = classify(entry, mediaType)
    if ('reason' in kind) {
      skipped.push({ digest, reason: kind.reason })
      return
    }
    images.push({ digest, platform: kind.platform, ...(mediaType !== undefined && { mediaType }) })
  })
  if (images.length === 0) {
    fail(
      manifests.length === 0
        ? 'it lists no manifests'
        : `none of its ${manifests.length} entries is a platform image (${[...new Set(skipped.map(entry => entry.reason))].join('; ')})`
    )
  }
  return { images, skipped }
}
