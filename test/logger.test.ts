import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { ImageLogs, actionLog, neutralise } from '../src/action/logger.js'

/**
 * What the runner would read as a workflow command: a line starting with `::`, or `##[` anywhere
 * in a line (the runner's older command syntax is looked for at any position).
 */
const COMMAND_LINE = /^\s*::|##\[/m

let written: string[]

beforeEach(() => {
  written = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    written.push(String(chunk))
    return true
  })
})

afterEach(() => {
  jest.restoreAllMocks()
})

describe('neutralise', () => {
  it.each([
    '::set-output name=passed::true',
    '  ::add-mask::secret',
    '::stop-commands::token',
    '##[set-output name=passed;]true',
    'fine\n::set-output name=passed::true',
    'fine\r::error::forged',
    'fine\r\n::warning::forged',
    'fine\u2028::notice::forged',
    'Skipped x ##[set-output name=passed;]true',
    'platform ##[add-mask]secret and ##[stop-commands]t'
  ])('keeps %j from starting a workflow command', text => {
    expect(neutralise(text)).not.toMatch(COMMAND_LINE)
    // The text itself is still there for a reader.
    expect(neutralise(text).replace(/\u200B/g, '')).toContain(text.split(/\r\n|\r|\n|\u2028/).pop())
  })

  it('leaves ordinary lines as they are', () => {
    expect(neutralise('Scan status IN_PROGRESS after 3s; next check in 6s.')).toBe(
      'Scan status IN_PROGRESS after 3s; next check in 6s.'
    )
  })
})

describe('actionLog.info', () => {
  it('writes upstream text so the runner cannot read a command in it', () => {
    actionLog.info('PR comment created: https://x\n::set-output name=passed::true')
    const output = written.join('')
    expect(output).not.toMatch(COMMAND_LINE)
    expect(output.replace(/\u200B/g, '')).toContain('set-output name=passed::true')
  })
})

describe('ImageLogs', () => {
  it('streams a single image live inside its group', () => {
    const log = new ImageLogs(1).open('Scanning web:1')
    log.info('first')
    expect(written.join('')).toContain('::group::Scanning web:1')
    expect(written.join('')).toContain('first')
    log.close()
    expect(written.join('')).toContain('::endgroup::')
  })

  it('keeps each of several images in its own group, written when it finishes', () => {
    const logs = new ImageLogs(2, 60_000)
    const web = logs.open('Scanning web:1')
    const api = logs.open('Scanning api:1')
    web.info('web waits')
    api.info('api reads')
    expect(written.join('')).toBe('')
    api.close()
    web.close()
    const output = written.join('')
    expect(output).toMatch(
      /::group::Scanning api:1\n[\s\S]*api reads[\s\S]*::group::Scanning web:1\n[\s\S]*web waits/
    )
  })

  it('says which images are still pending while several wait', () => {
    jest.useFakeTimers()
    try {
      const logs = new ImageLogs(2, 1_000)
      const web = logs.open('web:1')
      const api = logs.open('api:1')
      web.info('Scan status IN_PROGRESS after 3s; next check in 6s.')
      api.close()
      jest.advanceTimersByTime(1_000)
      expect(written.join('')).toContain(
        'Still waiting on 1 of 2 images. web:1: Scan status IN_PROGRESS after 3s; next check in 6s.'
      )
      web.close()
    } finally {
      jest.useRealTimers()
    }
  })
})
