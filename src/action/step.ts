import { createHash } from 'node:crypto'
import * as core from '@actions/core'
import { type Config, INPUT } from '../config/inputs.js'
import { decideOutcomes } from '../core/outcome.js'
import type { IgnoreRule, RunResult } from '../core/results.js'
import type { ImageTarget } from '../model/image.js'
import { errorMessage } from '../model/text.js'
import { judgeImages, readIgnoreRules } from '../io/scan-request.js'
import { ImageLogs, actionLog } from './logger.js'
import type { RunOptions } from './main.js'
import { readWorkflowEvent, runCommit } from './event.js'
import { type CommentIdentity, commentMarker } from './pr-comment.js'
import { publish } from './publish.js'

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_RUN_ID } = env
  if (!GITHUB_SERVER_URL || !GITHUB_REPOSITORY || !GITHUB_RUN_ID) return undefined
  return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/actions/runs/${GITHUB_RUN_ID}`
}

/**
 * One image keeps the identity comments always had, so existing comments are found again. A set
 * of images is named by a SHA-256 of their places (registry, region and repository, never the tag
 * or digest, so a new push updates the comment; de-duplicated and sorted, so the input's order
 * does not matter): however many images, the marker stays short.
 */
function commentIdentity(images: ImageTarget[]): CommentIdentity {
  const [only] = images
  if (images.length === 1 && only)
    return {
      registryId: only.query.registryId,
      region: only.region,
      repository: only.query.repository
    }
  const members = images.map(image =>
    JSON.stringify([image.query.registryId ?? '', image.region, image.query.repository])
  )
  const hash = createHash('sha256')
  for (const member of [...new Set(members)].sort()) hash.update(`${member}\n`)
  return { images: hash.digest('hex') }
}

/** Fails the step for each image that failed or has no verdict; says what passed. */
function decideOutcome(run: RunResult, config: Config): void {
  const several = run.images.length > 1
  for (const outcome of decideOutcomes(run, config.scanFailure)) {
    if (outcome.kind === 'passed') actionLog.info(`Policy passed for ${outcome.name}.`)
    else if (outcome.kind === 'policy-failed') core.setFailed(outcome.message)
    else {
      const message = several ? `${outcome.name}: ${outcome.message}` : outcome.message
      if (outcome.softened) core.warning(message)
      else core.setFailed(message)
    }
  }
}

/** The step once its inputs are read: rules, the wait and read, the reports and the verdict. */
export async function runStep(config: Config, options: Required<RunOptions>): Promise<void> {
  let rules: IgnoreRule[]
  let marker: string
  try {
    rules = await readIgnoreRules(config, `input ${INPUT.ignore}`)
    // Built from the inputs, not ECR's answers, so every run finds the same comment; and built
    // now, so a comment-key too long for the marker fails before the wait, not after it.
    marker = commentMarker(commentIdentity(config.images), config.commentKey)
  } catch (error) {
    core.setFailed(errorMessage(error))
    return
  }
  const event = await readWorkflowEvent(options.env, actionLog.warning)
  const logs = new ImageLogs(config.images.length)
  const judged = await judgeImages(config, rules, {
    clock: { now: options.now, sleep: options.sleep, random: options.random },
    backoff: options.backoff,
    logFor: target => logs.open(`Scanning ${target.reference}`)
  })
  const result: RunResult = {
    ...judged,
    runUrl: runUrl(options.env),
    commit: runCommit(event, options.env)
  }
  const writeFailures = await publish(config, marker, result, options.env, event)
  for (const failure of writeFailures) core.setFailed(failure)
  decideOutcome(result, config)
}
