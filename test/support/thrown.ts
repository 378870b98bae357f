import { expect } from '@jest/globals'

/**
 * A reader of the message `action` throws, which must be an `errorType`: the test fails when
 * nothing is thrown or something else is.
 */
export function messageOf(
  errorType: abstract new (...args: never[]) => Error
): (action: () => unknown) => string {
  return action => {
    try {
      action()
    } catch (error) {
      expect(error).toBeInstanceOf(errorType)
      return (error as Error).message
    }
    throw new Error(`expected a ${errorType.name}`)
  }
}
