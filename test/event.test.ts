import { describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readWorkflowEvent, runCommit } from '../src/action/event.js'

const HEAD = 'a'.repeat(40)
const MERGE = 'b'.repeat(40)

async function eventAt(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'event-test-')), 'event.json')
  await writeFile(path, text)
  return path
}

describe('readWorkflowEvent', () => {
  it('reads the name and the payload', async () => {
    const path = await eventAt(JSON.stringify({ pull_request: { number: 3 } }))
    const warnings: string[] = []

    const event = await readWorkflowEvent(
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: path },
      message => warnings.push(message)
    )

    expect(event).toEqual({ name: 'pull_request', payload: { pull_request: { number: 3 } } })
    expect(warnings).toEqual([])
  })

  it('has an empty payload off a runner, without a warning', async () => {
    const warnings: string[] = []

    expect(await readWorkflowEvent({}, message => warnings.push(message))).toEqual({
      name: '',
      payload: {}
    })
    expect(warnings).toEqual([])
  })

  it('warns once and goes on with an empty payload when the event cannot be read', async () => {
    for (const path of [await eventAt('{ not json'), join(tmpdir(), 'no-such-dir', 'event.json')]) {
      const warnings: string[] = []

      const event = await readWorkflowEvent({ GITHUB_EVENT_PATH: path }, message =>
        warnings.push(message)
      )

      expect(event.payload).toEqual({})
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain(`Could not read the workflow event at ${path}`)
    }
  })
})

describe('runCommit', () => {
  const env = { GITHUB_SHA: MERGE }

  it("takes the pull request's head commit over GITHUB_SHA", () => {
    const event = { name: 'pull_request', payload: { pull_request: { head: { sha: HEAD } } } }

    expect(runCommit(event, env)).toBe(HEAD)
  })

  it("takes a workflow_run's head commit (the run it follows), as GITHUB_SHA is the default branch's", () => {
    const event = { name: 'workflow_run', payload: { workflow_run: { head_sha: HEAD } } }

    expect(runCommit(event, env)).toBe(HEAD)
  })

  it('takes GITHUB_SHA without a pull request or with a head that is not a commit id', () => {
    expect(runCommit({ name: 'push', payload: { after: HEAD } }, env)).toBe(MERGE)
    const odd = { pull_request: { head: { sha: '<b>not a sha</b>' } } }
    expect(runCommit({ name: 'pull_request', payload: odd }, env)).toBe(MERGE)
    expect(runCommit({ name: 'pull_request', payload: null }, env)).toBe(MERGE)
  })

  it('has no commit when neither is there', () => {
    expect(runCommit({ name: '', payload: {} }, {})).toBeUndefined()
  })
})
