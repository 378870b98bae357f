/**
 * The runner protocol the step speaks before @actions/core loads, held to @actions/core itself:
 * the same input names read the same values, and a failure writes the same bytes and exit code.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { actionInput, failStep } from '../src/action/runner.js'

function written(act: () => void): { stdout: string; exitCode: typeof process.exitCode } {
  const chunks: string[] = []
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    chunks.push(String(chunk))
    return true
  })
  process.exitCode = 0
  try {
    act()
  } finally {
    spy.mockRestore()
  }
  const exitCode = process.exitCode
  process.exitCode = 0
  return { stdout: chunks.join(''), exitCode }
}

afterEach(() => {
  for (const name of Object.keys(process.env))
    if (name.startsWith('INPUT_')) delete process.env[name]
})

describe('actionInput', () => {
  it.each([
    ['repository', 'shop/api'],
    ['fail-on', '  critical  '],
    ['ignore file', 'a\nb\n'],
    ['MAX-FINDINGS', '10'],
    ['unset', undefined],
    ['empty', '']
  ])('reads %p as core.getInput does, untrimmed', (name, value) => {
    const variable = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
    if (value !== undefined) process.env[variable] = value
    const expected = core.getInput(name, { trimWhitespace: false })
    expect(actionInput(process.env)(name)).toBe(expected)
    expect(expected).toBe(value ?? '')
  })

  it('reads from the environment it is given', () => {
    expect(actionInput({ INPUT_REPOSITORY: 'shop/api' })('repository')).toBe('shop/api')
    expect(actionInput({})('repository')).toBe('')
  })
})

describe('failStep', () => {
  it.each([
    "Input required and not supplied: 'repository'",
    'line one\nline two\r\n::set-output name=passed::true',
    '100% of %0A and %25 kept literal',
    ''
  ])('fails the step with the bytes core.setFailed writes: %p', message => {
    const ours = written(() => failStep(message))
    const theirs = written(() => core.setFailed(message))
    expect(ours).toEqual(theirs)
    expect(ours.exitCode).toBe(1)
    expect(ours.stdout.startsWith('::error::')).toBe(true)
    expect(ours.stdout.trimEnd().split('\n')).toHaveLength(1)
  })
})
