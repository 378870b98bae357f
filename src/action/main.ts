import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import * as core from '@actions/core'
import * as github from '@actions/github'
import { DEFAULT_BACKOFF, type BackoffOptions } from '../core/backoff.js'
import { EcrScans } from '../aws/ecr.js'
import { explainAwsError } from '../aws/errors.js'
import { errorMessage, oneLine } from '../model/text.js'
import { formatImage, type ImageRef, isImageIndex } from '../model/image.js'
import { missingIgnoreFileError, parseIgnoreRules } from '../policy/ignore-rules.js'
import { type Config, INPUT, readConfig } from '../config/inputs.js'
import { buildJsonReport, serializeJsonReport } from '../report/json-report.js'
import { describeBreach, evaluatePolicy } from '../policy/policy.js'
import { COMMENT_MARKER_BUDGET } from '../report/limits.js'
import { commentMarker, publishComment, resolvePullRequestNumber } from './pr-comment.js'
import { readAllFindings } from '../core/read-findings.js'
import type { IgnoreRule, ReportData, ScanInfo } from '../core/results.js'
import { renderComment, renderSummary } from '../report/report.js'
import { buildSarif, serializeSarif } from '../report/sarif.js'
import { SEVERITIES, emptyCounts } from '../model/severity.js'
import { describeExpiredRule, describeStaleRule, triage } from '../policy/triage.js'
import { ACTION_VERSION } from '../version.js'
import { SCAN_NOT_FOUND, type ScanPage, waitForScan } from '../core/wait-for-scan.js'

/** What tests may swap: the clock and sleep, so no test really waits. */
export interface RunOptions {
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  backoff?: BackoffOptions
  env?: NodeJS.ProcessEnv
}

const realSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

function scanInfo(page: ScanPage): ScanInfo {
  return {
    status: page.status,
    description: page.description,
    type: page.enhanced ? 'enhanced' : 'basic',
    completedAt: page.completedAt,
    vulnerabilitySourceUpdatedAt: page.vulnerabilitySourceUpdatedAt
  }
}

/** Read before any AWS call, so a broken rule fails in seconds rather than after the scan. */
async function readIgnoreRules(config: Config): Promise<IgnoreRule[]> {
  const { path, explicit } = config.ignoreFile
  let fileText: string | undefined
  try {
    fileText = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    // A missing file at the default path just means the repository has no rules.
    if (explicit) throw missingIgnoreFileError(path)
  }
  return [
    ...(fileText === undefined ? [] : parseIgnoreRules(fileText, path)),
    ...(config.ignoreInline ? parseIgnoreRules(config.ignoreInline, `input ${INPUT.ignore}`) : [])
  ]
}

async function writeReportFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
}

/** One file per image, so two scan steps in a job do not overwrite each other's report. */
function defaultJsonReportPath(image: ImageRef, env: NodeJS.ProcessEnv): string {
  const name = `${image.repository.replace(/[^a-z0-9._-]+/g, '-')}-${image.digest.replace(/^sha256:/, '').slice(0, 12)}`
  return join(env.RUNNER_TEMP || tmpdir(), 'ecr-scan-findings', `${name}.json`)
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
}

/** Counts stay empty without a verdict: zeros would read as a clean image. */
function setOutputs(data: ReportData): void {
  const judged = data.verdict !== undefined
  const count = (value: number) => (judged ? value : '')
  for (const severity of SEVERITIES)
    core.setOutput(severity.toLowerCase(), count(data.counts[severity]))
  core.setOutput('total', count(data.findings.length))
  core.setOutput('ignored', count(data.triage.ignored.length))
  core.setOutput('scan-status', data.scan.status)
  core.setOutput('image-digest', data.image.digest)
  core.setOutput('passed', data.verdict ? String(data.verdict.passed) : '')
}

async function comment(
  config: Config,
  marker: string,
  data: ReportData,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (config.comment === 'never') return
  if (!config.githubToken) {
    core.info(`No '${INPUT.githubToken}': skipping the PR comment.`)
    return
  }
  const result = await publishComment(
    github.getOctokit(config.githubToken),
    {
      owner,
      repo,
      pullNumber: resolvePullRequestNumber(
        github.context.eventName,
        github.context.payload,
        config.prNumber
      ),
      marker,
      body: renderComment(data, { reservedChars: COMMENT_MARKER_BUDGET }),
      mode: config.comment,
      problemFound: !data.verdict?.passed
    },
    { info: core.info, warning: core.warning }
  )
  if (result.url) core.setOutput('comment-url', result.url)
}

/**
 * Writes everything a reader gets: outputs, the job summary, the report files and the PR comment,
 * each independently of the others. Returns the writes that failed, one line each; a comment
 * GitHub refused is only a warning, so it never changes the step's outcome.
 */
async function report(
  config: Config,
  marker: string,
  data: ReportData,
  env: NodeJS.ProcessEnv
): Promise<string[]> {
  const failures: string[] = []
  const attempt = async (what: string, write: () => Promise<void>) => {
    try {
      await write()
    } catch (error) {
      failures.push(`Could not write the ${what}: ${errorMessage(error)}`)
    }
  }
  setOutputs(data)
  await attempt('job summary', async () => {
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(data)).write()
    else core.info('No GITHUB_STEP_SUMMARY (not on a runner): the job summary is not written.')
  })
  const jsonPath = config.jsonReport ?? defaultJsonReportPath(data.image, env)
  await attempt(`JSON report to ${jsonPath}`, async () => {
    await writeReportFile(jsonPath, serializeJsonReport(buildJsonReport(data)))
    core.setOutput('json-report', jsonPath)
  })
  // No SARIF without a verdict: an upload with no results would close every open alert as fixed.
  const sarifPath = config.sarifReport
  if (sarifPath && data.verdict) {
    const workspace = env.GITHUB_WORKSPACE || process.cwd()
    const dockerfile = relative(workspace, resolve(config.dockerfile))
    if (dockerfile.startsWith(`..${sep}`) || isAbsolute(dockerfile)) {
      core.warning(
        `'${INPUT.dockerfile}' (${config.dockerfile}) is outside the repository at ${workspace}: code scanning cannot place the SARIF alerts on it.`
      )
    }
    await attempt(`SARIF report to ${sarifPath}`, async () => {
      const sarif = buildSarif(data, { dockerfile })
      for (const notice of sarif.runs[0]?.invocations?.[0]?.toolExecutionNotifications ?? [])
        core.warning(`SARIF: ${notice.message.text}`)
      await writeReportFile(sarifPath, serializeSarif(sarif))
      core.setOutput('sarif-report', sarifPath)
    })
  }
  try {
    await comment(config, marker, data, env)
  } catch (error) {
    core.warning(`PR comment: not written (${errorMessage(error)}).`)
  }
  return failures
}

/** `timedOut` fails the step whatever scan-failure says: a timeout is not a scan result. */
interface Judgement {
  data: ReportData
  timedOut: boolean
}

async function judge(
  config: Config,
  rules: IgnoreRule[],
  ecr: EcrScans,
  image: ImageRef,
  options: Required<RunOptions>
): Promise<Judgement> {
  const waited = await core.group('Waiting for the scan', () =>
    waitForScan(
      {
        describe: () => ecr.describeScan(image),
        startScan: config.startScan ? () => ecr.startScan(image) : undefined,
        now: options.now,
        sleep: options.sleep,
        random: options.random,
        log: core.info
      },
      { timeoutMs: config.timeoutMs, backoff: options.backoff }
    )
  )
  const base = {
    image,
    thresholds: config.thresholds,
    triage: { counted: [], ignored: [], filters: [], expiredRules: [], staleRules: [] },
    actionVersion: ACTION_VERSION,
    runUrl: runUrl(options.env)
  }
  if (waited.kind === 'timeout') {
    const minutes = (waited.waitedMs / 60_000).toFixed(1)
    const problem = `The scan did not settle within the timeout: last status ${waited.lastStatus} after ${minutes} minutes. Raise '${INPUT.timeout}', or check the scan in the ECR console.`
    const scan: ScanInfo = {
      ...(waited.lastPage ? scanInfo(waited.lastPage) : { status: waited.lastStatus }),
      type: waited.lastPage?.enhanced ? 'enhanced' : 'unknown'
    }
    return { timedOut: true, data: { ...base, scan, findings: [], counts: emptyCounts(), problem } }
  }
  if (waited.kind === 'terminal') {
    const described = waited.page.description ? ` (${oneLine(waited.page.description)})` : ''
    const problem = `The scan ended with status ${waited.page.status}${described}: there is nothing trustworthy to judge. ${waited.fix}`
    return {
      timedOut: false,
      data: { ...base, scan: scanInfo(waited.page), findings: [], counts: emptyCounts(), problem }
    }
  }
  if (waited.stale)
    core.warning(
      'Scan eligibility expired: these findings are from the last scan and may be stale. Push the image again to rescan it.'
    )
  const all = await core.group('Reading findings', async () => {
    const result = await readAllFindings(waited.page, token => ecr.pagesAfter(image, token))
    core.info(`Read ${result.findings.length} findings over ${result.pages} page(s).`)
    if (result.serviceCountsMismatch) core.debug(result.serviceCountsMismatch)
    return result
  })
  const triaged = triage(
    all.findings,
    rules,
    { onlyFixable: config.onlyFixable, minCvss: config.minCvss },
    new Date(options.now())
  )
  for (const rule of triaged.expiredRules) core.warning(describeExpiredRule(rule))
  for (const rule of triaged.staleRules) core.notice(describeStaleRule(rule))
  const verdict = evaluatePolicy(triaged.counted, config.thresholds)
  const scan = scanInfo(waited.page)
  const data = {
    ...base,
    scan,
    findings: all.findings,
    counts: all.counts,
    triage: triaged,
    verdict
  }
  return { timedOut: false, data }
}

/** The whole step. The only place that decides the step's outcome. */
export async function run(overrides: RunOptions = {}): Promise<void> {
  const options: Required<RunOptions> = {
    now: Date.now,
    sleep: realSleep,
    random: Math.random,
    backoff: DEFAULT_BACKOFF,
    env: process.env,
    ...overrides
  }
  let config: Config
  let rules: IgnoreRule[]
  let marker: string
  try {
    // Untrimmed, so line numbers in the inline ignore rules match what the workflow shows.
    config = readConfig(name => core.getInput(name, { trimWhitespace: false }), options.env)
    rules = await readIgnoreRules(config)
    // Built from the inputs, not ECR's answers, so every run finds the same comment; and built
    // now, so a comment-key too long for the marker fails before the wait, not after it.
    marker = commentMarker(config, config.commentKey)
  } catch (error) {
    core.setFailed(errorMessage(error))
    return
  }
  const context = {
    repository: config.repository,
    region: config.region,
    registryId: config.registryId,
    image: config.imageDigest ?? config.imageTag
  }
  let judgement: Judgement
  try {
    const ecr = EcrScans.create(config.region)
    const image = await ecr.resolveImage(config)
    core.info(`Image: ${formatImage(image)} (${config.region})`)
    if (isImageIndex(image)) {
      core.warning(
        `${formatImage(image)} is a multi-platform image index: ECR scans each platform's image, so the index itself may never get a scan. If the wait ends with ${SCAN_NOT_FOUND}, pass one platform image's digest as '${INPUT.imageDigest}'.`
      )
    }
    judgement = await judge(config, rules, ecr, image, options)
  } catch (error) {
    core.setFailed(explainAwsError(error, context))
    return
  }
  const { data, timedOut } = judgement
  const writeFailures = await report(config, marker, data, options.env)
  for (const failure of writeFailures) core.setFailed(failure)
  if (data.problem && !data.verdict) {
    if (config.scanFailure === 'warn' && !timedOut) core.warning(data.problem)
    else core.setFailed(data.problem)
  } else if (data.verdict && !data.verdict.passed) {
    const breaches = data.verdict.breaches.map(describeBreach).join('; ')
    core.setFailed(`Policy failed for ${formatImage(data.image)}: ${breaches}.`)
  } else {
    core.info(`Policy passed for ${formatImage(data.image)}.`)
  }
}
