// Every size limit a report must respect, in one place.

// Code scanning's hard limits on an uploaded SARIF file, from GitHub's "SARIF results exceed one or
// more limits" page (docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/
// results-exceed-limit): 20 runs per file, 25,000 results per run, 25,000 rules per run. Past
// them the whole upload is rejected ("rejecting SARIF, as there are more runs than allowed").

/** Code scanning rejects a SARIF file with more runs than this. */
export const MAX_RUNS_PER_FILE = 20

/** Code scanning rejects a run with more results than this; rules have the same limit. */
export const MAX_RESULTS_PER_RUN = 25_000

/** GitHub rejects issue comments longer than this. */
export const COMMENT_BODY_LIMIT = 65_536

/** Characters the renderer must leave for the marker and its line break; commentMarker keeps to it. */
export const COMMENT_MARKER_BUDGET = 1_000

/**
 * What the job summary stays under. GitHub rejects a step summary above 1 MiB (UTF-8 bytes), and
 * runners have been seen to drop summaries near that without an error, so this keeps well clear.
 */
export const SUMMARY_TARGET_BYTES = 900 * 1024

/**
 * Finding rows the job summary lists at most, over all severities of one image: more than a
 * person reads, well under the byte limit. The rest are counted, and the JSON report has them all.
 */
export const SUMMARY_MAX_ROWS = 1_000

/**
 * Platforms of an index the job summary's image section lists at most; the rest are counted, and
 * the JSON report has them all. More than a person reads, and at most some tens of KB per image.
 */
export const SUMMARY_MAX_PLATFORMS = 100

/** Rows the PR comment's "What fails the check" and "How to fix" list by default (`comment-max-rows`). */
export const COMMENT_MAX_ROWS = 10

/** Platforms of an index the PR comment's image details list; the rest are counted. */
export const COMMENT_MAX_PLATFORMS = 20

/** How many of the blocks, from the first, fit in `room` when each costs `measure(block)`. */
export function countWithin(
  blocks: readonly string[],
  room: number,
  measure: (block: string) => number
): number {
  let used = 0
  let count = 0
  for (const block of blocks) {
    used += measure(block)
    if (used > room) break
    count += 1
  }
  return count
}
