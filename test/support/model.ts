import type { Finding } from '../../src/findings.js'

/** A normalised finding with neutral defaults; tests override only what they are about. */
export function finding(id: string, extra: Partial<Finding> = {}): Finding {
  return {
    id,
    severity: 'HIGH',
    title: id,
    description: `${id} description`,
    fixAvailable: 'UNKNOWN',
    exploitAvailable: 'UNKNOWN',
    source: 'basic',
    ...extra
  }
}
