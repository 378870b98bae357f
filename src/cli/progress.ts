import type { Logger } from '../core/ports.js'
import type { ImageLog } from '../core/run.js'
import { clipChars } from '../model/text.js'
import { terminalSafe } from '../report/terminal.js'

/** Where the CLI writes: process.stdout and process.stderr, or a test's capture. */
export interface Sink {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface ProgressOptions {
  now: () => number
  /** Every step on its own line, debug messages included. */
  verbose: boolean
  /** Without a terminal: at most one progress line per image this often. Default 30 s. */
  everyMs?: number
  /** Prefix warnings with colour. */
  color?: boolean
}

interface Pending {
  last: string
  /** The last message was not written (a non-TTY line came too soon after the one before). */
  unwritten: boolean
  lastLineAt: number
}

function elapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000))
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${seconds % 60}s`
}

/**
 * The CLI's log, on stderr so stdout holds only the report. On a terminal one progress line is
 * rewritten in place (`\r`, no escape codes); in a pipe or a CI log, each image gets a line when
 * its work starts, then at most one every `everyMs`, then its last step when it is done. Warnings
 * and notices always get their own line; `verbose` writes every step instead.
 */
export class ProgressLog {
  private readonly pending = new Map<string, Pending>()
  private readonly startedAt: number
  private shown = 0
  private done = 0

  constructor(
    private readonly stderr: Sink,
    private readonly imageCount: number,
    private readonly options: ProgressOptions
  ) {
    this.startedAt = options.now()
  }

  private get live(): boolean {
    return this.stderr.isTTY === true && !this.options.verbose
  }

  open(title: string): ImageLog {
    const name = terminalSafe(title)
    this.pending.set(name, { last: 'starting', unwritten: false, lastLineAt: -Infinity })
    const line = (label: string) => (message: string) =>
      this.line(`${label}${name}: ${terminalSafe(message)}`)
    const log: Logger = {
      info: message => this.step(name, terminalSafe(message)),
      warning: line(this.options.color ? '\u001b[33mwarning\u001b[39m: ' : 'warning: '),
      notice: line('notice: '),
      debug: message => {
        if (this.options.verbose) line('debug: ')(message)
      }
    }
    return { ...log, close: () => this.close(name) }
  }

  /** Clears the progress line, so the report starts on a clean line. */
  finish(): void {
    this.clear()
  }

  private step(name: string, message: string): void {
    const entry = this.pending.get(name)
    if (!entry) return
    entry.last = message
    if (this.options.verbose) return this.line(`${name}: ${message}`)
    if (this.live) return this.redraw(name)
    const now = this.options.now()
    const everyMs = this.options.everyMs ?? 30_000
    if (now - entry.lastLineAt >= everyMs) {
      entry.lastLineAt = now
      entry.unwritten = false
      this.write(`${name}: ${message} [${elapsed(now - this.startedAt)}]\n`)
    } else entry.unwritten = true
  }

  private close(name: string): void {
    const entry = this.pending.get(name)
    this.pending.delete(name)
    this.done++
    if (!this.live && entry?.unwritten)
      this.write(`${name}: ${entry.last} [${elapsed(this.options.now() - this.startedAt)}]\n`)
    if (this.live) {
      const [next] = this.pending.keys()
      if (next) this.redraw(next)
      else this.clear()
    }
  }

  /** A line of its own; on a terminal the progress line is cleared first and drawn again after. */
  private line(text: string): void {
    if (!this.live) return this.write(`${text}\n`)
    this.clear()
    this.write(`${text}\n`)
    const [current] = this.pending.keys()
    if (current) this.redraw(current)
  }

  private redraw(name: string): void {
    const entry = this.pending.get(name)
    if (!entry) return
    const counter = this.imageCount > 1 ? `[${this.done}/${this.imageCount} done] ` : ''
    const time = elapsed(this.options.now() - this.startedAt)
    const width = (this.stderr.columns ?? 80) - 1
    // A line longer than the terminal wraps, and \r then returns only to the wrapped part.
    const text = clipChars(`${counter}${name}: ${entry.last} (${time})`, width)
    this.write(`\r${text.padEnd(this.shown)}`)
    this.shown = text.length
  }

  private clear(): void {
    if (this.shown === 0) return
    this.write(`\r${' '.repeat(this.shown)}\r`)
    this.shown = 0
  }

  private write(text: string): void {
    this.stderr.write(text)
  }
}
