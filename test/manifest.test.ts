import {
  IMAGE_INDEX_MEDIA_TYPES,
  ManifestError,
  isImageIndexMediaType,
  platformImages
} from '../src/model/manifest.js'
import { messageOf } from './support/thrown.js'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json'
const digest = (char: string) => `sha256:${char.repeat(64)}`

function entry(char: string, platform: unknown, extra: Record<string, unknown> = {}) {
  return { mediaType: OCI_MANIFEST, digest: digest(char), size: 1234, platform, ...extra }
}

function index(manifests: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests, ...extra })
}

const errorOf = messageOf(ManifestError)

/** What `docker buildx build --platform linux/amd64,linux/arm64` pushes, attestations included. */
const BUILDX_INDEX = index([
  entry('1', { architecture: 'amd64', os: 'linux' }),
  entry('2', { architecture: 'arm64', os: 'linux', variant: 'v8' }),
  entry(
    '3',
    { architecture: 'unknown', os: 'unknown' },
    {
      annotations: {
        'vnd.docker.reference.digest': digest('1'),
        'vnd.docker.reference.type': 'attestation-manifest'
      }
    }
  ),
  entry(
    '4',
    { architecture: 'unknown', os: 'unknown' },
    { annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }
  )
])

describe('isImageIndexMediaType', () => {
  it.each<[unknown, boolean]>([
    [OCI_INDEX, true],
    [DOCKER_LIST, true],
    [OCI_MANIFEST, false],
    [DOCKER_MANIFEST, false],
    [`${OCI_INDEX} `, false],
    [OCI_INDEX.toUpperCase(), false],
    [undefined, false],
    [42, false]
  ])('%p is %p', (type, expected) => {
    expect(isImageIndexMediaType(type)).toBe(expected)
  })

  it('lists both index types', () => {
    expect(IMAGE_INDEX_MEDIA_TYPES).toEqual([OCI_INDEX, DOCKER_LIST])
  })
})

describe('platformImages', () => {
  it('reads a buildx index and skips its attestations', () => {
    expect(platformImages(BUILDX_INDEX)).toEqual({
      images: [
        { digest: digest('1'), platform: 'linux/amd64', mediaType: OCI_MANIFEST },
        { digest: digest('2'), platform: 'linux/arm64/v8', mediaType: OCI_MANIFEST }
      ],
      skipped: [
        { digest: digest('3'), reason: 'a build attestation (provenance or SBOM), not an image' },
        { digest: digest('4'), reason: 'a build attestation (provenance or SBOM), not an image' }
      ]
    })
  })

  it('reads a Docker manifest list, without a top-level media type or entry media types', () => {
    const list = JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: DOCKER_MANIFEST,
          digest: digest('a'),
          platform: { os: 'linux', architecture: 'arm', variant: 'v7' }
        },
        {
          digest: digest('b'),
          platform: { os: 'windows', architecture: 'amd64', 'os.version': '10.0.20348.1' }
        }
      ]
    })
    expect(platformImages(list)).toEqual({
      images: [
        { digest: digest('a'), platform: 'linux/arm/v7', mediaType: DOCKER_MANIFEST },
        { digest: digest('b'), platform: 'windows/amd64' }
      ],
      skipped: []
    })
  })

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a nested index',
      {
        mediaType: DOCKER_LIST,
        digest: digest('c'),
        platform: { os: 'linux', architecture: 'amd64' }
      },
      'an image index itself; nested indexes are not followed'
    ],
    [
      'an artifact',
      { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: digest('c') },
      "media type 'application/vnd.cncf.helm.config.v1+json' is not an image manifest"
    ],
    ['no platform', { mediaType: OCI_MANIFEST, digest: digest('c') }, 'no platform given'],
    [
      'a platform that is text',
      entry('c', 'linux/amd64'),
      `platform 'linux/amd64' is not os/architecture text`
    ],
    [
      'a platform with a number',
      entry('c', { os: 'linux', architecture: 64 }),
      'platform {"os":"linux","architecture":64} is not os/architecture text'
    ],
    [
      'a platform with a line break',
      entry('c', { os: 'linux\n::error::x', architecture: 'amd64' }),
      'platform {"os":"linux\\n::error::x","architecture":"amd64"} is not os/architecture text'
    ],
    [
      'an unknown platform without annotation',
      entry('c', { os: 'unknown', architecture: 'unknown' }),
      'platform unknown/unknown, not a runnable image'
    ],
    [
      'an attestation with a real platform',
      entry(
        'c',
        { os: 'linux', architecture: 'amd64' },
        { annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }
      ),
      'a build attestation (provenance or SBOM), not an image'
    ],
    [
      'a very long media type',
      { mediaType: `x/${'y'.repeat(10_000)}`, digest: digest('c') },
      `media type 'x/${'y'.repeat(76)}… is not an image manifest`
    ]
  ])('skips %s with the reason', (_name, skippedEntry, reason) => {
    const result = platformImages(
      index([entry('1', { os: 'linux', architecture: 'amd64' }), skippedEntry])
    )
    expect(result.images.map(image => image.digest)).toEqual([digest('1')])
    expect(result.skipped).toEqual([{ digest: digest('c'), reason }])
  })

  it('ignores a malformed annotations field rather than failing', () => {
    const result = platformImages(
      index([entry('1', { os: 'linux', architecture: 'amd64' }, { annotations: 'x' })])
    )
    expect(result.images).toHaveLength(1)
  })

  it.each<[string, string, string]>([
    ['not JSON', '{"manifests": [', 'Unusable image index: it is not valid JSON.'],
    ['empty text', '', 'Unusable image index: it is not valid JSON.'],
    ['JSON null', 'null', 'Unusable image index: it is not a JSON object.'],
    ['a JSON list', '[]', 'it is not a JSON object'],
    ['schema version 1', index([], { schemaVersion: 1 }), 'schemaVersion is 1, not 2'],
    ['schema version as text', index([], { schemaVersion: '2' }), `schemaVersion is '2', not 2`],
    [
      'a single-image manifest',
      JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, layers: [] }),
      `its media type '${OCI_MANIFEST}' is not an image index`
    ],
    [
      'a media type that is not text',
      index([], { mediaType: ['x'] }),
      'its media type ["x"] is not'
    ],
    ['no manifests', JSON.stringify({ schemaVersion: 2 }), "'manifests' is undefined, not a list"],
    ['manifests as an object', index({ a: 1 }), `'manifests' is {"a":1}, not a list`],
    ['an empty list', index([]), 'it lists no manifests'],
    [
      'an entry that is not an object',
      index(['sha256:x']),
      "manifests[0] is 'sha256:x', not an object"
    ],
    [
      'a missing digest',
      index([{ mediaType: OCI_MANIFEST, platform: { os: 'linux', architecture: 'amd64' } }]),
      'manifests[0] has digest undefined, not sha256: and 64 lowercase hex digits'
    ],
    [
      'a short digest',
      index([
        entry('1', { os: 'linux', architecture: 'amd64' }),
        { ...entry('2', {}), digest: 'sha256:abc' }
      ]),
      "manifests[1] has digest 'sha256:abc', not sha256"
    ],
    [
      'an upper-case digest',
      index([{ ...entry('1', {}), digest: digest('A') }]),
      `manifests[0] has digest '${digest('A')}', not sha256: and 64 lowercase hex digits.`
    ],
    [
      'a digest with a hostile payload',
      index([{ ...entry('1', {}), digest: 'sha256:\u202e\n::set-output name=x::y' }]),
      "manifests[0] has digest 'sha256:\\u{202e}\\u{a}::set-output name=x::y'"
    ],
    [
      'a digest as a number',
      index([{ ...entry('1', {}), digest: 42 }]),
      'manifests[0] has digest 42'
    ],
    [
      'a media type that is a number',
      index([{ ...entry('1', {}), mediaType: 2 }]),
      'manifests[0] has media type 2, not text'
    ],
    [
      'only attestations',
      index([
        entry(
          '3',
          { os: 'unknown', architecture: 'unknown' },
          { annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }
        ),
        entry('4', undefined)
      ]),
      'none of its 2 entries is a platform image (a build attestation (provenance or SBOM), not an image; no platform given)'
    ]
  ])('refuses %s', (_name, json, fragment) => {
    const message = errorOf(() => platformImages(json))
    expect(message).toContain(fragment)
    expect(message).not.toMatch(/[\r\n\u2028\u2029\u202e]/)
  })
})
