import { readFile } from 'node:fs/promises'
import { errorMessage } from '../model/text.js'

/**
 * The event that started the workflow, read once from GITHUB_EVENT_PATH: the PR comment takes the
 * pull request's number from it and its footer the pull request's head commit.
 */
export interface WorkflowEvent {
  /** GITHUB_EVENT_NAME, e.g. `pull_request`; empty off a runner. */
  name: string
  /** The parsed event payload; `{}` when there is none or it could not be read. */
  payload: unknown
}

/** Never throws: an event that cannot be read is warned about and read as an empty payload. */
export async function readWorkflowEvent(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void
): Promise<WorkflowEvent> {
  const name = env.GITHUB_EVENT_NAME ?? ''
  const path = env.GITHUB_EVENT_PATH
  if (!path) return { name, payload: {} }
  try {
    return { name, payload: JSON.parse(await readFile(path, 'utf8')) as unknown }
  } catch (error) {
    warn(
      `Could not read the workflow event at ${path} (${errorMessage(error)}): the PR comment needs pr-number, and its footer shows GITHUB_SHA.`
    )
    return { name, payload: {} }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/**
 * The commit the run is about. On pull-request events GITHUB_SHA names a temporary merge commit
 * that no one pushed, and on `workflow_run` (the fork pattern in docs/pr-comments.md) the default
 * branch's head: the payload's `pull_request.head.sha` or `workflow_run.head_sha` wins when there.
 */
export function runCommit(event: WorkflowEvent, env: NodeJS.ProcessEnv): string | undefined {
  const payload = isRecord(event.payload) ? event.payload : {}
  const pullRequest = payload['pull_request']
  const head = isRecord(pullRequest) ? pullRequest['head'] : undefined
  const workflowRun = payload['workflow_run']
  for (const sha of [
    isRecord(head) ? head['sha'] : undefined,
    isRecord(workflowRun) ? workflowRun['head_sha'] : undefined
  ]) {
    if (typeof sha === 'string' && /^[0-9a-f]{40,64}$/i.test(sha)) return sha
  }
  return env.GITHUB_SHA || undefined
}
