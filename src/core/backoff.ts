export interface BackoffOptions {
  initialMs: number
  maxMs: number
  factor: number
}

/** Starts quickly so a finished scan is noticed soon, and caps low so a long scan is not overslept. */
export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 3000, maxMs: 15000, factor: 2 }

/**
 * Delay before poll number `attempt` (0-based): exponential, capped, with "equal jitter"
 * (half fixed, half random) so parallel jobs spread out without ever polling back-to-back.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions,
  random: () => number
): number {
  const ceiling = Math.min(options.maxMs, options.initialMs * options.factor ** attempt)
  return Math.round(ceiling / 2 + (ceiling / 2) * random())
}

/** Never sleep past the deadline: the last poll happens right at it. */
export function sleepBeforeDeadline(delayMs: number, nowMs: number, deadlineMs: number): number {
  return Math.max(0, Math.min(delayMs, deadlineMs - nowMs))
}
