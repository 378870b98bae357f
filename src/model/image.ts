import { isImageIndexMediaType } from './manifest.js'

/** What identifies an image before it is resolved to a digest. */
export interface ImageQuery {
  repository: string
  registryId?: string
  imageTag?: string
  imageDigest?: string
}

/** One image to judge: what the user wrote, and where ECR keeps it. */
export interface ImageTarget {
  reference: string
  region: string
  query: ImageQuery
}

/** The image being judged, pinned to one digest once resolved. */
export interface ImageRef {
  repository: string
  digest: string
  tag?: string
  /** The registry's account id, when it is not the caller's own. */
  registryId?: string
  region: string
  /** As ECR reports it; tells a multi-platform image index from a single image. */
  manifestMediaType?: string
}

/** A multi-platform index: ECR scans the image of each platform, not the index itself. */
export function isImageIndex(image: ImageRef): boolean {
  return isImageIndexMediaType(image.manifestMediaType)
}

/** `repository:tag@sha256:…`, the form logged and shown in reports. */
export function formatImage(image: ImageRef): string {
  const tag = image.tag ? `:${image.tag}` : ''
  return `${image.repository}${tag}@${image.digest}`
}

/** The first 12 hex digits of the digest, as `docker images` shows it. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.includes(':') ? digest.split(':', 2) : ['', digest]
  return algorithm ? `${algorithm}:${(hex ?? '').slice(0, 12)}` : digest.slice(0, 12)
}
