/**
 * Workflow commands in text from upstream (ECR's scan status description, findings, an image
 * index's manifest, an ignore rule's reason) never become commands in the step's log: the whole
 * step in-process with the real AWS SDK over HTTP against the fake ECR.
 */
import type { ImageScanFinding } from '@aws-sdk/client-ecr'
import type { FakeEcrScenario } from './support/fake-ecr.js'
import { actionStep } from './support/step.js'

const COMMANDS = [
  '::set-output name=passed::true',
  '::stop-commands::x',
  '::add-mask::y',
  '##[set-output name=passed;]true'
]

/** Each command at the start of a line, after spaces, and in the middle of one. */
function hostile(label: string): string {
  return COMMANDS.flatMap(command => [command, `  ${command}`, `${label} ${command}`]).join('\n')
}

/**
 * The lines of a log the runner would act on that the action did not mean as commands, by the
 * parser that would take them. ActionCommandManager.TryProcessCommand tries `::name::` on the
 * trimmed line first, then the legacy `##[name]`, which ActionCommand.TryParse finds anywhere in
 * the line. The action's own commands (annotations, groups) parse as such first, so text inside
 * them cannot become another command; @actions/core escapes their line breaks.
 */
function foreignCommands(log: string): { atLineStart: string[]; legacyAnywhere: string[] } {
  const own = /^::(warning|notice|error|debug|group|endgroup)( [^:]*)?::/
  const lines = log.split(/\r\n|\r|\n/).filter(line => !own.test(line.trimStart()))
  return {
    atLineStart: lines.filter(line => line.trimStart().startsWith('::')),
    legacyAnywhere: lines.filter(line => line.includes('##['))
  }
}

/** No line is a command but the action's own; `::` first, so a failure names the parser. */
function expectNoForeignCommands(log: string) {
  const found = foreignCommands(log)
  expect(found.atLineStart).toEqual([])
  expect(found.legacyAnywhere).toEqual([])
}

const digest = (seed: string) => `sha256:${seed.repeat(64).slice(0, 64)}`
const INDEX = digest('1')
const AMD64 = digest('2')
const numbered = (n: number) => `sha256:${n.toString(16).padStart(64, 'a')}`
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

/**
 * One command per entry, as a manifest field is quoted in the log only up to 80 characters: each
 * command at the start of the field, in its middle and after a line break, in a media type that is not an image
 * manifest and in a platform that is not os/architecture text (both entries get skipped).
 */
const skippedEntries = COMMANDS.flatMap(command => [
  command,
  `entry ${command}`,
  `entry\n${command}`
]).flatMap((text, n) => [
  {
    mediaType: text,
    digest: numbered(2 * n),
    size: 1000,
    platform: { os: 'linux', architecture: 'arm64' }
  },
  {
    mediaType: OCI_MANIFEST,
    digest: numbered(2 * n + 1),
    size: 1000,
    platform: { os: text, architecture: `arch ${text}` }
  }
])

const hostileFinding = (id: string): ImageScanFinding => ({
  name: id,
  description: hostile(`${id} description`),
  uri: `https://example.test/${id}`,
  severity: 'CRITICAL',
  attributes: [
    { key: 'package_name', value: hostile('package') },
    { key: 'package_version', value: hostile('version') }
  ]
})

const scenario: FakeEcrScenario = {
  images: [
    {
      repository: 'team/failed',
      digest: digest('f'),
      tags: ['v1'],
      scan: { statuses: ['FAILED'], description: hostile('scan failed') }
    },
    {
      repository: 'team/index',
      digest: INDEX,
      tags: ['v1'],
      platforms: [
        {
          platform: 'linux/amd64',
          digest: AMD64,
          scan: {
            statuses: ['COMPLETE'],
            findings: [
              hostileFinding('CVE-2024-0001'),
              { ...hostileFinding('CVE-2024-0002'), name: hostile('CVE-2024-0002') }
            ]
          }
        }
      ],
      manifest: {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [
          {
            mediaType: OCI_MANIFEST,
            digest: AMD64,
            size: 1000,
            platform: { os: 'linux', architecture: 'amd64' }
          },
          ...skippedEntries
        ]
      }
    }
  ]
}

/** Inline rules: one that matches, one that matches nothing, one expired, each reason hostile. */
const IGNORE = [
  `- id: CVE-2024-0001`,
  `  reason: ${JSON.stringify(hostile('reason'))}`,
  `- id: CVE-2099-0001`,
  `  reason: ${JSON.stringify(hostile('stale reason'))}`,
  `- id: CVE-2024-0003`,
  `  expires: 2020-01-01`,
  `  reason: ${JSON.stringify(hostile('expired reason'))}`
].join('\n')

const harness = actionStep({
  repository: '',
  'image-tag': '',
  'fail-on': 'CRITICAL',
  ignore: IGNORE,
  'json-report': '',
  'sarif-report': ''
})

describe('workflow commands in upstream text', () => {
  it.each([
    ['the failed scan alone (its log written live)', 'team/failed:v1'],
    ['the index alone (its log written live)', 'team/index:v1'],
    ['both images (each log kept and written as one group)', 'team/failed:v1\nteam/index:v1']
  ])('never become commands in the log: %s', async (_, images) => {
    const result = await harness.step(scenario, { images })
    expect(result.failed).toBe(true)
    // The hostile text did reach the log; it just cannot command the runner.
    expect(result.log).toContain('set-output name=passed')
    expectNoForeignCommands(result.log)
    expect(result.outputs.passed).not.toBe('true')
  })

  it('a skipped index entry, a failed scan and the ignore rules are all in that log', async () => {
    const result = await harness.step(scenario, { images: 'team/failed:v1\nteam/index:v1' })
    const lines = result.log.split('\n')
    const skipped = lines.filter(line => line.startsWith('Skipped '))
    expect(skipped.filter(line => line.includes(': media type '))).toHaveLength(12)
    expect(skipped.filter(line => line.includes(': platform '))).toHaveLength(12)
    for (const command of COMMANDS)
      expect(
        skipped.filter(line => line.replace(/\u200B/g, '').includes(command)).length
      ).toBeGreaterThanOrEqual(4)
    expect(lines.filter(line => line.includes('The scan ended with status FAILED ('))).toHaveLength(
      1
    )
    expect(lines.filter(line => line.includes('Ignore rule CVE-2024-0003'))).toHaveLength(1)
    expectNoForeignCommands(result.log)
  })
})
