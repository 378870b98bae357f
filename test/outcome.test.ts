import { type ImageOutcome, tallyOutcomes } from '../src/core/outcome.js'

const passed: ImageOutcome = { kind: 'passed', name: 'shop/api:v1' }
const failed: ImageOutcome = {
  kind: 'policy-failed',
  name: 'shop/web:v1',
  breaches: '1 CRITICAL',
  message: 'Policy failed for shop/web:v1: 1 CRITICAL.'
}
const noVerdict = (softened: boolean): ImageOutcome => ({
  kind: 'no-verdict',
  name: 'shop/batch:v1',
  message: 'The scan ended.',
  softened
})

describe('tallyOutcomes', () => {
  it('counts the images that fail the step, and a softened no-verdict apart from them', () => {
    expect(tallyOutcomes([passed, failed, noVerdict(false), noVerdict(true)])).toEqual({
      images: 4,
      failing: 2,
      softened: 1,
      noVerdict: 'has no verdict'
    })
  })

  it('says "have" for any number of softened images but one', () => {
    expect(tallyOutcomes([passed]).noVerdict).toBe('have no verdict')
    expect(tallyOutcomes([noVerdict(true), noVerdict(true)])).toEqual({
      images: 2,
      failing: 0,
      softened: 2,
      noVerdict: 'have no verdict'
    })
  })
})
