import * as core from '@actions/core'
import type { ImageResult, RunResult } from '../core/results.js'
import { SEVERITIES, type SeverityCounts, emptyCounts } from '../model/severity.js'

/** Every output name, typed once: action.yml documents the same list (a test holds them equal). */
export const OUTPUT = {
  total: 'total',
  ignored: 'ignored',
  scanStatus: 'scan-status',
  imageDigest: 'image-digest',
  passed: 'passed',
  jsonReport: 'json-report',
  sarifReport: 'sarif-report',
  commentUrl: 'comment-url'
} as const

function sum(
  images: ImageResult[],
  counts: (image: ImageResult & { kind: 'judged' }) => SeverityCounts
) {
  const total = emptyCounts()
  for (const image of images) {
    if (image.kind !== 'judged') continue
    const each = counts(image)
    for (const severity of SEVERITIES) total[severity] += each[severity]
  }
  return total
}

/**
 * Counts are sums over every image, and stay empty unless every image has a verdict: a zero
 * would read as a clean image when nothing was judged.
 */
export function setRunOutputs(run: RunResult): void {
  const judged = run.images.every(image => image.kind === 'judged')
  const value = (number: number) => (judged ? number : '')
  const found = sum(run.images, image => image.counts)
  for (const severity of SEVERITIES) core.setOutput(severity.toLowerCase(), value(found[severity]))
  core.setOutput(OUTPUT.total, value(Object.values(found).reduce((a, b) => a + b, 0)))
  core.setOutput(
    OUTPUT.ignored,
    value(
      run.images.reduce(
        (n, image) => n + (image.kind === 'judged' ? image.triage.ignored.length : 0),
        0
      )
    )
  )
  const [only] = run.images
  if (run.images.length === 1 && only) {
    core.setOutput(OUTPUT.scanStatus, only.scan.status)
    core.setOutput(OUTPUT.imageDigest, only.image?.digest ?? '')
  }
  core.setOutput(
    OUTPUT.passed,
    judged ? String(run.images.every(image => image.kind === 'judged' && image.verdict.passed)) : ''
  )
}
