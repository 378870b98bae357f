// Every size limit a report must respect, in one place.

/** GitHub rejects issue comments longer than this. */
export const COMMENT_BODY_LIMIT = 65_536

/** Characters the renderer must leave for the marker and its line break; commentMarker keeps to it. */
export const COMMENT_MARKER_BUDGET = 1_000

/** GitHub rejects a step summary above 1 MiB (UTF-8 bytes). */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024
