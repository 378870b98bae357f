import { InputError, parseDuration, parseMaxFindings, readConfig } from '../src/config/inputs.js'
import { messageOf } from './support/thrown.js'

const DIGEST = `sha256:${'a'.repeat(64)}`

function reader(inputs: Record<string, string>) {
  return (name: string) => inputs[name] ?? ''
}

function config(
  inputs: Record<string, string>,
  env: Record<string, string> = { AWS_REGION: 'eu-west-1' }
) {
  return readConfig(reader({ repository: 'team/web-api', 'image-tag': 'v1', ...inputs }), env)
}

const errorOf = messageOf(InputError)

describe('readConfig', () => {
  it('applies the documented defaults', () => {
    const result = config({})
    expect(result).toMatchObject({
      images: [
        {
          reference: 'team/web-api:v1',
          region: 'eu-west-1',
          query: { repository: 'team/web-api', imageTag: 'v1' }
        }
      ],
      maxConcurrency: 5,
      onlyNew: false,
      timeoutMs: 600_000,
      startScan: false,
      scanFailure: 'fail',
      thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false },
      ignoreFile: { path: '.github/ecr-scan-ignore.yml', explicit: false },
      onlyFixable: false,
      dockerfile: 'Dockerfile',
      comment: 'always'
    })
    expect(result.images[0]?.query.imageDigest).toBeUndefined()
    expect(result.minCvss).toBeUndefined()
    expect(result.baseline).toBeUndefined()
  })

  it('reads several images, each URI with its own account and region', () => {
    const result = config(
      {
        repository: '',
        'image-tag': '',
        images: 'web:1\n123456789012.dkr.ecr.us-west-2.amazonaws.com/api@' + DIGEST,
        'registry-id': '210987654321'
      },
      { AWS_REGION: 'eu-west-1' }
    )
    expect(result.images).toEqual([
      {
        reference: 'web:1',
        region: 'eu-west-1',
        query: {
          repository: 'web',
          imageTag: '1',
          imageDigest: undefined,
          registryId: '210987654321'
        }
      },
      {
        reference: `123456789012.dkr.ecr.us-west-2.amazonaws.com/api@${DIGEST}`,
        region: 'us-west-2',
        query: {
          repository: 'api',
          imageTag: undefined,
          imageDigest: DIGEST,
          registryId: '123456789012'
        }
      }
    ])
  })

  it('needs no region when every image names its own', () => {
    const result = config(
      {
        repository: '',
        'image-tag': '',
        images: '123456789012.dkr.ecr.us-west-2.amazonaws.com/api:1'
      },
      {}
    )
    expect(result.images[0]?.region).toBe('us-west-2')
  })

  it('refuses images together with the single-image inputs, naming both', () => {
    expect(errorOf(() => config({ images: 'web:1' }))).toBe(
      "Set either 'images' or 'repository' and 'image-tag', not both: put every image in 'images'."
    )
  })

  it.each(['0', '51', '2.5', 'many'])('rejects max-concurrency %s', value => {
    expect(errorOf(() => config({ 'max-concurrency': value }))).toContain(
      "Invalid input 'max-concurrency'"
    )
  })

  it('reads the baseline and only-new', () => {
    const result = config({ baseline: 'main', 'only-new': 'true' })
    expect(result.baseline).toEqual({ kind: 'same-repository', tag: 'main', reference: 'main' })
    expect(result.onlyNew).toBe(true)
  })

  it('requires the repository and names it', () => {
    expect(
      errorOf(() => readConfig(reader({ 'image-tag': 'v1' }), { AWS_REGION: 'us-east-1' }))
    ).toContain("'repository'")
  })

  it('rejects a registry URI in place of the repository name', () => {
    const message = errorOf(() =>
      config({ repository: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web' })
    )
    expect(message).toContain("Invalid input 'repository'")
    expect(message).toContain('not the registry URI')
  })

  it('requires a tag or a digest', () => {
    const message = errorOf(() =>
      readConfig(reader({ repository: 'web' }), { AWS_REGION: 'us-east-1' })
    )
    expect(message).toContain("'image-tag'")
    expect(message).toContain("'image-digest'")
  })

  it('accepts a digest and rejects a malformed one', () => {
    expect(config({ 'image-digest': DIGEST }).images[0]?.query.imageDigest).toBe(DIGEST)
    expect(errorOf(() => config({ 'image-digest': 'sha256:xyz' }))).toContain(
      "Invalid input 'image-digest'"
    )
  })

  it('takes the region from the input, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(config({ region: 'ap-south-1' }).images[0]?.region).toBe('ap-south-1')
    expect(config({}, { AWS_DEFAULT_REGION: 'us-west-2' }).images[0]?.region).toBe('us-west-2')
    expect(config({}, { AWS_REGION: '', AWS_DEFAULT_REGION: 'us-west-2' }).images[0]?.region).toBe(
      'us-west-2'
    )
    expect(config({ region: 'eusc-de-east-1' }).images[0]?.region).toBe('eusc-de-east-1')
    expect(errorOf(() => config({}, {}))).toContain('No AWS region')
    expect(errorOf(() => config({ region: 'Mars' }))).toContain("Invalid input 'region'")
  })

  it('points the Action at configure-aws-credentials for the region', () => {
    expect(errorOf(() => config({}, {}))).toBe(
      "No AWS region: set the 'region' input, or AWS_REGION (aws-actions/configure-aws-credentials sets it from its aws-region input)."
    )
    expect(errorOf(() => config({}, { AWS_REGION: 'eu_west_1' }))).toBe(
      "Invalid AWS_REGION 'eu_west_1': expected an AWS region such as us-east-1. Fix the aws-region given to configure-aws-credentials, or set the 'region' input."
    )
  })

  it('points the command line at --region and the environment for the region', () => {
    const cli = (env: Record<string, string>) => () =>
      readConfig(reader({ repository: 'team/web-api', 'image-tag': 'v1' }), env, {
        surface: 'cli'
      })
    expect(errorOf(cli({}))).toBe(
      'No AWS region: give --region, or set AWS_REGION or AWS_DEFAULT_REGION in the environment.'
    )
    expect(errorOf(cli({ AWS_DEFAULT_REGION: 'EU' }))).toBe(
      "Invalid AWS_DEFAULT_REGION 'EU': expected an AWS region such as us-east-1. Fix AWS_DEFAULT_REGION in the environment, or give --region."
    )
  })

  it('checks a region from the environment too, naming the variable', () => {
    expect(errorOf(() => config({}, { AWS_REGION: 'eu_west_1' }))).toContain(
      "Invalid AWS_REGION 'eu_west_1': expected an AWS region such as us-east-1"
    )
    expect(errorOf(() => config({}, { AWS_DEFAULT_REGION: 'EU' }))).toContain(
      "Invalid AWS_DEFAULT_REGION 'EU'"
    )
  })

  it('reads fail-on in any case and NONE turns it off', () => {
    expect(config({ 'fail-on': 'critical' }).thresholds.failOn).toBe('CRITICAL')
    expect(config({ 'fail-on': 'none' }).thresholds.failOn).toBeUndefined()
    const message = errorOf(() => config({ 'fail-on': 'SEVERE' }))
    expect(message).toContain("Invalid input 'fail-on': 'SEVERE'")
    expect(message).toContain('CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL, NONE')
  })

  it('accepts only YAML booleans', () => {
    expect(config({ 'start-scan': 'True' }).startScan).toBe(true)
    expect(errorOf(() => config({ 'only-fixable': 'yes' }))).toContain(
      "Invalid input 'only-fixable': 'yes'. Use true or false."
    )
  })

  it('validates min-cvss, pr-number, registry-id, scan-failure and comment', () => {
    expect(config({ 'min-cvss': '7.5' }).minCvss).toBe(7.5)
    expect(errorOf(() => config({ 'min-cvss': '11' }))).toContain("'min-cvss'")
    expect(errorOf(() => config({ 'min-cvss': 'high' }))).toContain("'min-cvss'")
    expect(config({ 'pr-number': '42' }).prNumber).toBe(42)
    expect(errorOf(() => config({ 'pr-number': '#42' }))).toContain("'pr-number'")
    expect(errorOf(() => config({ 'registry-id': '1234' }))).toContain("'registry-id'")
    expect(errorOf(() => config({ 'scan-failure': 'ignore' }))).toContain('fail, warn')
    expect(config({ comment: 'On-Failure' }).comment).toBe('on-failure')
  })

  it('marks an ignore-file path the user set as explicit', () => {
    expect(config({ 'ignore-file': 'security/ignore.yml' }).ignoreFile).toEqual({
      path: 'security/ignore.yml',
      explicit: true
    })
  })

  it('does not treat the default path, which the runner passes as an input, as explicit', () => {
    for (const path of [
      '.github/ecr-scan-ignore.yml',
      './.github/ecr-scan-ignore.yml',
      '.github\\ecr-scan-ignore.yml'
    ]) {
      expect(config({ 'ignore-file': path }).ignoreFile).toEqual({
        path,
        explicit: false
      })
    }
  })

  it('keeps inline ignore rules as written, so their line numbers match the workflow', () => {
    expect(config({ ignore: '\n- id: CVE-1\n  reason: r\n' }).ignoreInline).toBe(
      '\n- id: CVE-1\n  reason: r\n'
    )
    expect(config({ ignore: ' \n ' }).ignoreInline).toBeUndefined()
  })

  it('reads fail-on-exploit', () => {
    expect(config({ 'fail-on-exploit': 'true' }).thresholds.failOnExploit).toBe(true)
    expect(config({}).thresholds.failOnExploit).toBe(false)
  })
})

describe('parseDuration', () => {
  it.each([
    ['600', 600_000],
    ['30s', 30_000],
    ['10m', 600_000],
    ['1h', 3_600_000],
    ['1m30s', 90_000]
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text, 'timeout')).toBe(ms)
  })

  it.each(['ten minutes', '10 m', '-5', '5d', '1.5m'])('rejects %s naming the input', text => {
    expect(errorOf(() => parseDuration(text, 'timeout'))).toContain("Invalid input 'timeout'")
  })

  it('rejects a zero timeout', () => {
    expect(errorOf(() => config({ timeout: '0s' }))).toContain('longer than zero')
  })
})

describe('parseMaxFindings', () => {
  it('reads commas, new lines, = and : in any case', () => {
    expect(parseMaxFindings('critical=0, HIGH: 5\nuntriaged=10')).toEqual({
      CRITICAL: 0,
      HIGH: 5,
      UNTRIAGED: 10
    })
    expect(parseMaxFindings(undefined)).toEqual({})
  })

  it('rejects unknown severities naming the allowed ones', () => {
    const message = errorOf(() => parseMaxFindings('SEVERE=1'))
    expect(message).toContain("Invalid input 'max-findings': 'SEVERE=1'")
    expect(message).toContain('UNDEFINED, UNTRIAGED')
  })

  it.each(['HIGH=-1', 'HIGH=two', 'HIGH=1.5'])('rejects the count in %s', entry => {
    expect(errorOf(() => parseMaxFindings(entry))).toContain('whole number')
  })

  it('rejects a severity given twice instead of keeping one silently', () => {
    expect(errorOf(() => parseMaxFindings('HIGH=5, high=0'))).toBe(
      "Invalid input 'max-findings': HIGH is given twice. Keep one limit per severity."
    )
  })
})

describe('readConfig: enrich, fail-on-kev, min-epss', () => {
  it('defaults to no enrichment and no risk rules', () => {
    const result = config({})
    expect(result.enrich).toBe('none')
    expect(result.thresholds.failOnKev).toBe(false)
    expect(result.minEpss).toBeUndefined()
  })

  it('reads them together', () => {
    const result = config({ enrich: 'Inspector', 'fail-on-kev': 'true', 'min-epss': '0.05' })
    expect(result.enrich).toBe('inspector')
    expect(result.thresholds.failOnKev).toBe(true)
    expect(result.minEpss).toBe(0.05)
    expect(config({ enrich: 'inspector', 'min-epss': '1' }).minEpss).toBe(1)
    expect(config({ enrich: 'inspector', 'min-epss': '0' }).minEpss).toBe(0)
  })

  it.each(['1.01', '-0.1', '10%', 'abc', '1e-2', 'NaN'])('rejects min-epss %p', value => {
    expect(errorOf(() => config({ enrich: 'inspector', 'min-epss': value }))).toBe(
      `Invalid input 'min-epss': '${value}'. Use an EPSS probability from 0 to 1, e.g. 0.1 for a 10% chance of exploitation in the next 30 days.`
    )
  })

  it('rejects an unknown enrich source', () => {
    expect(errorOf(() => config({ enrich: 'epss' }))).toBe(
      "Invalid input 'enrich': 'epss'. Possible options are: none, inspector."
    )
  })

  it('names the fix when fail-on-kev or min-epss come without enrich: inspector', () => {
    expect(errorOf(() => config({ 'fail-on-kev': 'true' }))).toBe(
      "'fail-on-kev: true' needs EPSS and KEV data from Amazon Inspector: set the 'enrich' input to 'inspector' (enhanced scanning only), or remove it."
    )
    expect(
      errorOf(() => config({ 'fail-on-kev': 'true', 'min-epss': '0.3', enrich: 'none' }))
    ).toBe(
      "'fail-on-kev: true' and 'min-epss' need EPSS and KEV data from Amazon Inspector: set the 'enrich' input to 'inspector' (enhanced scanning only), or remove them."
    )
    expect(config({ 'fail-on-kev': 'false' }).thresholds.failOnKev).toBe(false)
  })
})
