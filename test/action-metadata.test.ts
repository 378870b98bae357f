import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { DEFAULT_IGNORE_FILE, DEFAULT_TIMEOUT, INPUT } from '../src/inputs.js'
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
    expect(action.inputs[INPUT.timeout]?.default).toBe(DEFAULT_TIMEOUT)
    expect(action.inputs[INPUT.ignoreFile]?.default).toBe(DEFAULT_IGNORE_FILE)
    expect(action.inputs[INPUT.failOn]?.default).toBe('HIGH')
    expect(action.inputs[INPUT.comment]?.default).toBe('always')
  })

  it('documents every output in the README', () => {
    for (const name of Object.keys(action.outputs)) expect(readme).toContain(`\`${name}\``)
  })

  it('reports the package version in its footers', () => {
    expect(ACTION_VERSION).toBe(packageJson.version)
  })
})
