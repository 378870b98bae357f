import type { ScanFailureMode } from '../config/inputs.js'
import { formatImage } from '../model/image.js'
import { describeBreach } from '../policy/policy.js'
import { type ImageResult, type RunResult, isSoftenable } from './results.js'

/** What one image means for the run's outcome; each front end turns it into its own signal. */
export type ImageOutcome =
  | { kind: 'passed'; name: string }
  /** `breaches`: one sentence per broken rule, joined. */
  | { kind: 'policy-failed'; name: string; breaches: string; message: string }
  /** `softened`: scan-failure: warn makes this no-verdict a warning instead of a failure. */
  | { kind: 'no-verdict'; name: string; message: string; softened: boolean }

export function imageName(result: ImageResult): string {
  return result.image ? formatImage(result.image) : result.target.reference
}

/** One outcome per image, in the run's order: the only place a verdict becomes pass or fail. */
export function decideOutcomes(run: RunResult, scanFailure: ScanFailureMode): ImageOutcome[] {
  return run.images.map(result => {
    const name = imageName(result)
    if (result.kind === 'unjudged') {
      return {
        kind: 'no-verdict',
        name,
        message: result.problem.message,
        softened: scanFailure === 'warn' && isSoftenable(result.problem)
      }
    }
    if (result.verdict.passed) return { kind: 'passed', name }
    const breaches = result.verdict.breaches.map(describeBreach).join('; ')
    return {
      kind: 'policy-failed',
      name,
      breaches,
      message: `Policy failed for ${name}: ${breaches}.`
    }
  })
}

/** Whether the outcome fails the step: a broken policy, or no verdict that warn does not soften. */
export function failsStep(outcome: ImageOutcome): boolean {
  return outcome.kind === 'policy-failed' || (outcome.kind === 'no-verdict' && !outcome.softened)
}

/** Whether the outcome is a no-verdict that `scan-failure: warn` turns into a warning. */
export function isSoftened(outcome: ImageOutcome): boolean {
  return outcome.kind === 'no-verdict' && outcome.softened
}

/** A run's outcomes counted the way its headline states them. */
export interface OutcomeTally {
  /** Every image of the run. */
  images: number
  /** Images that fail the step (see `failsStep`). */
  failing: number
  /** No-verdicts that `scan-failure: warn` softened: they leave the step green, so count apart. */
  softened: number
  /** The verb for `softened` images: "has no verdict" for one, "have no verdict" otherwise. */
  noVerdict: string
}

export function tallyOutcomes(outcomes: readonly ImageOutcome[]): OutcomeTally {
  const softened = outcomes.filter(isSoftened).length
  return {
    images: outcomes.length,
    failing: outcomes.filter(failsStep).length,
    softened,
    noVerdict: `${softened === 1 ? 'has' : 'have'} no verdict`
  }
}
