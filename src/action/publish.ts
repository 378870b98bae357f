import { createHash } from 'node:crypto'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import * as core from '@actions/core'
import { type Config, INPUT } from '../config/inputs.js'
import type { RunResult } from '../core/results.js'
import { errorMessage } from '../model/text.js'
import { buildJsonReport, serializeJsonReport } from '../report/json-report.js'
import { COMMENT_MARKER_BUDGET } from '../report/limits.js'
import { renderRunComment, renderRunSummary } from '../report/report.js'
import { sarifFile, serializeSarif } from '../report/sarif.js'
import { writePlainFile } from '../io/files.js'
import type { WorkflowEvent } from './event.js'
import { actionLog } from './logger.js'
import { OUTPUT, setRunOutputs } from './outputs.js'
import { publishComment, resolvePullRequestNumber } from './pr-comment.js'

/**
 * One file per step, named after its image or its set of images, so two scan steps in a job do
 * not overwrite each other's report (nor do two sets that start with the same image).
 */
function defaultJsonReportPath(run: RunResult, env: NodeJS.ProcessEnv): string {
  const [first, ...others] = run.images
  const image = first?.image
  const references = [...new Set(run.images.map(result => result.target.reference))].sort()
  const name =
    others.length > 0
      ? `${run.images.length}-images-${createHash('sha256').update(references.join('\n')).digest('hex').slice(0, 12)}`
      : image
        ? `${image.repository.replace(/[^a-z0-9._-]+/g, '-')}-${image.digest.replace(/^sha256:/, '').slice(0, 12)}`
        : 'report'
  return join(env.RUNNER_TEMP || tmpdir(), 'ecr-scan-findings', `${name}.json`)
}

async function comment(
  config: Config,
  marker: string,
  run: RunResult,
  env: NodeJS.ProcessEnv,
  event: WorkflowEvent
) {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (config.comment === 'never') return
  if (!config.githubToken) {
    actionLog.info(`No '${INPUT.githubToken}': skipping the PR comment.`)
    return
  }
  // Loaded only when a comment will be written: octokit is a large part of the bundle's start-up.
  const github = await import('@actions/github')
  const result = await publishComment(
    github.getOctokit(config.githubToken),
    {
      owner,
      repo,
      pullNumber: resolvePullRequestNumber(event.name, event.payload, config.prNumber),
      marker,
      body: renderRunComment(run, {
        reservedChars: COMMENT_MARKER_BUDGET,
        maxRows: config.commentMaxRows,
        scanFailure: config.scanFailure
      }),
      mode: config.comment,
      problemFound: !run.images.every(image => image.kind === 'judged' && image.verdict.passed)
    },
    { info: actionLog.info, warning: actionLog.warning }
  )
  if (result.url) core.setOutput(OUTPUT.commentUrl, result.url)
}

/**
 * Writes everything a reader gets: outputs, the job summary, the report files and the PR comment,
 * each independently of the others. Returns the writes that failed, one line each; a comment
 * GitHub refused is only a warning, so it never changes the step's outcome.
 */
export async function publish(
  config: Config,
  marker: string,
  run: RunResult,
  env: NodeJS.ProcessEnv,
  event: WorkflowEvent
): Promise<string[]> {
  const failures: string[] = []
  const attempt = async (what: string, write: () => Promise<void>) => {
    try {
      await write()
    } catch (error) {
      failures.push(`Could not write the ${what}: ${errorMessage(error)}`)
    }
  }
  setRunOutputs(run)
  await attempt('job summary', async () => {
    if (env.GITHUB_STEP_SUMMARY)
      await core.summary.addRaw(renderRunSummary(run, { scanFailure: config.scanFailure })).write()
    else actionLog.info('No GITHUB_STEP_SUMMARY (not on a runner): the job summary is not written.')
  })
  const jsonPath = config.jsonReport ?? defaultJsonReportPath(run, env)
  await attempt(`JSON report to ${jsonPath}`, async () => {
    await writePlainFile(jsonPath, serializeJsonReport(buildJsonReport(run)))
    core.setOutput(OUTPUT.jsonReport, jsonPath)
  })
  const sarifPath = config.sarifReport
  if (sarifPath) {
    await attempt(`SARIF report to ${sarifPath}`, async () => {
      const workspace = env.GITHUB_WORKSPACE || process.cwd()
      const dockerfile = relative(workspace, resolve(config.dockerfile))
      const sarif = sarifFile(run, { dockerfile })
      // Without any verdict the step's own messages say why: no SARIF line adds to them.
      if (sarif.kind === 'none' && sarif.why === 'no-verdict') return
      if (dockerfile.startsWith(`..${sep}`) || isAbsolute(dockerfile)) {
        actionLog.warning(
          `'${INPUT.dockerfile}' (${config.dockerfile}) is outside the repository at ${workspace}: code scanning cannot place the SARIF alerts on it.`
        )
      }
      if (sarif.kind === 'none') {
        actionLog.warning(`SARIF report not written: ${sarif.reason}.`)
        return
      }
      for (const notice of sarif.notices) actionLog.warning(notice)
      await writePlainFile(sarifPath, serializeSarif(sarif.log))
      core.setOutput(OUTPUT.sarifReport, sarifPath)
    })
  }
  try {
    await comment(config, marker, run, env, event)
  } catch (error) {
    actionLog.warning(`PR comment: not written (${errorMessage(error)}).`)
  }
  return failures
}
