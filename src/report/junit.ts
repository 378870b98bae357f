import { imageName } from '../core/outcome.js'
import { type Finding, compareFindings, compareRisk, formatEpss } from '../model/findings.js'
import { SEVERITIES, severityRank } from '../model/severity.js'
import {
  type ImageResult,
  type JudgedImage,
  type RunResult,
  isSoftenable
} from '../core/results.js'
import { type Breach, describeBreach } from '../policy/policy.js'

export interface JunitOptions {
  /**
   * `scan-failure: warn`: an image whose scan ended without results (a softenable problem) is
   * reported as skipped, not as an error, as the exit code does not count it either.
   */
  softenScanFailures?: boolean
  /** When the run happened; the `timestamp` attribute. */
  timestamp?: Date
  /** Findings listed in a failure's text, most severe first. Default 200. */
  maxListed?: number
}

// Characters XML 1.0 does not allow at all, even escaped: C0 controls other than tab and line
// breaks, lone surrogates, U+FFFE and U+FFFF. They become U+FFFD.
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** Text content: every markup character escaped, and nothing XML 1.0 forbids. */
export function xmlText(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** An attribute value: as text, plus quotes, and line breaks and tabs as references so they survive. */
export function xmlAttribute(text: string): string {
  return xmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
}

function element(
  name: string,
  attributes: Record<string, string | number | undefined>,
  body?: string
): string {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${xmlAttribute(String(value))}"`)
    .join('')
  return body === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`
}

interface Case {
  name: string
  outcome?: { kind: 'failure' | 'error' | 'skipped'; type: string; message: string; text?: string }
}

/** The findings behind a breach: those the policy judged that the rule counts. */
function culprits(result: JudgedImage, breach: Breach): Finding[] {
  const judged = result.triage.counted
  switch (breach.rule) {
    case 'fail-on':
      return judged.filter(
        finding =>
          severityRank(finding.severity) >= severityRank(breach.severity) &&
          !breach.exempt.includes(finding.severity)
      )
    case 'max-count':
      return judged.filter(finding => finding.severity === breach.severity)
    case 'exploit':
      return judged.filter(finding => finding.exploitAvailable === 'YES')
    case 'kev':
      return judged.filter(finding => finding.kev !== undefined)
  }
}

function findingLine(finding: Finding): string {
  const where = finding.packageName
    ? ` in ${finding.packageName}${finding.installedVersion ? ` ${finding.installedVersion}` : ''}`
    : ''
  const fix = finding.fixedInVersion ? `, fixed in ${finding.fixedInVersion}` : ''
  const link = finding.link ? ` (${finding.link})` : ''
  const risk = [
    finding.kev ? 'on CISA KEV' : '',
    finding.epss !== undefined ? `EPSS ${formatEpss(finding.epss)}` : ''
  ].filter(Boolean)
  const riskText = risk.length > 0 ? ` [${risk.join(', ')}]` : ''
  return `${finding.severity} ${finding.id}${where}${fix}${riskText}${link}`
}

function failureText(result: JudgedImage, breach: Breach, maxListed: number): string {
  const rank = (finding: Finding) => SEVERITIES.indexOf(finding.severity)
  // Under fail-on-kev or with EPSS the riskiest come first; without enrichment compareRisk is 0.
  const found = culprits(result, breach).sort(
    (a, b) => compareRisk(a, b) || rank(a) - rank(b) || compareFindings(a, b)
  )
  const lines = found.slice(0, maxListed).map(findingLine)
  if (found.length > maxListed) lines.push(`…and ${found.length - maxListed} more.`)
  return `${lines.join('\n')}\n`
}

/** One case per policy rule in force: fail-on, each max-findings limit, fail-on-exploit, fail-on-kev. */
function ruleCases(result: JudgedImage, run: RunResult, maxListed: number): Case[] {
  const { thresholds } = run
  const breachOf = (matches: (breach: Breach) => boolean) => result.verdict.breaches.find(matches)
  const outcome = (breach: Breach | undefined): Case['outcome'] =>
    breach && {
      kind: 'failure',
      type: breach.rule,
      message: describeBreach(breach),
      text: failureText(result, breach, maxListed)
    }
  const cases: Case[] = []
  if (thresholds.failOn)
    cases.push({
      name: `fail-on ${thresholds.failOn}`,
      outcome: outcome(breachOf(breach => breach.rule === 'fail-on'))
    })
  for (const severity of SEVERITIES) {
    const limit = thresholds.maxCounts[severity]
    if (limit === undefined) continue
    cases.push({
      name: `max-findings ${severity}=${limit}`,
      outcome: outcome(
        breachOf(breach => breach.rule === 'max-count' && breach.severity === severity)
      )
    })
  }
  if (thresholds.failOnExploit)
    cases.push({
      name: 'fail-on-exploit',
      outcome: outcome(breachOf(breach => breach.rule === 'exploit'))
    })
  if (thresholds.failOnKev)
    cases.push({
      name: 'fail-on-kev',
      outcome: outcome(breachOf(breach => breach.rule === 'kev'))
    })
  // With every rule off there is still a case, so the image shows up as checked.
  if (cases.length === 0) cases.push({ name: 'scan read (no thresholds set)' })
  return cases
}

function imageCases(result: ImageResult, run: RunResult, options: JunitOptions): Case[] {
  if (result.kind === 'judged') return ruleCases(result, run, options.maxListed ?? 200)
  const softened = options.softenScanFailures === true && isSoftenable(result.problem)
  const description = result.scan.description ? `\nAWS: ${result.scan.description}` : ''
  return [
    {
      name: 'scan',
      outcome: {
        kind: softened ? 'skipped' : 'error',
        type: result.problem.kind,
        message: result.problem.message,
        text: `Scan status ${result.scan.status}${description}\n`
      }
    }
  ]
}

function renderCase(testcase: Case, classname: string): string {
  const attributes = { name: testcase.name, classname, time: '0' }
  const { outcome } = testcase
  if (!outcome) return `    ${element('testcase', attributes)}`
  const inner = element(
    outcome.kind,
    { type: outcome.type, message: outcome.message },
    outcome.text === undefined ? undefined : xmlText(outcome.text)
  )
  return `    ${element('testcase', attributes, `\n      ${inner}\n    `)}`
}

/**
 * A JUnit XML report for CI test views (Jenkins, GitLab, Buildkite, CircleCI): one suite per image,
 * one case per policy rule, a failure naming the breach and listing its findings, and an error
 * (or, when softened, a skip) for an image without a verdict.
 */
export function renderJunit(run: RunResult, options: JunitOptions = {}): string {
  const suites = run.images.map((result, index) => {
    const name = imageName(result)
    const cases = imageCases(result, run, options)
    const count = (kind: string) => cases.filter(entry => entry.outcome?.kind === kind).length
    return {
      index,
      name,
      result,
      cases,
      tests: cases.length,
      failures: count('failure'),
      errors: count('error'),
      skipped: count('skipped')
    }
  })
  const rendered = suites.map(suite => {
    const { result, name } = suite
    const properties = [
      ['reference', result.target.reference],
      ['digest', result.image?.digest],
      ['region', result.image?.region],
      ['scan-status', result.scan.status],
      ['scan-type', result.scan.type]
    ]
      .filter((entry): entry is [string, string] => !!entry[1])
      .map(([key, value]) => `      ${element('property', { name: key, value })}`)
    const body = [
      '',
      `    ${element('properties', {}, `\n${properties.join('\n')}\n    `)}`,
      ...suite.cases.map(entry => renderCase(entry, `ecr-scan-findings.${name}`)),
      '  '
    ].join('\n')
    return `  ${element(
      'testsuite',
      {
        name,
        id: suite.index,
        package: 'ecr-scan-findings',
        tests: suite.tests,
        failures: suite.failures,
        errors: suite.errors,
        skipped: suite.skipped,
        time: '0',
        timestamp: options.timestamp?.toISOString().replace(/\.\d{3}Z$/, '')
      },
      body
    )}`
  })
  const total = (key: 'tests' | 'failures' | 'errors') =>
    suites.reduce((sum, suite) => sum + suite[key], 0)
  const root = element(
    'testsuites',
    {
      name: `ecr-scan-findings ${run.actionVersion}`,
      tests: total('tests'),
      failures: total('failures'),
      errors: total('errors'),
      time: '0'
    },
    `\n${rendered.join('\n')}\n`
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`
}
