import { DEFAULT_BACKOFF, backoffDelay, sleepBeforeDeadline } from '../src/core/backoff.js'

describe('backoffDelay', () => {
  it('starts at no more than 5 s and never exceeds 15 s by default', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 1)).toBeLessThanOrEqual(5000)
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(backoffDelay(attempt, DEFAULT_BACKOFF, () => 1)).toBeLessThanOrEqual(15000)
    }
  })

  it('grows exponentially to the cap', () => {
    const options = { initialMs: 1000, maxMs: 10_000, factor: 2 }
    const ceilings = [0, 1, 2, 3, 4, 5].map(attempt => backoffDelay(attempt, options, () => 1))
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000])
  })

  it('jitters between half the ceiling and the ceiling', () => {
    const options = { initialMs: 4000, maxMs: 4000, factor: 2 }
    expect(backoffDelay(3, options, () => 0)).toBe(2000)
    expect(backoffDelay(3, options, () => 0.5)).toBe(3000)
    expect(backoffDelay(3, options, () => 1)).toBe(4000)
  })
})

describe('sleepBeforeDeadline', () => {
  it('never sleeps past the deadline', () => {
    expect(sleepBeforeDeadline(10_000, 1000, 5000)).toBe(4000)
    expect(sleepBeforeDeadline(3000, 1000, 5000)).toBe(3000)
    expect(sleepBeforeDeadline(3000, 6000, 5000)).toBe(0)
  })
})
