import * as core from '@actions/core'
import type { ImageResult, JudgedImage, RunResult } from '../core/results.js'
import { formatImage } from '../model/image.js'
import { SEVERITIES, type SeverityCounts, emptyCounts, totalOf } from '../model/severity.js'

/** Every output name, typed once: action.yml documents the same list (a test holds them equal). */
export const OUTPUT = {
  total: 'total',
  foundTotal: 'found-total',
  ignored: 'ignored',
  scanStatus: 'scan-status',
  imageDigest: 'image-digest',
  passed: 'passed',
  results: 'results',
  new: 'new',
  fixed: 'fixed',
  unchanged: 'unchanged',
  jsonReport: 'json-report',
  sarifReport: 'sarif-report',
  commentUrl: 'comment-url'
} as const

function sumCounts(counts: SeverityCounts[]): SeverityCounts {
  const total = emptyCounts()
  for (const each of counts) for (const severity of SEVERITIES) total[severity] += each[severity]
  return total
}

/** One entry of the `results` output: what a later step needs to know about one image. */
function resultEntry(result: ImageResult) {
  const judged = result.kind === 'judged'
  return {
    reference: result.target.reference,
    image: result.image ? formatImage(result.image) : null,
    digest: result.image?.digest ?? null,
    platforms: result.platforms.flatMap(platform => (platform.platform ? [platform.platform] : [])),
    status: result.scan.status,
    found: judged ? { total: totalOf(result.counts), ...result.counts } : null,
    judged: judged ? { total: totalOf(result.verdict.counts), ...result.verdict.counts } : null,
    passed: judged ? result.verdict.passed : null,
    problem: judged ? null : result.problem.message,
    baseline:
      judged && result.baseline
        ? {
            reference: result.baseline.reference,
            new: result.baseline.newCount,
            fixed: result.baseline.fixed.length,
            unchanged: result.baseline.unchangedCount
          }
        : null
  }
}

/**
 * The per-severity counts and `total` are the findings the verdict was judged on (after ignore
 * rules and filters), summed over every image: what a later step conditions on. They stay empty
 * unless every image has a verdict, because a zero would read as a clean image.
 */
export function setRunOutputs(run: RunResult): void {
  const judged = run.images.filter((image): image is JudgedImage => image.kind === 'judged')
  const complete = judged.length === run.images.length
  const value = (number: number) => (complete ? number : '')
  const counted = sumCounts(judged.map(image => image.verdict.counts))
  for (const severity of SEVERITIES)
    core.setOutput(severity.toLowerCase(), value(counted[severity]))
  core.setOutput(OUTPUT.total, value(totalOf(counted)))
  core.setOutput(OUTPUT.foundTotal, value(totalOf(sumCounts(judged.map(image => image.counts)))))
  core.setOutput(
    OUTPUT.ignored,
    value(judged.reduce((sum, image) => sum + image.triage.ignored.length, 0))
  )
  const [only] = run.images
  if (run.images.length === 1 && only) {
    core.setOutput(OUTPUT.scanStatus, only.scan.status)
    core.setOutput(OUTPUT.imageDigest, only.image?.digest ?? '')
  }
  core.setOutput(OUTPUT.passed, complete ? String(judged.every(image => image.verdict.passed)) : '')
  core.setOutput(OUTPUT.results, JSON.stringify(run.images.map(resultEntry)))
  const diffs = judged.flatMap(image => (image.baseline ? [image.baseline] : []))
  const compared = complete && diffs.length === judged.length && diffs.length > 0
  const diffValue = (number: number) => (compared ? number : '')
  core.setOutput(OUTPUT.new, diffValue(diffs.reduce((sum, diff) => sum + diff.newCount, 0)))
  core.setOutput(OUTPUT.fixed, diffValue(diffs.reduce((sum, diff) => sum + diff.fixed.length, 0)))
  core.setOutput(
    OUTPUT.unchanged,
    diffValue(diffs.reduce((sum, diff) => sum + diff.unchangedCount, 0))
  )
}
