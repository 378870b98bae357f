import { InputError } from '../src/config/inputs.js'
import {
  type ImageSpec,
  MAX_REFERENCE_LENGTH,
  parseBaselineReference,
  parseImageReferences
} from '../src/model/image-reference.js'
import { messageOf } from './support/thrown.js'

const HEX = 'a'.repeat(64)
const DIGEST = `sha256:${HEX}`
const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`
const ACCOUNT = '123456789012'

const errorOf = messageOf(InputError)

describe('parseImageReferences: good lines', () => {
  it.each<[string, string, Omit<ImageSpec, 'reference'>]>([
    ['tag', 'web:1.2.3', { repository: 'web', tag: '1.2.3' }],
    ['nested repository', 'team/web-api:v1', { repository: 'team/web-api', tag: 'v1' }],
    ['digest', `web@${DIGEST}`, { repository: 'web', digest: DIGEST }],
    ['tag and digest', `web:v1@${DIGEST}`, { repository: 'web', tag: 'v1', digest: DIGEST }],
    ['dotted repository name', 'web.app_x:1', { repository: 'web.app_x', tag: '1' }],
    [
      'full URI with tag',
      `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/team/web:1`,
      { repository: 'team/web', tag: '1', registryId: ACCOUNT, region: 'eu-west-1' }
    ],
    [
      'full URI with digest',
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web@${DIGEST}`,
      { repository: 'web', digest: DIGEST, registryId: ACCOUNT, region: 'us-east-1' }
    ],
    [
      'FIPS host',
      `${ACCOUNT}.dkr.ecr-fips.us-gov-west-1.amazonaws.com/web:1`,
      { repository: 'web', tag: '1', registryId: ACCOUNT, region: 'us-gov-west-1' }
    ],
    [
      'China host',
      `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn/web:1`,
      { repository: 'web', tag: '1', registryId: ACCOUNT, region: 'cn-north-1' }
    ],
    [
      'dual-stack host',
      `${ACCOUNT}.dkr-ecr.us-east-2.on.aws/web:1`,
      { repository: 'web', tag: '1', registryId: ACCOUNT, region: 'us-east-2' }
    ],
    [
      'upper-case host',
      `${ACCOUNT}.DKR.ECR.US-EAST-1.AMAZONAWS.COM/web:1`,
      { repository: 'web', tag: '1', registryId: ACCOUNT, region: 'us-east-1' }
    ],
    ['tag with capitals', 'web:Release_2', { repository: 'web', tag: 'Release_2' }],
    [
      'a tag of 300 characters',
      `web:${'t'.repeat(300)}`,
      { repository: 'web', tag: 't'.repeat(300) }
    ]
  ])('%s: %s', (_name, line, expected) => {
    expect(parseImageReferences(`  ${line}\t`, 'images')).toEqual([
      { ...expected, reference: line }
    ])
  })

  it('skips blank and comment lines, keeps order, and accepts CRLF', () => {
    const text = '# images\r\n\r\nweb:1\r\n   # api too\r\nteam/api@' + DIGEST + '\r\n'
    expect(parseImageReferences(text, 'images')).toEqual([
      { repository: 'web', tag: '1', reference: 'web:1' },
      { repository: 'team/api', digest: DIGEST, reference: `team/api@${DIGEST}` }
    ])
  })

  it('gives no images for blank text', () => {
    expect(parseImageReferences(' \n\t\n', 'images')).toEqual([])
  })

  it('keeps the same repository with different tags, and the same tag in other registries', () => {
    const lines = ['web:1', 'web:2', `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web:1`]
    expect(parseImageReferences(lines.join('\n'), 'images')).toHaveLength(3)
  })
})

describe('parseImageReferences: bad lines', () => {
  it.each<[string, string, string[]]>([
    [
      'space in the repository (the documented example)',
      'web api:1',
      [
        "Invalid input 'images', line 3 ('web api:1'): the repository name may contain only lowercase letters, digits, and . _ - / separators."
      ]
    ],
    ['no tag or digest', 'team/web', ['line 3', 'names no tag or digest', 'latest is not assumed']],
    [
      'full URI without tag',
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web`,
      ['no tag or digest']
    ],
    ['capital letters', 'Team/web:1', ['must be lowercase']],
    ['empty tag', 'web:', ["the tag after ':' is empty."]],
    ['bad tag', 'web:-rc1', ['the tag may contain only letters']],
    ['tag too long', `web:${'t'.repeat(301)}`, ['301 characters long; ECR allows at most 300']],
    ['missing repository', `@${DIGEST}`, ['the repository name is missing']],
    ['double separator', 'team//web:1', ['each part of the repository name must start and end']],
    ['trailing separator', 'web-:1', ['each part of the repository name']],
    ['two colons', 'web:1:2', ["more than one ':'"]],
    ['two at signs', `web@${DIGEST}@${DIGEST}`, ["more than one '@'"]],
    ['empty digest', 'web@', ["the digest after '@' is empty"]],
    ['sha512 digest', `web@sha512:${'a'.repeat(128)}`, ['only sha256 digests']],
    ['short digest', 'web@sha256:abc', ['exactly 64 hex digits (found 3 characters)']],
    ['upper-case digest', `web@sha256:${'A'.repeat(64)}`, ['followed by in lowercase']],
    [
      'Docker Hub',
      'docker.io/library/nginx:1',
      [
        "'docker.io' is Docker Hub; only private Amazon ECR repositories are supported.",
        'ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPOSITORY:TAG'
      ]
    ],
    ['GHCR', 'ghcr.io/octo/app:1', ["'ghcr.io' is the GitHub Container Registry"]],
    ['ECR Public', 'public.ecr.aws/nginx/nginx:1', ["'public.ecr.aws' is Amazon ECR Public"]],
    [
      'a host with a port',
      'localhost:5000/web:1',
      ["'localhost:5000' is a registry other than Amazon ECR"]
    ],
    [
      'a dotted first part',
      'my.team/web:1',
      [
        "'my.team' is a registry other than Amazon ECR",
        "such as 'my.team/…') needs the full ECR URI"
      ]
    ],
    [
      'an ECR host with a short account',
      '12345678901.dkr.ecr.us-east-1.amazonaws.com/web:1',
      ['account id in the registry host must be 12 digits, found 11']
    ],
    [
      'an ECR-like host that is the API endpoint',
      'api.ecr.us-east-1.amazonaws.com/web:1',
      ["'api.ecr.us-east-1.amazonaws.com' is not a private ECR registry host"]
    ],
    [
      'an ECR host with a bad region',
      `${ACCOUNT}.dkr.ecr.useast1.amazonaws.com/web:1`,
      ["'useast1' in the registry host is not an AWS region"]
    ],
    [
      'a China region on the global domain',
      `${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com/web:1`,
      ['served from amazonaws.com.cn']
    ],
    [
      'a global region on the China domain',
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com.cn/web:1`,
      ["'us-east-1' is not a China region"]
    ],
    [
      'a registry host with no repository',
      `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com:1`,
      ['is a registry host, not a repository; add /REPOSITORY']
    ],
    [
      'a Cyrillic look-alike letter',
      'w\u0435b:1',
      ["('w\\u{435}b:1')", 'non-ASCII character U+0435 at column 2', 'look-alike']
    ],
    ['a full-width colon', 'web\uff1a1', ['U+FF1A at column 4']],
    ['a carriage return inside', 'web:1\rweb:2', ['control character U+000D at column 6']],
    ['a zero-width space', 'web\u200b:1', ['invisible or control character U+200B at column 4']],
    ['a right-to-left override', 'web:1\u202e', ['U+202E at column 6']],
    [
      'a workflow command',
      '::set-output name=x::y',
      ["line 3 ('::set-output name=x::y')", "more than one ':'"]
    ],
    [
      'a very long line',
      `web:${'x'.repeat(5000)}`,
      [`it is 5004 characters long; an image reference has at most ${MAX_REFERENCE_LENGTH}.`, "…')"]
    ],
    ['a repository name over 256 characters', `${'r'.repeat(257)}:1`, ['257 characters long']]
  ])('%s', (_name, line, fragments) => {
    const message = errorOf(() => parseImageReferences(`web:0\n\n${line}\nweb:9`, 'images'))
    expect(message.startsWith("Invalid input 'images', line 3 (")).toBe(true)
    expect(message).not.toMatch(/[\r\n\u2028\u2029]/)
    for (const fragment of fragments) expect(message).toContain(fragment)
  })

  it('caps the quoted line at 80 characters', () => {
    const message = errorOf(() => parseImageReferences(`web:${'x'.repeat(5000)}`, 'images'))
    expect(message).toContain(`('web:${'x'.repeat(75)}…')`)
  })

  it.each<[string, string[], string]>([
    [
      'the same tag twice',
      ['web:1', '# again', 'web:1'],
      "line 3 ('web:1'): it names the same image as line 1 ('web:1')"
    ],
    [
      'the same digest with and without a tag',
      [`web:1@${DIGEST}`, `web@${DIGEST}`],
      `line 2 ('web@${DIGEST}'): it names the same image as line 1 ('web:1@${DIGEST}')`
    ],
    [
      'the same full URI twice',
      [
        `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web:1`,
        `${ACCOUNT}.DKR.ECR.us-east-1.amazonaws.com/web:1`
      ],
      'it names the same image as line 1'
    ]
  ])('refuses duplicates: %s', (_name, lines, fragment) => {
    const message = errorOf(() => parseImageReferences(lines.join('\n'), 'images'))
    expect(message).toContain(fragment)
    expect(message).toContain('list each image once')
  })

  it('keeps different digests of one repository apart', () => {
    expect(parseImageReferences(`web@${DIGEST}\nweb@${OTHER_DIGEST}`, 'images')).toHaveLength(2)
  })

  it('refuses text with only comments', () => {
    expect(errorOf(() => parseImageReferences('# web:1\n  # api:2', 'images'))).toBe(
      "Invalid input 'images': it has only comments; list at least one image reference, one per line."
    )
  })

  it('parses a long hostile line quickly', () => {
    const started = Date.now()
    errorOf(() => parseImageReferences(`${'a-'.repeat(250)}-${'a/'.repeat(250)}/:1`, 'images'))
    errorOf(() => parseImageReferences(`${'a/'.repeat(200_000)}:1`, 'images'))
    expect(Date.now() - started).toBeLessThan(1000)
  })
})

describe('parseBaselineReference', () => {
  it.each([
    ['main', { kind: 'same-repository', tag: 'main', reference: 'main' }],
    [DIGEST, { kind: 'same-repository', digest: DIGEST, reference: DIGEST }],
    [
      'team/web:main',
      {
        kind: 'image',
        image: { repository: 'team/web', tag: 'main', reference: 'team/web:main' }
      }
    ],
    [
      `${ACCOUNT}.dkr.ecr.eu-central-1.amazonaws.com/web@${DIGEST}`,
      {
        kind: 'image',
        image: {
          repository: 'web',
          digest: DIGEST,
          registryId: ACCOUNT,
          region: 'eu-central-1',
          reference: `${ACCOUNT}.dkr.ecr.eu-central-1.amazonaws.com/web@${DIGEST}`
        }
      }
    ]
  ])('%s', (text, expected) => {
    expect(parseBaselineReference(` ${text} `, 'baseline')).toEqual(expected)
  })

  it('is undefined when blank', () => {
    expect(parseBaselineReference('  \n ', 'baseline')).toBeUndefined()
  })

  it.each([
    [
      'two lines',
      'main\ndev',
      "Invalid input 'baseline' ('main\\u{a}dev'): give one image reference"
    ],
    ['a bad tag', '.hidden', "Invalid input 'baseline' ('.hidden'): the tag may contain only"],
    ['a short digest', 'sha256:abc', 'exactly 64 hex digits (found 3 characters)'],
    ['a repository without tag', 'team/web', 'names no tag or digest'],
    ['Docker Hub', 'docker.io/library/nginx:1', "'docker.io' is Docker Hub"],
    ['a look-alike', 'm\u0430in', 'non-ASCII character U+0430 at column 2'],
    ['a workflow command', '::add-mask::x', "('::add-mask::x')"]
  ])('refuses %s', (_name, text, fragment) => {
    expect(errorOf(() => parseBaselineReference(text, 'baseline'))).toContain(fragment)
  })
})
