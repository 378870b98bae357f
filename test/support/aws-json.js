// What the fake AWS services (fake-ecr.js, fake-inspector.js) share about JSON on the wire.

/**
 * Dates become epoch seconds, the AWS JSON timestamp format; undefined members are dropped, as
 * the services never send nulls; everything else is copied as is.
 */
export function toWire(value) {
  if (value instanceof Date) return value.getTime() / 1000
  if (Array.isArray(value)) return value.map(toWire)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, entry]) => entry !== undefined)
        .map(([key, entry]) => [key, toWire(entry)])
    )
  }
  return value
}

/** The request body as JSON, `{}` when empty, undefined when it is not JSON. */
export function parseBody(text) {
  try {
    return text ? JSON.parse(text) : {}
  } catch {
    return undefined
  }
}
