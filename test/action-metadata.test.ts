import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { INPUT, readConfig } from '../src/config/inputs.js'
import { ACTION_VERSION } from '../src/version.js'

const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  runs: { using: string; main: string }
  inputs: Record<string, { description: string; default?: string }>
  outputs: Record<string, { description: string }>
}
const readme = readFileSync(new URL('README.md', root), 'utf8')
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  version: string
}

describe('action.yml and README', () => {
  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('declares exactly the inputs the code reads, each documented in the README', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(Object.values(INPUT).sort())
    for (const name of Object.values(INPUT)) {
      expect(action.inputs[name]?.description.length).toBeGreaterThan(10)
      expect(readme).toContain(`| \`${name}\` |`)
    }
  })

  it('keeps the defaults the runner applies equal to the ones the code applies', () => {
    const required = { repository: 'team/api', 'image-tag': 'v1' }
    const runnerDefaults = Object.fromEntries(
      Object.entries(action.inputs)
        // The token default is an expression the runner evaluates; the code has none to compare.
        .filter(([name, input]) => name !== INPUT.githubToken && input.default !== undefined)
        .map(([name, input]) => [name, input.default ?? ''])
    )
    const read = (inputs: Record<string, string>) =>
      readConfig(name => inputs[name] ?? '', { AWS_REGION: 'us-east-1' })
    expect(Object.keys(runnerDefaults).length).toBeGreaterThan(10)
    expect(read({ ...runnerDefaults, ...required })).toEqual(read(required))
  })

  it('documents every output in the README', () => {
    for (const name of Object.keys(action.outputs)) expect(readme).toContain(`\`${name}\``)
  })

  it('reports the package version in its footers', () => {
    expect(ACTION_VERSION).toBe(packageJson.version)
  })
})
