/** Text from elsewhere (an error, AWS's description) as one line of a log or annotation. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The message of anything thrown, on one line. */
export function errorMessage(error: unknown): string {
  return oneLine(error instanceof Error ? error.message : String(error))
}
