import { readAllFindings } from '../src/core/read-findings.js'
import type { ScanPage } from '../src/core/wait-for-scan.js'

function page(severities: string[], nextToken?: string, extra: Partial<ScanPage> = {}): ScanPage {
  return {
    status: 'COMPLETE',
    findings: severities.map((severity, index) => ({ name: `CVE-${severity}-${index}`, severity })),
    enhancedFindings: [],
    enhanced: false,
    nextToken,
    ...extra
  }
}

async function* pages(list: ScanPage[]) {
  yield* list
}

describe('readAllFindings', () => {
  it('reuses the first page and follows the tokens for the rest', async () => {
    const asked: string[] = []
    const result = await readAllFindings(page(['HIGH', 'LOW'], 't1'), token => {
      asked.push(token)
      return pages([page(['CRITICAL'], 't2'), page(['UNTRIAGED', 'UNDEFINED'])])
    })
    expect(asked).toEqual(['t1'])
    expect(result.pages).toBe(3)
    expect(result.findings).toHaveLength(5)
    expect(result.counts).toEqual({
      CRITICAL: 1,
      HIGH: 1,
      MEDIUM: 0,
      LOW: 1,
      INFORMATIONAL: 0,
      UNDEFINED: 1,
      UNTRIAGED: 1
    })
  })

  it('asks for nothing more when the first page is the only one', async () => {
    const result = await readAllFindings(page([]), () => {
      throw new Error('should not page')
    })
    expect(result.pages).toBe(1)
    expect(result.findings).toEqual([])
  })

  it('counts from the findings and reports where the service counts disagree', async () => {
    const first = page(['HIGH'], 't1', { severityCounts: { HIGH: 1 } })
    const result = await readAllFindings(first, () => pages([page(['HIGH', 'HIGH'])]))
    expect(result.counts.HIGH).toBe(3)
    expect(result.serviceCountsMismatch).toBe(
      'findingSeverityCounts differs from the findings read (service vs counted): HIGH 1 vs 3'
    )
  })

  it('normalises enhanced findings next to basic ones', async () => {
    const first: ScanPage = {
      ...page(['LOW']),
      enhanced: true,
      enhancedFindings: [
        { severity: 'CRITICAL', packageVulnerabilityDetails: { vulnerabilityId: 'CVE-2024-3094' } }
      ]
    }
    const result = await readAllFindings(first, () => pages([]))
    expect(result.findings.map(finding => [finding.id, finding.source])).toEqual([
      ['CVE-LOW-0', 'basic'],
      ['CVE-2024-3094', 'enhanced']
    ])
  })
})
