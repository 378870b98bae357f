import * as core from '@actions/core'
import type { Logger } from '../core/ports.js'
import type { ImageLog } from '../core/run.js'
import { withoutWorkflowCommands } from '../model/text.js'

/**
 * The one place that writes to the workflow log. Text from AWS, GitHub or the repository must not
 * form a workflow command, so the runner shows it instead of obeying it. Annotations (warning,
 * notice, debug) are escaped by @actions/core already; line breaks become separate lines.
 */
export function neutralise(message: string): string {
  return withoutWorkflowCommands(message.split(/\r\n|\r|\n|\u2028|\u2029/).join('\n'))
}

export const actionLog: Logger = {
  info: message => core.info(neutralise(message)),
  warning: message => core.warning(message),
  notice: message => core.notice(message),
  debug: message => core.debug(message)
}

type Line = { level: keyof Logger; message: string }

/**
 * Logs for images judged side by side. Log groups cannot interleave, so with several images each
 * one's lines are kept and written as one group when it finishes; a single image logs live.
 */
export class ImageLogs {
  private readonly pending = new Map<string, string>()
  private ticker?: ReturnType<typeof setInterval>

  constructor(
    private readonly imageCount: number,
    private readonly progressEveryMs = 30_000
  ) {}

  open(title: string): ImageLog {
    if (this.imageCount === 1) {
      core.startGroup(title)
      return { ...actionLog, close: () => core.endGroup() }
    }
    const lines: Line[] = []
    this.pending.set(title, 'starting')
    this.startProgress()
    const keep = (level: keyof Logger) => (message: string) => {
      lines.push({ level, message })
      if (level === 'info') this.pending.set(title, message)
    }
    return {
      info: keep('info'),
      warning: keep('warning'),
      notice: keep('notice'),
      debug: keep('debug'),
      close: () => {
        this.pending.delete(title)
        core.startGroup(title)
        for (const line of lines) actionLog[line.level](line.message)
        core.endGroup()
        if (this.pending.size === 0) this.stopProgress()
      }
    }
  }

  private startProgress() {
    if (this.ticker) return
    this.ticker = setInterval(() => {
      const waiting = [...this.pending].map(([title, last]) => `${title}: ${last}`)
      actionLog.info(
        `Still waiting on ${waiting.length} of ${this.imageCount} images. ${waiting.join(' | ')}`
      )
    }, this.progressEveryMs)
    this.ticker.unref()
  }

  private stopProgress() {
    clearInterval(this.ticker)
    this.ticker = undefined
  }
}
