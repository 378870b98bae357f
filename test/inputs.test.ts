import { InputError, parseDuration, parseMaxFindings, readConfig } from '../src/config/inputs.js'

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

function errorOf(action: () => unknown): string {
  try {
    action()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('expected an InputError')
}

describe('readConfig', () => {
  it('applies the documented defaults', () => {
    const result = config({})
    expect(result).toMatchObject({
      repository: 'team/web-api',
      imageTag: 'v1',
      region: 'eu-west-1',
      timeoutMs: 600_000,
      startScan: false,
      scanFailure: 'fail',
      thresholds: { failOn: 'HIGH', maxCounts: {}, failOnExploit: false },
      ignoreFile: { path: '.github/ecr-scan-ignore.yml', explicit: false },
      onlyFixable: false,
      dockerfile: 'Dockerfile',
      comment: 'always'
    })
    expect(result.imageDigest).toBeUndefined()
    expect(result.minCvss).toBeUndefined()
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
    expect(config({ 'image-digest': DIGEST }).imageDigest).toBe(DIGEST)
    expect(errorOf(() => config({ 'image-digest': 'sha256:xyz' }))).toContain(
      "Invalid input 'image-digest'"
    )
  })

  it('takes the region from the input, then AWS_REGION, then AWS_DEFAULT_REGION', () => {
    expect(config({ region: 'ap-south-1' }).region).toBe('ap-south-1')
    expect(config({}, { AWS_DEFAULT_REGION: 'us-west-2' }).region).toBe('us-west-2')
    expect(config({}, { AWS_REGION: '', AWS_DEFAULT_REGION: 'us-west-2' }).region).toBe('us-west-2')
    expect(config({ region: 'eusc-de-east-1' }).region).toBe('eusc-de-east-1')
    expect(errorOf(() => config({}, {}))).toContain('No AWS region')
    expect(errorOf(() => config({ region: 'Mars' }))).toContain("Invalid input 'region'")
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
