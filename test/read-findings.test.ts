import { type AllFindings, type FindingsRead, readAllFindings } from '../src/core/read-findings.js'
import type { ScanPage } from '../src/core/wait-for-scan.js'

function page(severities: string[], nextToken?: string, extra: Partial<ScanPage> = {}): ScanPage {
  return {
    status: 'COMPLETE',
    completedAt: new Date(0),
    hasResults: true,
    listed: true,
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

function complete(read: FindingsRead): AllFindings {
  if (read.kind !== 'complete') throw new Error(`expected a complete read, got ${read.kind}`)
  return read
}

describe('readAllFindings', () => {
  it('reuses the first page and follows the tokens for the rest', async () => {
    const asked: string[] = []
    const result = complete(
      await readAllFindings(page(['HIGH', 'LOW'], 't1'), token => {
        asked.push(token)
        return pages([page(['CRITICAL'], 't2'), page(['UNTRIAGED', 'UNDEFINED'])])
      })
    )
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
    const result = complete(
      await readAllFindings(page([]), () => {
        throw new Error('should not page')
      })
    )
    expect(result.pages).toBe(1)
    expect(result.findings).toEqual([])
  })

  it('counts from the findings and reports where the service counts disagree', async () => {
    const first = page(['HIGH'], 't1', { severityCounts: { HIGH: 1 } })
    const result = complete(await readAllFindings(first, () => pages([page(['HIGH', 'HIGH'])])))
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
    const result = complete(await readAllFindings(first, () => pages([])))
    expect(result.findings.map(finding => [finding.id, finding.source])).toEqual([
      ['CVE-LOW-0', 'basic'],
      ['CVE-2024-3094', 'enhanced']
    ])
  })
})

describe('readAllFindings, when the answers prove findings missing', () => {
  it('is incomplete when findingSeverityCounts count more of a severity than were read', async () => {
    const first = page(['HIGH'], 't1', { severityCounts: { HIGH: 1, CRITICAL: 2 } })
    const result = await readAllFindings(first, () => pages([page(['CRITICAL'])]))
    expect(result).toEqual({
      kind: 'incomplete',
      reason: 'findings are missing (CRITICAL 2 counted by ECR but 1 read)',
      pages: 2
    })
  })

  it('is incomplete when a later page carries no findings list', async () => {
    const result = await readAllFindings(page(['HIGH'], 't1'), () =>
      pages([page([], undefined, { listed: false })])
    )
    expect(result).toEqual({
      kind: 'incomplete',
      reason: 'page 2 carried no findings list',
      pages: 2
    })
  })

  it('is incomplete when the first page carries no findings list', async () => {
    const result = await readAllFindings(page([], undefined, { listed: false }), () => pages([]))
    expect(result.kind).toBe('incomplete')
  })

  it('is incomplete when a later page answers a status that is no longer settled', async () => {
    const result = await readAllFindings(page(['HIGH'], 't1'), () =>
      pages([page(['LOW'], undefined, { status: 'IN_PROGRESS' })])
    )
    expect(result).toMatchObject({
      kind: 'incomplete',
      reason: 'page 2 answered status IN_PROGRESS, no longer settled'
    })
  })

  it('is incomplete when the listing ends with a page token still outstanding', async () => {
    const result = await readAllFindings(page(['HIGH'], 't1'), () => pages([page(['LOW'], 't2')]))
    expect(result.kind).toBe('incomplete')
  })
})

describe('readAllFindings never hangs', () => {
  it('breaks on a token that repeats one from any earlier page, not just the previous one', async () => {
    let served = 0
    async function* looping(): AsyncIterable<ScanPage> {
      const tokens = ['t2', 't3', 't1', 't2', 't3']
      for (const token of tokens) {
        served += 1
        yield page(['LOW'], token)
      }
      throw new Error('read past the loop')
    }
    const result = await readAllFindings(page(['HIGH'], 't1'), () => looping())
    expect(result).toEqual({
      kind: 'broken',
      reason:
        'ECR handed out a page token it had already given (after page 4), so the findings listing loops',
      pages: 4
    })
    expect(served).toBe(3)
  })

  it('breaks on more pages than the service counts can explain', async () => {
    let served = 0
    async function* endless(): AsyncIterable<ScanPage> {
      for (;;) yield page(['LOW'], `t${++served + 1}`)
    }
    const first = page(['HIGH'], 't1', { severityCounts: { HIGH: 1, LOW: 150 } })
    const result = await readAllFindings(first, () => endless())
    expect(result.kind).toBe('broken')
    // 151 findings explain 2 pages of 100; twice that plus a margin of 10 is the bound.
    expect(result.pages).toBe(14)
    expect(served).toBe(13)
  })
})
