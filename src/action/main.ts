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
    ...overrides
  }
  let config: Config
  try {
    config = readConfig(actionInput(options.env), options.env)
  } catch (error) {
    failStep(errorMessage(error))
    return
  }
  const { runStep } = await import('./step.js')
  await runStep(config, options)
}
