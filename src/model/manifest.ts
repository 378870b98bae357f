export const IMAGE_INDEX_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
] as const
export function isImageIndexMediaType(t?: string): boolean {
  return (IMAGE_INDEX_MEDIA_TYPES as readonly string[]).includes(t ?? '')
}
export function platformImages(_: string): {
  images: { digest: string; platform: string; mediaType?: string }[]
  skipped: { digest: string; reason: string }[]
} {
  return { images: [], skipped: [] }
}
