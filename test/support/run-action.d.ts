export const BUNDLE: string

export interface ActionRun {
  exitCode: number
  stdout: string
  stderr: string
  /** Outputs the step set, parsed from GITHUB_OUTPUT. */
  outputs: Record<string, string>
  /** What the step wrote to GITHUB_STEP_SUMMARY. */
  summary: string
  /** The step's working directory and RUNNER_TEMP; removed by cleanUp. */
  workDir: string
}

export function runAction(options: {
  endpoint: string
  inputs: Record<string, string>
  env?: Record<string, string>
  /** Extra `node` flags, before the bundle's path. */
  nodeArgs?: string[]
}): Promise<ActionRun>

export function cleanUp(run: ActionRun): Promise<void>
