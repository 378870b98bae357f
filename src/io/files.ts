// The report files and the ignore file are plain files named by workflow inputs. A symbolic link
// in their place could make the step read or overwrite some other file (on a self-hosted runner,
// anything the runner's account may touch), so the last component of the path must not be a link.
// Links in parent directories are allowed: they are how the workspace is laid out (on macOS, /tmp
// itself is a link), and whoever can plant one there already controls the checkout.
import { constants, type Stats } from 'node:fs'
import { lstat, mkdir, open, readlink, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'

export type PlainFileProblem = 'symbolic-link' | 'not-a-file'

/** Thrown for a path that is not a plain file; other failures keep Node's own errors. */
export class PlainFileError extends Error {
  override readonly name = 'PlainFileError'

  constructor(
    readonly path: string,
    readonly problem: PlainFileProblem,
    message: string
  ) {
    super(message)
  }
}

// O_NOFOLLOW makes open itself refuse a final symbolic link, so there is no gap between a check
// and the open. Windows has no such flag (it is undefined there); see checkSameFile.
const NO_FOLLOW: number | undefined = constants.O_NOFOLLOW
// A FIFO would block open (and read) forever; non-blocking, open returns and fstat refuses it.
const NON_BLOCK = constants.O_NONBLOCK ?? 0

// Duck-typed: Node's own errors need not be instances of this realm's Error (jest's sandbox).
function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined
  return typeof code === 'string' ? code : undefined
}

async function linkError(path: string, verb: 'read' | 'write'): Promise<PlainFileError> {
  const target = await readlink(path).catch(() => undefined)
  return new PlainFileError(
    path,
    'symbolic-link',
    `${path} is a symbolic link${target === undefined ? '' : ` (to ${target})`}; ` +
      `ecr-scan-findings refuses to ${verb} through links, point the input at the real file.`
  )
}

function notAFileError(path: string, stats: Stats, verb: 'read' | 'write'): PlainFileError {
  const kind = stats.isDirectory() ? 'a directory' : 'not a regular file'
  return new PlainFileError(
    path,
    'not-a-file',
    `${path} is ${kind}; ecr-scan-findings can only ${verb} a plain file, point the input at one.`
  )
}

// With O_NOFOLLOW a final link fails with ELOOP (EMLINK on FreeBSD). ELOOP also means a loop of
// links among the parent directories, so lstat tells the two apart.
async function openPlain(path: string, flags: number, verb: 'read' | 'write'): Promise<FileHandle> {
  try {
    return await open(path, flags | (NO_FOLLOW ?? 0) | NON_BLOCK, 0o666)
  } catch (error) {
    const code = errorCode(error)
    if (code === 'ELOOP' || code === 'EMLINK') {
      const stats = await lstat(path).catch(() => undefined)
      if (stats?.isSymbolicLink()) throw await linkError(path, verb)
    }
    throw error
  }
}

// Without O_NOFOLLOW (Windows) open follows links, so compare what was opened with what lstat
// sees at the path: a link, or a file swapped in between, shows as a different file.
async function checkSameFile(path: string, opened: Stats, verb: 'read' | 'write'): Promise<void> {
  if (NO_FOLLOW !== undefined) return
  const atPath = await lstat(path)
  if (atPath.isSymbolicLink()) throw await linkError(path, verb)
  if (atPath.dev !== opened.dev || atPath.ino !== opened.ino) {
    throw new PlainFileError(
      path,
      'symbolic-link',
      `${path} changed while it was opened; ecr-scan-findings refuses to ${verb} through links, point the input at the real file.`
    )
  }
}

async function checkedHandle(
  path: string,
  flags: number,
  verb: 'read' | 'write'
): Promise<FileHandle> {
  const handle = await openPlain(path, flags, verb)
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) throw notAFileError(path, stats, verb)
    await checkSameFile(path, stats, verb)
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}

/**
 * Reads a plain file as UTF-8. Returns undefined when nothing is at the path (ENOENT), so the
 * caller decides whether a missing file is an error; throws PlainFileError for a symbolic link or
 * anything that is not a regular file, and Node's error for everything else.
 */
export async function readPlainFile(path: string): Promise<string | undefined> {
  let handle: FileHandle
  try {
    // A directory cannot be opened for reading on every platform; fstat then names it.
    handle = await checkedHandle(path, constants.O_RDONLY, 'read')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined
    if (errorCode(error) === 'EISDIR') throw notAFileError(path, await lstat(path), 'read')
    throw error
  }
  try {
    return await handle.readFile('utf8')
  } finally {
    await handle.close()
  }
}

/**
 * Writes text to a plain file, creating it and its parent directories as needed and replacing
 * what was there. Throws PlainFileError for a symbolic link at the path (dangling or not) or for
 * anything that is not a regular file; nothing is written then.
 */
export async function writePlainFile(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  let handle: FileHandle
  try {
    // No O_TRUNC: the file is emptied only once it is known to be a plain file.
    handle = await checkedHandle(path, constants.O_WRONLY | constants.O_CREAT, 'write')
  } catch (error) {
    if (errorCode(error) === 'EISDIR') throw notAFileError(path, await lstat(path), 'write')
    throw error
  }
  try {
    await handle.truncate(0)
    await handle.writeFile(text, 'utf8')
  } finally {
    await handle.close()
  }
}
