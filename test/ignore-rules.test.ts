import {
  IgnoreRulesError,
  missingIgnoreFileError,
  parseIgnoreRules
} from '../src/policy/ignore-rules.js'

const FILE = '.github/ecr-scan-ignore.yml'

function problemsOf(text: string, origin = FILE): string[] {
  try {
    parseIgnoreRules(text, origin)
  } catch (error) {
    if (error instanceof IgnoreRulesError) return error.problems
    throw error
  }
  throw new Error('expected the rules to be rejected')
}

describe('parseIgnoreRules', () => {
  it('reads every field of an entry and records the file and line it came from', () => {
    const text = [
      '# accepted risks',
      'ignore:',
      '  - id: CVE-2023-4911',
      '    package: glibc',
      '    reason: Not reachable, we do not run setuid binaries',
      '    expires: 2026-12-31',
      '  - id: GHSA-xxxx-yyyy-zzzz',
      '    reason: Dev dependency only'
    ].join('\n')
    expect(parseIgnoreRules(text, FILE)).toEqual([
      {
        id: 'CVE-2023-4911',
        package: 'glibc',
        reason: 'Not reachable, we do not run setuid binaries',
        expires: '2026-12-31',
        origin: `${FILE}:3`
      },
      { id: 'GHSA-xxxx-yyyy-zzzz', reason: 'Dev dependency only', origin: `${FILE}:7` }
    ])
  })

  it('accepts a bare list, as the inline input is usually written', () => {
    const rules = parseIgnoreRules('- id: CVE-1\n  reason: accepted\n', 'input ignore')
    expect(rules).toEqual([{ id: 'CVE-1', reason: 'accepted', origin: 'input ignore:1' }])
  })

  it.each([
    ['an empty text', ''],
    ['only comments', '# nothing ignored yet\n'],
    ['an empty ignore list', 'ignore:\n'],
    ['an explicit empty list', 'ignore: []\n']
  ])('returns no rules for %s', (_case, text) => {
    expect(parseIgnoreRules(text, FILE)).toEqual([])
  })

  it('keeps a quoted expiry date the same as an unquoted one', () => {
    const [rule] = parseIgnoreRules('- id: CVE-1\n  reason: r\n  expires: "2026-01-31"\n', FILE)
    expect(rule?.expires).toBe('2026-01-31')
  })

  it('names the file, line and key for an unknown key', () => {
    const text = 'ignore:\n  - id: CVE-1\n    reason: r\n    pakage: glibc\n'
    expect(problemsOf(text)).toEqual([
      `${FILE}:4: unknown key 'pakage' in ignore entry (allowed: id, package, reason, expires)`
    ])
  })

  it('names the entry line for a missing id or reason', () => {
    const text = 'ignore:\n  - reason: r\n  - id: CVE-2\n'
    expect(problemsOf(text)).toEqual([
      `${FILE}:2: ignore entry is missing 'id'`,
      `${FILE}:3: ignore entry is missing 'reason'`
    ])
  })

  it.each([
    ['an impossible day', '2025-13-40'],
    ['the 31st of a 30-day month', '2026-04-31'],
    ['a non-ISO spelling', '31/12/2026'],
    ['a timestamp', '2026-12-31T00:00:00Z']
  ])('rejects %s as an expiry date, naming the line', (_case, value) => {
    const text = `ignore:\n  - id: CVE-1\n    reason: r\n    expires: ${value}\n`
    expect(problemsOf(text)).toEqual([
      `${FILE}:4: 'expires' must be a date YYYY-MM-DD, got '${value}'`
    ])
  })

  it('rejects a field that is not text, such as a number, a boolean or an empty value', () => {
    const text = 'ignore:\n  - id: 12345\n    reason:\n  - id: CVE-1\n    reason: true\n'
    expect(problemsOf(text)).toEqual([
      `${FILE}:2: 'id' must be text, got 12345: put it in quotes`,
      `${FILE}:3: 'reason' must be non-empty text`,
      `${FILE}:5: 'reason' must be text, got true: put it in quotes`
    ])
  })

  it('reports a YAML syntax error with its line', () => {
    expect(problemsOf('ignore:\n  - id: CVE-1\n    reason: a: b\n  - id: CVE-2\n')).toEqual([
      `${FILE}:3: YAML syntax error: Nested mappings are not allowed in compact mappings`
    ])
  })

  it('reports a duplicated key as a YAML error on the line of the repeat', () => {
    const problems = problemsOf('- id: CVE-1\n  reason: r\n  id: CVE-2\n')
    expect(problems[0]).toMatch(/:3: YAML syntax error: Map keys must be unique/)
  })

  it('rejects unknown top-level keys and an ignore value that is not a list', () => {
    expect(problemsOf('rules:\n  - id: CVE-1\n')).toEqual([
      `${FILE}:1: unknown top-level key 'rules' (allowed: ignore)`
    ])
    expect(problemsOf('ignore: CVE-1\n')).toEqual([`${FILE}:1: 'ignore' must be a list of entries`])
  })

  it('rejects an entry that is not a mapping', () => {
    expect(problemsOf('ignore:\n  - CVE-1\n')).toEqual([
      `${FILE}:2: each ignore entry must be a mapping with id and reason`
    ])
  })

  it('lists every problem at once and puts them all in the message', () => {
    const text =
      'ignore:\n  - id: CVE-1\n    reason: r\n    why: x\n  - id: CVE-2\n    reason: r\n    expires: soon\n'
    const error = (() => {
      try {
        parseIgnoreRules(text, FILE)
      } catch (caught) {
        return caught as IgnoreRulesError
      }
      throw new Error('expected the rules to be rejected')
    })()
    expect(error.name).toBe('IgnoreRulesError')
    expect(error.problems).toHaveLength(2)
    expect(error.message).toBe(error.problems.join('\n'))
  })
})

describe('missingIgnoreFileError', () => {
  it('names the path and the input that asked for it', () => {
    const error = missingIgnoreFileError('policy/ignore.yml')
    expect(error).toBeInstanceOf(IgnoreRulesError)
    expect(error.message).toMatch(/^policy\/ignore\.yml: the ignore file does not exist/)
    expect(error.message).toContain("'ignore-file'")
  })
})
