import { execFileSync } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { PlainFileError, readPlainFile, writePlainFile } from '../src/io/files.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plain-file-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function rejection(promise: Promise<unknown>): Promise<PlainFileError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  if (!(error instanceof PlainFileError)) throw new Error(`expected a PlainFileError: ${error}`)
  return error
}

describe('readPlainFile', () => {
  it('reads a plain file as UTF-8', async () => {
    const path = join(dir, 'ignore.yml')
    await writeFile(path, 'rules: [] # é\n')

    expect(await readPlainFile(path)).toBe('rules: [] # é\n')
  })

  it('returns undefined when nothing is at the path', async () => {
    expect(await readPlainFile(join(dir, 'missing.yml'))).toBeUndefined()
  })

  it('refuses a symbolic link to a file, naming the path and its target', async () => {
    const secret = join(dir, 'secret')
    await writeFile(secret, 'do not leak')
    const link = join(dir, 'ignore.yml')
    await symlink(secret, link)

    const error = await rejection(readPlainFile(link))

    expect(error.problem).toBe('symbolic-link')
    expect(error.path).toBe(link)
    expect(error.message).toBe(
      `${link} is a symbolic link (to ${secret}); ecr-scan-findings refuses to read through links, point the input at the real file.`
    )
  })

  it('refuses a dangling symbolic link rather than calling it missing', async () => {
    const link = join(dir, 'ignore.yml')
    await symlink(join(dir, 'nowhere'), link)

    expect((await rejection(readPlainFile(link))).problem).toBe('symbolic-link')
  })

  it('refuses a directory', async () => {
    const error = await rejection(readPlainFile(dir))

    expect(error.problem).toBe('not-a-file')
    expect(error.message).toContain('is a directory')
  })

  // Opening a FIFO for reading would wait for a writer forever.
  it('refuses a FIFO without blocking', async () => {
    if (process.platform === 'win32') return
    const fifo = join(dir, 'pipe')
    execFileSync('mkfifo', [fifo])

    expect((await rejection(readPlainFile(fifo))).problem).toBe('not-a-file')
  })

  // Only the last component is checked: links above it are the workspace's own layout.
  it('reads through a symbolic link in a parent directory', async () => {
    await mkdir(join(dir, 'real'))
    await writeFile(join(dir, 'real', 'ignore.yml'), 'rules: []\n')
    await symlink(join(dir, 'real'), join(dir, 'linked'))

    expect(await readPlainFile(join(dir, 'linked', 'ignore.yml'))).toBe('rules: []\n')
  })
})

describe('writePlainFile', () => {
  it('creates the file and its parent directories', async () => {
    const path = join(dir, 'reports', 'nested', 'findings.json')

    await writePlainFile(path, '{"findings":[]}\n')

    expect(await readFile(path, 'utf8')).toBe('{"findings":[]}\n')
  })

  it('replaces a longer file completely', async () => {
    const path = join(dir, 'findings.sarif')
    await writeFile(path, 'x'.repeat(1000))

    await writePlainFile(path, 'short')

    expect(await readFile(path, 'utf8')).toBe('short')
  })

  it('refuses a symbolic link and leaves its target untouched', async () => {
    const target = join(dir, 'workflow.yml')
    await writeFile(target, 'on: push\n')
    const link = join(dir, 'findings.json')
    await symlink(target, link)

    const error = await rejection(writePlainFile(link, 'overwritten'))

    expect(error.problem).toBe('symbolic-link')
    expect(error.message).toBe(
      `${link} is a symbolic link (to ${target}); ecr-scan-findings refuses to write through links, point the input at the real file.`
    )
    expect(await readFile(target, 'utf8')).toBe('on: push\n')
  })

  it('refuses a dangling symbolic link without creating its target', async () => {
    const target = join(dir, 'created-elsewhere')
    const link = join(dir, 'findings.json')
    await symlink(target, link)

    expect((await rejection(writePlainFile(link, 'text'))).problem).toBe('symbolic-link')
    expect(await readPlainFile(target)).toBeUndefined()
  })

  it('refuses a directory', async () => {
    await mkdir(join(dir, 'report.json'))

    const error = await rejection(writePlainFile(join(dir, 'report.json'), 'text'))

    expect(error.problem).toBe('not-a-file')
  })

  it('writes through a symbolic link in a parent directory', async () => {
    await mkdir(join(dir, 'real'))
    await symlink(join(dir, 'real'), join(dir, 'linked'))

    await writePlainFile(join(dir, 'linked', 'findings.json'), 'ok')

    expect(await readFile(join(dir, 'real', 'findings.json'), 'utf8')).toBe('ok')
  })
})
