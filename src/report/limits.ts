// Every size limit a report must respect, in one place.

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
