import { readFileSync } from 'node:fs'
import MarkdownIt from 'markdown-it'
import { Ajv } from 'ajv'
import ajvFormats from 'ajv-formats'
import type { Finding } from '../src/model/findings.js'
import { judgedReportData, runOf, finding as sharedFinding } from './support/model.js'
import type { IgnoreRule, ImageResult, ReportData, RunResult } from '../src/core/results.js'
import { MAX_RESULTS_PER_RUN, MAX_RUNS_PER_FILE } from '../src/report/limits.js'
import {
  SARIF_SCHEMA_URI,
  type SarifLog,
  buildRunSarif,
  buildSarif,
  sarifFile,
  sarifLevel,
  serializeSarif
} from '../src/report/sarif.js'

const schema = JSON.parse(
  readFileSync(new URL('./fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')
) as { $id: string }

function compileOfficialSchema() {
  const ajv = new Ajv({ allErrors: true })
  // The package is CommonJS: under ESM its default import is the whole module.
  ajvFormats.default(ajv)
  return ajv.compile(schema)
}

const validateSarif = compileOfficialSchema()

function finding(id: string, extra: Partial<Finding> = {}): Finding {
  return sharedFinding(id, { source: 'enhanced', ...extra })
}

function reportData(findings: Finding[], rules: IgnoreRule[] = []): ReportData {
  return judgedReportData(findings, { rules, filters: { onlyFixable: true } })
}

const OPTIONS = { dockerfile: './docker/api/Dockerfile' }

const glibc = finding('CVE-2023-4911', {
  title: 'CVE-2023-4911 - glibc, glibc-common',
  packageName: 'glibc, glibc-common',
  installedVersion: '2.34-60',
  fixedInVersion: '2.34-83',
  fixAvailable: 'YES',
  cvssScore: 7.8,
  link: 'https://nvd.nist.gov/vuln/detail/CVE-2023-4911'
})
const sameCveOtherPackage = finding('CVE-2023-4911', {
  title: 'CVE-2023-4911 - glibc-minimal',
  severity: 'CRITICAL',
  packageName: 'glibc-minimal',
  cvssScore: 9.1
})
const unscoredMedium = finding('ALAS-2024-001', { severity: 'MEDIUM', source: 'basic' })
const unfixable = finding('CVE-2024-0002', { severity: 'LOW', fixAvailable: 'NO' })
const accepted = finding('CVE-2020-9999', { severity: 'CRITICAL', packageName: 'openssl' })
const acceptRule: IgnoreRule = { id: 'CVE-2020-9999', reason: 'accepted', origin: 'ignore.yml:2' }

describe('buildSarif', () => {
  const log = buildSarif(
    reportData([glibc, sameCveOtherPackage, unscoredMedium, unfixable, accepted], [acceptRule]),
    OPTIONS
  )
  const run = log.runs[0]!
  const rules = run.tool.driver.rules

  it('validates against the official SARIF 2.1.0 schema', () => {
    const valid = validateSarif(JSON.parse(serializeSarif(log)))
    expect(validateSarif.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    expect(log.$schema).toBe(schema.$id)
    expect(log.$schema).toBe(SARIF_SCHEMA_URI)
  })

  it('has one rule per vulnerability id and one result per finding, most severe first, leaving ignored ones out', () => {
    expect(rules.map(rule => rule.id)).toEqual(['CVE-2023-4911', 'ALAS-2024-001', 'CVE-2024-0002'])
    expect(run.results.map(result => [result.ruleId, result.level])).toEqual([
      ['CVE-2023-4911', 'error'],
      ['CVE-2023-4911', 'error'],
      ['ALAS-2024-001', 'warning'],
      ['CVE-2024-0002', 'note']
    ])
    expect(run.results[0]?.properties.packageName).toBe('glibc-minimal')
    expect(run.results.map(result => [result.ruleId, result.ruleIndex])).toEqual([
      ['CVE-2023-4911', 0],
      ['CVE-2023-4911', 0],
      ['ALAS-2024-001', 1],
      ['CVE-2024-0002', 2]
    ])
  })

  it('keeps findings a filter set aside, marked as not counted', () => {
    const lowResult = run.results.find(result => result.ruleId === 'CVE-2024-0002')
    expect(lowResult?.properties.counted).toBe(false)
    expect(run.results[0]?.properties.counted).toBe(true)
  })

  it('gives each rule help text, a link, the security tag and a security-severity string', () => {
    const glibcRule = rules[0]!
    expect(run.tool.driver.name).toBe('ecr-scan-findings')
    // Texts come from the id's most severe finding.
    expect(glibcRule.shortDescription.text).toBe('CVE-2023-4911 - glibc-minimal')
    expect(glibcRule.help.text).toContain('CVE-2023-4911 description')
    expect(glibcRule.help.markdown).toContain(
      '[CVE-2023-4911](https://nvd.nist.gov/vuln/detail/CVE-2023-4911)'
    )
    expect(glibcRule.helpUri).toBe('https://nvd.nist.gov/vuln/detail/CVE-2023-4911')
    expect(glibcRule.properties.tags).toContain('security')
    // The highest CVSS score among the id's findings ranks the rule.
    expect(glibcRule.properties['security-severity']).toBe('9.1')
    expect(glibcRule.defaultConfiguration.level).toBe('error')
  })

  it('falls back to the middle of the severity band when the scan gave no CVSS score', () => {
    expect(rules[1]?.properties['security-severity']).toBe('5.5')
    expect(rules[1]?.helpUri).toBeUndefined()
  })

  it('sets each result level from its own severity', () => {
    expect(run.results.map(result => result.level)).toEqual(['error', 'error', 'warning', 'note'])
  })

  it('places every result on line 1 of the Dockerfile, as a repository-relative path', () => {
    for (const result of run.results) {
      expect(result.locations).toEqual([
        {
          physicalLocation: {
            artifactLocation: { uri: 'docker/api/Dockerfile', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1 }
          }
        }
      ])
    }
  })

  it('tells results of one id apart by package in the message and the fingerprint', () => {
    const [minimal, common] = run.results
    expect(common?.message.text).toBe(
      `CVE-2023-4911 (HIGH) in glibc, glibc-common 2.34-60, fixed in 2.34-83; image team/api@sha256:${'c'.repeat(64)}`
    )
    expect(minimal?.message.text).toContain('in glibc-minimal, fix availability not reported')
    expect(minimal?.partialFingerprints).not.toEqual(common?.partialFingerprints)
  })
})

describe('buildSarif with hostile finding text', () => {
  it('stays valid JSON and valid SARIF, and drops links that are not http(s)', () => {
    const hostile = finding('CVE-1"},{"x":"', {
      title: 'quote " backslash \\ newline \n nul \u0000 separator \u2028 ]]>',
      description: '<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1))',
      packageName: 'pkg\n"; rm -rf /',
      link: 'javascript:alert(1)'
    })
    const spaced = finding('CVE-2', { link: 'not a url at all' })
    const log = buildSarif(reportData([hostile, spaced]), { dockerfile: 'my app/Dockerfile' })
    const parsed: unknown = JSON.parse(serializeSarif(log))
    expect(validateSarif(parsed)).toBe(true)
    const rule = log.runs[0]!.tool.driver.rules[0]!
    expect(rule.id).toBe('CVE-1"},{"x":"')
    expect(rule.helpUri).toBeUndefined()
    expect(rule.help.markdown).not.toContain('<img')
    expect(rule.help.markdown).not.toContain('](javascript')
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'my%20app/Dockerfile'
    )
  })
})

describe('buildSarif help Markdown as GitHub renders it', () => {
  // GitHub autolinks bare URLs, www. hosts and e-mail addresses; linkify stands in for that.
  const markdownIt = new MarkdownIt({ html: true, linkify: true })
  const description =
    'Click https://evil.example/login or www.evil.example or a@evil.example\nSee\n===\n    indented code\n1. one\n\u202eevil'

  function rendered(finding: Finding): string {
    const log = buildSarif(reportData([finding]), OPTIONS)
    return markdownIt.render(log.runs[0]!.tool.driver.rules[0]!.help.markdown ?? '')
  }

  /** The text a reader sees: tags dropped, the zero-width spaces that stop links removed. */
  function shown(html: string): string {
    return html
      .replace(/<[^>]*>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/\u200B/g, '')
  }

  it('renders the finding text as one inert paragraph: no links, headings, code or lists', () => {
    const html = rendered(finding('CVE-2024-1', { description }))
    expect(html).not.toMatch(/<(a|h\d|pre|code|ol|ul|li)\b/)
    expect(html.match(/<p>/g)).toHaveLength(2)
    expect(html).toContain('@\u200B')
    expect(shown(html)).toContain(
      'Click https://evil.example/login or www.evil.example or a@evil.example See === indented code 1. one \uFFFDevil'
    )
  })

  it('starts no list or thematic break when the text begins with one', () => {
    for (const start of ['1. one', '- item', '+ item', '---', '2) two']) {
      const html = rendered(finding('CVE-2024-1', { description: start }))
      expect(html).not.toMatch(/<(ol|ul|li|hr)\b/)
      expect(shown(html)).toContain(start)
    }
  })

  it('replaces bidi controls instead of letting them reorder the text', () => {
    const html = rendered(finding('CVE-2024-1', { description: 'a\u202eb\u2066c\u200fd' }))
    expect(html).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/)
    expect(shown(html)).toContain('a\uFFFDb\uFFFDc\uFFFDd')
  })

  it('keeps the advisory link, labelled with the id', () => {
    const html = rendered(glibc)
    expect(html).toContain(
      '<a href="https://nvd.nist.gov/vuln/detail/CVE-2023-4911">CVE-2023-4911</a>'
    )
  })
})

describe('buildSarif text from outside', () => {
  // C0 and C1 controls other than tab and line feed, bidi controls, and lone surrogates.
  const UNSAFE =
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
  const nasty = 'a\u0000b\u001b[31mc\u0085d\ud800e\udc00f\u202eg\r\nh'

  function strings(value: unknown): string[] {
    if (typeof value === 'string') return [value]
    if (Array.isArray(value)) return value.flatMap(strings)
    if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
    return []
  }

  it('replaces control characters and lone surrogates in every string with U+FFFD', () => {
    const hostile = finding(`CVE-1${nasty}`, {
      title: nasty,
      description: nasty,
      packageName: nasty,
      installedVersion: nasty,
      fixedInVersion: nasty,
      link: 'https://example.com/x'
    })
    const log = buildSarif(reportData([hostile]), OPTIONS)
    expect(strings(log).filter(text => UNSAFE.test(text))).toEqual([])
    const run = log.runs[0]!
    const clean = 'a\uFFFDb\uFFFD[31mc\uFFFDd\uFFFDe\uFFFDf\uFFFDg\nh'
    expect(run.tool.driver.rules[0]!.fullDescription.text).toBe(clean)
    expect(run.results[0]!.properties.packageName).toBe(clean)
    expect(run.results[0]!.ruleId).toBe(run.tool.driver.rules[0]!.id)
    expect(validateSarif(JSON.parse(serializeSarif(log)))).toBe(true)
  })
})

describe('buildSarif helpUri', () => {
  it.each([
    ['https://example.com/search?q=a|b', 'https://example.com/search?q=a%7Cb'],
    ['https://example.com/a^b{c}?q=^{}`\\', 'https://example.com/a%5Eb%7Bc%7D?q=%5E%7B%7D%60%5C'],
    ['https://example.com/[x]?q=[y]#f#g[h]', 'https://example.com/%5Bx%5D?q=%5By%5D#f%23g%5Bh%5D'],
    ['https://example.com/100%zz?q=%41', 'https://example.com/100%25zz?q=%41'],
    ['https://[::1]:8443/x', 'https://[::1]:8443/x']
  ])('makes %s a URI the official schema accepts', (link, uri) => {
    const log = buildSarif(reportData([finding('CVE-2024-1', { link })]), OPTIONS)
    const rule = log.runs[0]!.tool.driver.rules[0]!
    expect(rule.helpUri).toBe(uri)
    expect(rule.help.markdown).toContain(`](${uri})`)
    const valid = validateSarif(JSON.parse(serializeSarif(log)))
    expect(validateSarif.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it("drops a link whose host no URI allows, and takes the next finding's", () => {
    const log = buildSarif(
      reportData([
        finding('CVE-2024-1', { packageName: 'a', link: 'https://a{b}.example/x' }),
        finding('CVE-2024-1', { packageName: 'b', link: 'https://ok.example/x' })
      ]),
      OPTIONS
    )
    expect(log.runs[0]!.tool.driver.rules[0]!.helpUri).toBe('https://ok.example/x')
    const alone = buildSarif(
      reportData([finding('CVE-2024-1', { link: 'https://a`b.example/' })]),
      OPTIONS
    )
    expect(alone.runs[0]!.tool.driver.rules[0]!.helpUri).toBeUndefined()
    expect(validateSarif(JSON.parse(serializeSarif(alone)))).toBe(true)
  })
})

describe('buildSarif fingerprints', () => {
  const oldCopy = finding('CVE-2021-23337', { packageName: 'lodash', installedVersion: '4.17.15' })
  const newCopy = finding('CVE-2021-23337', { packageName: 'lodash', installedVersion: '4.17.20' })
  const fingerprintsOf = (log: SarifLog) =>
    log.runs[0]!.results.map(result => result.partialFingerprints)

  it('gives one package at two installed versions two alerts', () => {
    const [first, second] = fingerprintsOf(buildSarif(reportData([oldCopy, newCopy]), OPTIONS))
    expect(first).not.toEqual(second)
  })

  it('keeps identical copies (one version in two paths) apart', () => {
    const [first, second] = fingerprintsOf(buildSarif(reportData([oldCopy, oldCopy]), OPTIONS))
    expect(first).not.toEqual(second)
  })

  it('gives each finding the same fingerprint on every build, whatever order the scan listed', () => {
    const copies = [oldCopy, newCopy, { ...oldCopy, severity: 'CRITICAL' as const }, oldCopy]
    const once = buildSarif(reportData(copies), OPTIONS)
    const again = buildSarif(reportData([...copies].reverse()), OPTIONS)
    expect(new Set(fingerprintsOf(once).map(entry => JSON.stringify(entry))).size).toBe(4)
    expect(again.runs[0]!.results).toEqual(once.runs[0]!.results)
  })
})

describe('buildSarif artifact location', () => {
  it.each([
    ['a#b/Dockerfile', 'a%23b/Dockerfile'],
    ['docker/what?/my app%.Dockerfile', 'docker/what%3F/my%20app%25.Dockerfile'],
    ['.\\docker\\a#b\\Dockerfile', 'docker/a%23b/Dockerfile'],
    ['../outside/Dockerfile', '../outside/Dockerfile']
  ])('percent-encodes each segment of %s, keeping the slashes', (dockerfile, uri) => {
    const log = buildSarif(reportData([glibc]), { dockerfile })
    const location = log.runs[0]!.results[0]!.locations[0]!.physicalLocation
    expect(location.artifactLocation.uri).toBe(uri)
    expect(validateSarif(JSON.parse(serializeSarif(log)))).toBe(true)
  })
})

describe('buildSarif past the result limit', () => {
  const critical = finding('CVE-2024-9000', { severity: 'CRITICAL', packageName: 'openssl' })
  const lowOnly = finding('CVE-2024-0001', { severity: 'LOW', packageName: 'zlib' })
  const weakestMedium = finding('CVE-2024-10', {
    severity: 'MEDIUM',
    packageName: 'weakest',
    cvssScore: 4
  })
  // Many findings share few ids, as in a real image; the one LOW id has no other finding.
  const mediums = Array.from({ length: MAX_RESULTS_PER_RUN - 1 }, (_, index) =>
    finding(`CVE-2024-1${index % 50}`, {
      severity: 'MEDIUM',
      packageName: `pkg-${index}`,
      cvssScore: 5 + (index % 30) / 10
    })
  )

  function expectConsistentRuleIndexes(log: SarifLog): void {
    const run = log.runs[0]!
    const ruleIds = run.tool.driver.rules.map(rule => rule.id)
    expect(run.results.every(result => ruleIds[result.ruleIndex] === result.ruleId)).toBe(true)
    expect(new Set(ruleIds)).toEqual(new Set(run.results.map(result => result.ruleId)))
  }

  it('keeps exactly the limit, most severe first, with only the rules they use', () => {
    const log = buildSarif(reportData([lowOnly, weakestMedium, ...mediums, critical]), OPTIONS)
    const run = log.runs[0]!
    expect(run.results).toHaveLength(MAX_RESULTS_PER_RUN)
    expect(run.results[0]?.ruleId).toBe('CVE-2024-9000')
    expect(run.results.some(result => result.ruleId === 'CVE-2024-0001')).toBe(false)
    expect(run.results.some(result => result.properties.packageName === 'weakest')).toBe(false)
    expect(validateSarif(JSON.parse(serializeSarif(log)))).toBe(true)
    expect(run.tool.driver.rules).toHaveLength(51)
    expectConsistentRuleIndexes(log)
    expect(run.invocations?.[0]?.toolExecutionNotifications[0]?.message.text).toBe(
      `Only the 25000 most severe of 25002 findings are included: code scanning rejects a run with more than 25000 results.`
    )
  })

  it('cuts at an injected limit, and says so only when results were left out', () => {
    const data = reportData([lowOnly, glibc, unscoredMedium, critical])
    const cut = buildSarif(data, { ...OPTIONS, maxResults: 2 })
    expect(cut.runs[0]!.results.map(result => result.ruleId)).toEqual([
      'CVE-2024-9000',
      'CVE-2023-4911'
    ])
    expectConsistentRuleIndexes(cut)
    expect(cut.runs[0]!.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          expect.objectContaining({ level: 'warning', descriptor: { id: 'results-truncated' } })
        ]
      }
    ])
    expect(buildSarif(data, { ...OPTIONS, maxResults: 4 }).runs[0]!.invocations).toBeUndefined()
  })
})

describe('the official schema', () => {
  it('rejects a log code scanning would reject, so passing it means something', () => {
    const log = buildSarif(reportData([glibc]), OPTIONS)
    const broken = JSON.parse(serializeSarif(log)) as { runs: { results: object[] }[] }
    broken.runs[0]!.results[0] = { ...broken.runs[0]!.results[0], level: 'critical', message: {} }
    expect(validateSarif(broken)).toBe(false)
    expect(validateSarif.errors?.map(error => error.instancePath)).toEqual(
      expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/0/message'])
    )
  })
})

describe('sarifLevel', () => {
  it.each([
    ['CRITICAL', 'error'],
    ['HIGH', 'error'],
    ['MEDIUM', 'warning'],
    ['LOW', 'note'],
    ['INFORMATIONAL', 'note'],
    ['UNDEFINED', 'note'],
    ['UNTRIAGED', 'note']
  ] as const)('maps %s to %s', (severity, level) => {
    expect(sarifLevel(severity)).toBe(level)
  })
})

describe('buildRunSarif', () => {
  const api = judgedReportData([glibc], {})
  const worker = judgedReportData([unscoredMedium], {
    image: {
      repository: 'team/worker',
      tag: 'v2',
      digest: `sha256:${'d'.repeat(64)}`,
      region: 'us-east-1'
    }
  })
  const run: RunResult = {
    ...runOf(api),
    images: [...runOf(api).images, ...runOf(worker, 'team/worker:v2').images]
  }

  it('writes one run per image, each in its own category, valid against the schema', () => {
    const log = buildRunSarif(run, OPTIONS)
    expect(validateSarif(log)).toBe(true)
    expect(log.runs.map(sarifRun => sarifRun.automationDetails?.id)).toEqual([
      'ecr-scan-findings/us-east-1/team/api/',
      'ecr-scan-findings/us-east-1/team/worker/'
    ])
    expect(log.runs.map(sarifRun => sarifRun.results.map(result => result.ruleId))).toEqual([
      ['CVE-2023-4911'],
      ['ALAS-2024-001']
    ])
  })

  it('leaves a single run without a category, so the upload step names it', () => {
    expect(buildRunSarif(runOf(api), OPTIONS).runs[0]?.automationDetails).toBeUndefined()
  })

  it('leaves out images without a verdict', () => {
    const unjudged = runOf({ ...worker, verdict: undefined, problem: 'FAILED' })
    const log = buildRunSarif(
      { ...run, images: [run.images[0] as ImageResult, ...unjudged.images] },
      OPTIONS
    )
    expect(log.runs).toHaveLength(1)
  })

  it.each([
    ['CRITICAL', '9.5'],
    ['HIGH', '8.0'],
    ['MEDIUM', '5.5'],
    ['LOW', '2.0'],
    ['INFORMATIONAL', '0.1'],
    ['UNDEFINED', '5.5'],
    ['UNTRIAGED', '5.5']
  ] as const)('gives an unscored %s rule the security-severity %s', (severity, score) => {
    const log = buildSarif(reportData([finding('CVE-1', { severity })]), OPTIONS)
    expect(log.runs[0]?.tool.driver.rules[0]?.properties['security-severity']).toBe(score)
  })
})

interface Requested {
  reference: string
  region?: string
  registryId?: string
  judged?: boolean
  /** false: the image failed before ECR resolved it (tag not found, access denied): no `image`. */
  resolved?: boolean
  findings?: Finding[]
}

/** A run of the images as requested: the repository and version come from the reference. */
function requestedRun(requested: Requested[], digestSeed = 'e'): RunResult {
  const images = requested.map(({ reference, region = 'us-east-1', registryId, ...rest }) => {
    const [, repository = '', tag, digest] =
      /^([^:@]+)(?::([^@]+))?(?:@(.+))?$/.exec(reference) ?? []
    const data = judgedReportData(
      rest.findings ?? [finding('CVE-2024-1', { packageName: 'zlib' })],
      {
        image: {
          repository,
          ...(tag ? { tag } : {}),
          ...(registryId ? { registryId } : {}),
          digest: digest ?? `sha256:${digestSeed.repeat(64)}`,
          region
        }
      }
    )
    const unjudged = rest.judged === false
    const result = runOf(
      unjudged ? { ...data, verdict: undefined, problem: 'FAILED' } : data,
      reference
    ).images[0] as ImageResult
    if (rest.resolved !== false) return result
    const withoutImage = { ...result }
    delete withoutImage.image
    return withoutImage
  })
  return { ...runOf(judgedReportData([])), images }
}

const categoriesOf = (log: SarifLog) => log.runs.map(sarifRun => sarifRun.automationDetails?.id)

describe('buildRunSarif categories', () => {
  it('names an image the same whether or not the other requested images were judged', () => {
    const images = [{ reference: 'web:v1' }, { reference: 'api:v1' }, { reference: 'db:v1' }]
    const allJudged = buildRunSarif(requestedRun(images), OPTIONS)
    const oneJudged = buildRunSarif(
      requestedRun([
        images[0]!,
        { ...images[1]!, judged: false },
        { ...images[2]!, judged: false }
      ]),
      OPTIONS
    )
    expect(categoriesOf(oneJudged)).toEqual(['ecr-scan-findings/us-east-1/web/'])
    expect(categoriesOf(allJudged)[0]).toBe(categoriesOf(oneJudged)[0])
  })

  it('keeps a category across runs that push a new digest under a new tag', () => {
    const before = requestedRun([{ reference: 'web:abc123' }, { reference: 'api:abc123' }], 'a')
    const after = requestedRun([{ reference: 'web:def456' }, { reference: 'api:def456' }], 'b')
    expect(categoriesOf(buildRunSarif(after, OPTIONS))).toEqual(
      categoriesOf(buildRunSarif(before, OPTIONS))
    )
  })

  it('tells apart one repository in two regions and in another account', () => {
    const log = buildRunSarif(
      requestedRun([
        { reference: 'web:v1', region: 'eu-west-1' },
        { reference: 'web:v1', region: 'us-east-1' },
        { reference: 'web:v1', region: 'us-east-1', registryId: '210987654321' }
      ]),
      OPTIONS
    )
    expect(categoriesOf(log)).toEqual([
      'ecr-scan-findings/eu-west-1/web:v1/',
      'ecr-scan-findings/us-east-1/web:v1/',
      'ecr-scan-findings/210987654321.us-east-1/web:v1/'
    ])
  })

  it('adds the requested tag or digest when a step asks for one repository twice', () => {
    const digest = `sha256:${'f'.repeat(64)}`
    const log = buildRunSarif(
      requestedRun([
        { reference: 'web:v1' },
        { reference: `web:v1@${digest}` },
        { reference: `web@${digest}`, region: 'eu-west-1' },
        { reference: 'api:v1' }
      ]),
      OPTIONS
    )
    expect(categoriesOf(log)).toEqual([
      'ecr-scan-findings/us-east-1/web:v1/',
      `ecr-scan-findings/us-east-1/web:v1@${digest}/`,
      `ecr-scan-findings/eu-west-1/web@${digest}/`,
      'ecr-scan-findings/us-east-1/api/'
    ])
  })

  it('numbers images that would still share a category, in request order', () => {
    const log = buildRunSarif(
      requestedRun([{ reference: 'web:v1' }, { reference: 'web:v1' }]),
      OPTIONS
    )
    expect(categoriesOf(log)).toEqual([
      'ecr-scan-findings/us-east-1/web:v1/',
      'ecr-scan-findings/us-east-1/web:v1#2/'
    ])
  })
})

describe('buildRunSarif past the run limit', () => {
  const many = (count: number): Requested[] =>
    Array.from({ length: count }, (_, index) => ({
      reference: `service-${index}:v1`,
      findings: [
        finding('CVE-2024-1', { packageName: 'zlib' }),
        finding(`CVE-2024-${100 + index}`, { packageName: `pkg-${index}`, severity: 'LOW' })
      ]
    }))

  it('writes one run per image up to the limit', () => {
    const log = buildRunSarif(requestedRun(many(MAX_RUNS_PER_FILE)), OPTIONS)
    expect(log.runs).toHaveLength(MAX_RUNS_PER_FILE)
  })

  it('folds more images into at most the limit of runs, keeping every result and its image', () => {
    const log = buildRunSarif(requestedRun(many(MAX_RUNS_PER_FILE + 5)), OPTIONS)
    expect(validateSarif(JSON.parse(serializeSarif(log)))).toBe(true)
    expect(log.runs.length).toBeLessThanOrEqual(MAX_RUNS_PER_FILE)
    expect(new Set(categoriesOf(log)).size).toBe(log.runs.length)
    const results = log.runs.flatMap(sarifRun => sarifRun.results)
    expect(results).toHaveLength(2 * (MAX_RUNS_PER_FILE + 5))
    expect(new Set(results.map(result => result.properties.image)).size).toBe(MAX_RUNS_PER_FILE + 5)
    for (const sarifRun of log.runs) {
      const fingerprints = sarifRun.results.map(
        result => result.partialFingerprints['ecrScanFinding/v1']
      )
      // The same finding in two images of one run stays two alerts.
      expect(new Set(fingerprints).size).toBe(fingerprints.length)
      const ruleIds = sarifRun.tool.driver.rules.map(rule => rule.id)
      expect(sarifRun.results.every(result => ruleIds[result.ruleIndex] === result.ruleId)).toBe(
        true
      )
    }
  })

  it('keeps each image in its folded run when images are added or fail', () => {
    const categoryOf = (log: SarifLog, image: string) =>
      log.runs.find(sarifRun =>
        sarifRun.results.some(result => result.properties.image?.startsWith(`${image}@`))
      )?.automationDetails?.id
    const fewer = buildRunSarif(requestedRun(many(MAX_RUNS_PER_FILE + 1)), OPTIONS)
    const more = many(MAX_RUNS_PER_FILE + 9).map((image, index) =>
      index === 3 ? { ...image, judged: false } : image
    )
    const moreLog = buildRunSarif(requestedRun(more), OPTIONS)
    for (const image of ['service-0:v1', 'service-7:v1', 'service-20:v1']) {
      expect(categoryOf(fewer, image)).toMatch(/^ecr-scan-findings\/group-\d+\/$/)
      expect(categoryOf(moreLog, image)).toBe(categoryOf(fewer, image))
    }
  })

  it('leaves out whole a folded run with an image without a verdict, and says so', () => {
    // Uploading the rest of that group would show the unjudged image's alerts as fixed.
    const images = many(MAX_RUNS_PER_FILE + 5)
    const complete = buildRunSarif(requestedRun(images), OPTIONS)
    const partial = buildRunSarif(
      requestedRun(
        images.map((image, index) => (index === 3 ? { ...image, judged: false } : image))
      ),
      OPTIONS
    )
    const groupOf = (log: SarifLog, image: string) =>
      log.runs.find(sarifRun =>
        sarifRun.results.some(result => result.properties.image?.startsWith(`${image}@`))
      )
    const left = groupOf(complete, 'service-3:v1')?.automationDetails?.id as string
    expect(left).toMatch(/^ecr-scan-findings\/group-\d+\/$/)
    expect(validateSarif(JSON.parse(serializeSarif(partial)))).toBe(true)
    expect(categoriesOf(partial)).toEqual(categoriesOf(complete).filter(id => id !== left))
    for (const sarifRun of partial.runs) {
      const before = complete.runs.find(
        other => other.automationDetails?.id === sarifRun.automationDetails?.id
      )
      expect(sarifRun.results).toEqual(before?.results)
    }
    const notices = partial.runs.flatMap(
      sarifRun =>
        sarifRun.invocations?.flatMap(invocation => invocation.toolExecutionNotifications) ?? []
    )
    const others = (groupOf(complete, 'service-3:v1')?.results ?? [])
      .map(result => result.properties.image.split('@')[0] as string)
      .filter(image => image !== 'service-3:v1')
    expect(others.length).toBeGreaterThan(0)
    expect(notices).toEqual([
      expect.objectContaining({
        descriptor: { id: 'folded-run-left-out' },
        message: {
          text: expect.stringMatching(new RegExp(`${left}.*service-3:v1.*next complete run`))
        }
      })
    ])
    for (const image of others) expect(notices[0]?.message.text).toContain(image)
  })

  it('folds an image that never resolved into the group it has when judged, and leaves it out', () => {
    // Without `image` its category came from the reference alone (`/service-3`, no region): it
    // landed in another group, and its own group was uploaded without it, closing its alerts.
    const images = many(25)
    const complete = buildRunSarif(requestedRun(images), OPTIONS)
    const partial = buildRunSarif(
      requestedRun(
        images.map((image, index) =>
          index === 3 ? { ...image, judged: false, resolved: false } : image
        )
      ),
      OPTIONS
    )
    const own = complete.runs.find(sarifRun =>
      sarifRun.results.some(result => result.properties.image?.startsWith('service-3:v1@'))
    )?.automationDetails?.id as string
    expect(own).toMatch(/^ecr-scan-findings\/group-\d+\/$/)
    expect(categoriesOf(partial)).toEqual(categoriesOf(complete).filter(id => id !== own))
    const notices = partial.runs.flatMap(
      sarifRun =>
        sarifRun.invocations?.flatMap(invocation => invocation.toolExecutionNotifications) ?? []
    )
    expect(notices.map(notice => notice.message.text)).toEqual([
      expect.stringMatching(new RegExp(`^${own}.*service-3:v1`))
    ])
  })

  it('cuts a folded run at the result limit and keeps the totals exact', () => {
    const images = many(MAX_RUNS_PER_FILE + 1)
    const log = buildRunSarif(requestedRun(images), { ...OPTIONS, maxResults: 1 })
    expect(log.runs.every(sarifRun => sarifRun.results.length === 1)).toBe(true)
    const totals = log.runs.map(sarifRun => {
      const text = sarifRun.invocations?.[0]?.toolExecutionNotifications[0]?.message.text ?? ''
      return Number(/^Only the 1 most severe of (\d+) findings/.exec(text)?.[1])
    })
    expect(totals.reduce((sum, total) => sum + total, 0)).toBe(2 * images.length)
  })
})

describe('sarifFile: what a front end writes, or why it writes nothing', () => {
  const many = (count: number, unjudged: (index: number) => boolean): Requested[] =>
    Array.from({ length: count }, (_, index) => ({
      reference: `service-${index}:v1`,
      judged: !unjudged(index),
      findings: [finding('CVE-2024-1'), finding(`CVE-2024-${100 + index}`, { severity: 'LOW' })]
    }))

  it('writes nothing when no image has a verdict', () => {
    const file = sarifFile(requestedRun(many(2, () => true)), OPTIONS)
    expect(file).toEqual({ kind: 'none', why: 'no-verdict', reason: 'no image has a verdict' })
  })

  it('writes nothing when every folded group holds an image without a verdict, and says why', () => {
    // 41 images in at most 20 groups, one judged: its group holds an unjudged one too.
    const run = requestedRun(many(2 * MAX_RUNS_PER_FILE + 1, index => index !== 0))
    expect(buildRunSarif(run, OPTIONS).runs).toEqual([])
    expect(sarifFile(run, OPTIONS)).toEqual({
      kind: 'none',
      why: 'no-complete-group',
      reason:
        'each group of images it would hold has one without a verdict, so code scanning keeps its alerts as they were until a run judges them all'
    })
  })

  it('gives the log, and for the log each notice of its runs: groups left out, results cut', () => {
    const run = requestedRun(many(MAX_RUNS_PER_FILE + 5, index => index === 3))
    const file = sarifFile(run, { ...OPTIONS, maxResults: 1 })
    expect(file.kind).toBe('log')
    if (file.kind !== 'log') return
    expect(file.log).toEqual(buildRunSarif(run, { ...OPTIONS, maxResults: 1 }))
    expect(file.notices.filter(notice => notice.includes('is left out'))).toEqual([
      expect.stringMatching(
        /^SARIF \(ecr-scan-findings\/group-\d+\/\): ecr-scan-findings\/group-\d+\/ is left out of this file because service-3:v1 has no verdict/
      )
    ])
    // Every image has two findings and a run keeps one: each run says so.
    expect(
      file.notices.filter(notice => /: Only the 1 most severe of \d+ findings/.test(notice))
    ).toHaveLength(file.log.runs.length)
  })

  it('has no notices when nothing is left out or cut', () => {
    const file = sarifFile(requestedRun(many(2, () => false)), OPTIONS)
    expect(file).toMatchObject({ kind: 'log', notices: [] })
  })
})

describe('buildSarif: EPSS and KEV', () => {
  it('puts epss and kev on results and the riskiest of them on the rule, and nothing without them', () => {
    const kev = { dateAdded: '2023-10-10T00:00:00.000Z', dueDate: '2023-10-31T00:00:00.000Z' }
    const findings = [
      finding('CVE-2023-44487', { packageName: 'nghttp2', epss: 0.94, kev, severity: 'HIGH' }),
      finding('CVE-2023-44487', { packageName: 'golang', epss: 0.5, severity: 'HIGH' }),
      finding('CVE-2024-0001', { packageName: 'zlib', severity: 'LOW', fixAvailable: 'YES' })
    ]
    const log = buildSarif(reportData(findings), OPTIONS)
    expect(validateSarif(log)).toBe(true)
    const [run] = log.runs
    const results = run?.results ?? []
    const byPackage = (name: string) => results.find(r => r.properties.packageName === name)
    expect(byPackage('nghttp2')?.properties).toMatchObject({ epss: 0.94, kev })
    expect(byPackage('golang')?.properties).toMatchObject({ epss: 0.5 })
    expect(byPackage('golang')?.properties).not.toHaveProperty('kev')
    expect(byPackage('zlib')?.properties).not.toHaveProperty('epss')
    const rules = run?.tool.driver.rules ?? []
    expect(rules.find(r => r.id === 'CVE-2023-44487')?.properties).toMatchObject({
      epss: 0.94,
      kev
    })
    expect(rules.find(r => r.id === 'CVE-2024-0001')?.properties).not.toHaveProperty('kev')
  })
})
