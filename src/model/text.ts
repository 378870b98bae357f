/** Text from elsewhere (an error, AWS's description) as one line of a log or annotation. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The message of anything thrown, on one line. */
export function errorMessage(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error))
}

/**
 * Text from outside quoted in a message: printable ASCII only (anything else as \u{…}, so no
 * control, invisible or look-alike character passes), capped at `maxChars`.
 */
export function printable(text: string, maxChars = 80): string {
  const chars = Array.from(text).map(char =>
    /[\x20-\x7e]/.test(char) ? char : `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`
  )
  return chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join('')}…` : chars.join('')
}

/**
 * Text from outside as the Actions runner must not obey it: `::` (a workflow command when it
 * starts a line) and `##[` (the older syntax, found anywhere in a line) get an invisible break.
 * A reader sees the same text.
 */
export function withoutWorkflowCommands(text: string): string {
  return text.replaceAll('::', ':\u200B:').replaceAll('##[', '##\u200B[')
}

/** Controls other than tab and line feed, bidi controls, and lone surrogates. */
const UNSAFE_CHARS = /(?![\t\n])\p{Cc}|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\p{Cs}/gu

/**
 * Text from outside with line breaks as line feeds and every control character, bidi control and
 * lone surrogate replaced by U+FFFD, so it is well-formed and reads as it holds.
 */
export function withoutControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE_CHARS, '\uFFFD')
}

/**
 * At most `maxChars` code points, the cut marked with "…" (counted among them): cut by code
 * points, never between the two halves of a surrogate pair (an emoji), which would leave a lone
 * surrogate.
 */
export function clipChars(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const chars = Array.from(text)
  if (chars.length <= maxChars) return text
  return `${chars.slice(0, Math.max(0, maxChars - 1)).join('')}…`
}
