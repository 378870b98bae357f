import { type Finding, findingKey } from '../model/findings.js'

/** What a change did against its baseline: findings by identity (id and package). */
export interface BaselineDiff {
  /** The baseline as the user gave it, and the digest it resolved to. */
  reference: string
  digest: string
  /** Keys of the image's findings the baseline has too. */
  unchangedKeys: ReadonlySet<string>
  newCount: number
  unchangedCount: number
  /** Baseline findings the image no longer has. */
  fixed: Finding[]
}

export type Change = 'new' | 'unchanged'

export function diffBaseline(
  findings: readonly Finding[],
  baselineFindings: readonly Finding[],
  baseline: { reference: string; digest: string }
): BaselineDiff {
  const baselineKeys = new Set(baselineFindings.map(findingKey))
  const imageKeys = new Set(findings.map(findingKey))
  const unchangedKeys = new Set([...imageKeys].filter(key => baselineKeys.has(key)))
  const unchangedCount = findings.filter(finding => unchangedKeys.has(findingKey(finding))).length
  return {
    ...baseline,
    unchangedKeys,
    newCount: findings.length - unchangedCount,
    unchangedCount,
    fixed: baselineFindings.filter(finding => !imageKeys.has(findingKey(finding)))
  }
}

export function changeOf(diff: BaselineDiff, finding: Finding): Change {
  return diff.unchangedKeys.has(findingKey(finding)) ? 'unchanged' : 'new'
}

/** The findings the baseline has too, looked up once, for sorting new findings first. */
export function unchangedFindings(
  findings: readonly Finding[],
  diff: BaselineDiff | undefined
): ReadonlySet<Finding> {
  return new Set(diff ? findings.filter(finding => changeOf(diff, finding) === 'unchanged') : [])
}
