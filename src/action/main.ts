import { type Config, readConfig } from '../config/inputs.js'
import { DEFAULT_BACKOFF, type BackoffOptions } from '../core/backoff.js'
import { errorMessage } from '../model/text.js'
import { actionInput, failStep } from './runner.js'

/** What tests may swap: the clock and sleep, so no test really waits. */
export interface RunOptions {
  now?: () => number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  backoff?: BackoffOptions
  env?: NodeJS.ProcessEnv
  /** How the rest of the step is loaded: a chunk of the bundle, or for tests a stand-in. */
  loadStep?: () => Promise<Pick<typeof import('./step.js'), 'runStep'>>
}

const realSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/**
 * The whole step. Inputs are read before anything heavy loads, so a wrong input fails at once;
 * @actions/core, the AWS SDK and the reports come with the step itself.
 */
export async function run(overrides: RunOptions = {}): Promise<void> {
  const options: Required<RunOptions> = {
    now: Date.now,
    sleep: realSleep,
    random: Math.random,
    backoff: DEFAULT_BACKOFF,
    env: process.env,
    loadStep: () => import('./step.js'),
    ...overrides
  }
  let config: Config
  try {
    config = readConfig(actionInput(options.env), options.env)
  } catch (error) {
    failStep(errorMessage(error))
    return
  }
  try {
    const { runStep } = await options.loadStep()
    await runStep(config, options)
  } catch (error) {
    // A broken bundle or a bug: still one line that fails the step, never a bare stack trace.
    failStep(
      `ecr-scan-findings stopped unexpectedly: ${errorMessage(error)}. Rerun the job; if it happens again, please report it with the run log.`
    )
  }
}
