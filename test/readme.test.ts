/**
 * The README's Inputs and Outputs tables document exactly what action.yml declares: every input and
 * output, none that it lacks, each once, and each input's default as the runner applies it.
 */
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

interface ActionInput {
  description?: string
  required?: boolean
  default?: unknown
}

interface Action {
  inputs: Record<string, ActionInput>
  outputs: Record<string, { description?: string }>
}

/** One body row of a Markdown table, its cells keyed by the header's text. */
type Row = Record<string, string>

const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as Action
const readme = readFileSync(new URL('README.md', root), 'utf8')

/** Cells of a table line: split on pipes that are not escaped, outer pipes optional, trimmed. */
function splitRow(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  for (let index = 0; index < line.length; index++) {
    const char = line[index]
    if (char === '\\' && line[index + 1] === '|') {
      cell += '|'
      index++
    } else if (char === '|') {
      cells.push(cell)
      cell = ''
    } else {
      cell += char
    }
  }
  cells.push(cell)
  const trimmed = cells.map(text => text.trim())
  if (line.trim().startsWith('|')) trimmed.shift()
  if (line.trim().endsWith('|') && !line.trim().endsWith('\\|')) trimmed.pop()
  return trimmed
}

const isDelimiterRow = (cells: string[]) =>
  cells.length > 0 && cells.every(cell => /^:?-{3,}:?$/.test(cell))

/** The first table under the `## <heading>` section, rows keyed by the header cells. */
function sectionTable(markdown: string, heading: string): Row[] {
  const lines = markdown.split(/\r?\n/)
  const start = lines.findIndex(line => new RegExp(`^##\\s+${heading}\\s*$`).test(line))
  if (start < 0) throw new Error(`README has no '## ${heading}' section`)
  let index = start + 1
  while (index < lines.length && !/^#{1,2}\s/.test(lines[index] ?? '')) {
    const header = lines[index] ?? ''
    const delimiter = lines[index + 1] ?? ''
    if (header.trim().startsWith('|') && isDelimiterRow(splitRow(delimiter))) {
      const names = splitRow(header)
      const rows: Row[] = []
      for (index += 2; (lines[index] ?? '').trim().startsWith('|'); index++) {
        const cells = splitRow(lines[index] ?? '')
        rows.push(Object.fromEntries(names.map((name, column) => [name, cells[column] ?? ''])))
      }
      return rows
    }
    index++
  }
  throw new Error(`README's '## ${heading}' section has no table`)
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim()

/** The text of a cell that is one code span and nothing else (`10m`), else undefined. */
function codeSpan(cell: string): string | undefined {
  const match = /^`([^`]+)`$/.exec(cell.trim()) ?? /^``((?:[^`]|`(?!`))+)``$/.exec(cell.trim())
  const text = match?.[1]
  if (text === undefined) return undefined
  // CommonMark strips one space from each end when both are there (`` `a` `` shows `a`).
  return normalise(/^ .* $/.test(text) && text.trim() ? text.slice(1, -1) : text)
}

/** Names in a first cell, each a code span: `a` or `a`, `b`, `c` (one row for several outputs). */
function names(cell: string): string[] {
  const spans = [...cell.matchAll(/`([^`]+)`/g)].map(match => normalise(match[1] ?? ''))
  const rest = cell.replace(/`[^`]+`/g, '').replace(/[,\s]/g, '')
  if (spans.length === 0 || rest !== '')
    throw new Error(`not a list of names in backticks: ${cell}`)
  return spans
}

/** What action.yml makes of an input's default: the text the runner passes, or undefined. */
function actionDefault(input: ActionInput): string | undefined {
  if (input.default === undefined || input.default === null) return undefined
  const text = normalise(String(input.default))
  return text === '' ? undefined : text
}

/**
 * How the README must show an input's default: `(required)` for a required input; the default in
 * backticks, as written in action.yml (`${{ github.token }}` too); for an input without one (or an
 * empty one) nothing, or words saying where the value comes from, but never one code span, which
 * would read as a default the runner applies.
 */
function defaultProblem(name: string, input: ActionInput, cell: string): string | undefined {
  const shown = normalise(cell)
  const value = actionDefault(input)
  if (input.required === true) {
    return shown === '(required)'
      ? undefined
      : `${name}: action.yml requires it but the README's default is '${shown}', not '(required)'`
  }
  if (shown === '(required)') return `${name}: the README says required, action.yml does not`
  if (value !== undefined) {
    return codeSpan(shown) === value
      ? undefined
      : `${name}: action.yml's default is '${value}' but the README shows '${shown}' (want \`${value}\`)`
  }
  const literal = codeSpan(shown)
  return literal === undefined
    ? undefined
    : `${name}: the README shows default \`${literal}\` but action.yml has none`
}

interface Documented {
  name: string
  row: Row
}

/** The rows of a table by the names in its first column, one entry per name. */
function documented(rows: Row[], column: string): Documented[] {
  return rows.flatMap(row => names(row[column] ?? '').map(name => ({ name, row })))
}

/** Everything the tables get wrong about action.yml, one line each; empty when they agree. */
function readmeProblems(spec: Action, markdown: string): string[] {
  const problems: string[] = []
  const check = (kind: 'Input' | 'Output', declared: Record<string, unknown>, rows: Row[]) => {
    const entries = documented(rows, kind)
    const seen = new Map<string, number>()
    for (const { name } of entries) seen.set(name, (seen.get(name) ?? 0) + 1)
    for (const name of Object.keys(declared)) {
      if (!seen.has(name)) problems.push(`${kind.toLowerCase()} ${name} is missing from the README`)
    }
    for (const [name, count] of seen) {
      if (!(name in declared))
        problems.push(`${kind.toLowerCase()} ${name} is in the README but not in action.yml`)
      if (count > 1) problems.push(`${kind.toLowerCase()} ${name} is in the README ${count} times`)
    }
    for (const { name, row } of entries) {
      if (normalise(row.Description ?? '') === '')
        problems.push(`${kind.toLowerCase()} ${name} has no description in the README`)
    }
    return entries
  }

  const inputRows = sectionTable(markdown, 'Inputs')
  for (const { name, row } of check('Input', spec.inputs, inputRows)) {
    const input = spec.inputs[name]
    if (!input) continue
    if (!('Default' in row)) {
      problems.push("the README's Inputs table has no Default column")
      break
    }
    const problem = defaultProblem(name, input, row.Default ?? '')
    if (problem) problems.push(problem)
  }
  check('Output', spec.outputs ?? {}, sectionTable(markdown, 'Outputs'))
  return problems
}

describe('README.md and action.yml', () => {
  it('document the same inputs, defaults and outputs', () => {
    expect(readmeProblems(action, readme)).toEqual([])
  })

  it('are read from real tables', () => {
    const inputRows = sectionTable(readme, 'Inputs')
    expect(Object.keys(inputRows[0] ?? {})).toEqual(
      expect.arrayContaining(['Input', 'Default', 'Description'])
    )
    expect(documented(inputRows, 'Input').map(entry => entry.name)).toHaveLength(
      Object.keys(action.inputs).length
    )
    expect(
      documented(sectionTable(readme, 'Outputs'), 'Output').map(entry => entry.name)
    ).toHaveLength(Object.keys(action.outputs).length)
  })
})

describe('the README check', () => {
  const spec: Action = {
    inputs: {
      repository: { description: 'd', required: true },
      timeout: { description: 'd', default: '10m' },
      'start-scan': { description: 'd', default: false },
      region: { description: 'd' },
      'pr-number': { description: 'd', default: '' },
      'github-token': { description: 'd', default: '${{ github.token }}' }
    },
    outputs: { critical: {}, high: {}, passed: {} }
  }
  const markdown = (inputRows: string[], outputRows: string[]) =>
    [
      '# x',
      '## Inputs',
      '',
      '| Input | Default | Description |',
      '| --- | --- | --- |',
      ...inputRows,
      '',
      'Text after the table.',
      '',
      '## Outputs',
      '',
      '| Output | Description |',
      '|:---|---:|',
      ...outputRows,
      '',
      '## Next'
    ].join('\n')
  const inputRows = [
    '| `repository` | (required) | Name. |',
    '| `timeout` | `10m` | How long. |',
    '| `start-scan` | `false` | Start one. |',
    '| `region` | `AWS_REGION`, `AWS_DEFAULT_REGION` | Region. |',
    '| `pr-number` | from the event | PR. |',
    '| `github-token` | `${{ github.token }}` | Token. |'
  ]
  const outputRows = ['| `critical`, `high` | Counts. |', '| `passed` | `true` \\| `false`. |']

  it('accepts tables that match', () => {
    expect(readmeProblems(spec, markdown(inputRows, outputRows))).toEqual([])
  })

  it('splits rows on unescaped pipes only', () => {
    expect(splitRow('| `a` | `x \\| y` | text |')).toEqual(['`a`', '`x | y`', 'text'])
    expect(splitRow('a | b')).toEqual(['a', 'b'])
    expect(splitRow('| a |  |')).toEqual(['a', ''])
  })

  it.each([
    [
      'a different default',
      inputRows.map(row => row.replace('`10m`', '`5m`')),
      outputRows,
      "timeout: action.yml's default is '10m' but the README shows '`5m`' (want `10m`)"
    ],
    [
      'a default not in backticks',
      inputRows.map(row => row.replace('`10m`', '10m')),
      outputRows,
      "timeout: action.yml's default is '10m' but the README shows '10m' (want `10m`)"
    ],
    [
      'a default action.yml lacks',
      inputRows.map(row => row.replace('from the event', '`1`')),
      outputRows,
      'pr-number: the README shows default `1` but action.yml has none'
    ],
    [
      'a required input shown with a default',
      inputRows.map(row => row.replace('(required)', '')),
      outputRows,
      "repository: action.yml requires it but the README's default is '', not '(required)'"
    ],
    [
      'a missing input',
      inputRows.filter(row => !row.includes('`region`')),
      outputRows,
      'input region is missing from the README'
    ],
    [
      'an input action.yml lacks',
      [...inputRows, '| `verbose` | | Talk more. |'],
      outputRows,
      'input verbose is in the README but not in action.yml'
    ],
    [
      'an input listed twice',
      [...inputRows, '| `region` | | Again. |'],
      outputRows,
      'input region is in the README 2 times'
    ],
    [
      'an input without a description',
      inputRows.map(row => row.replace('Region.', '')),
      outputRows,
      'input region has no description in the README'
    ],
    [
      'a missing output',
      inputRows,
      ['| `critical` | Counts. |', '| `passed` | Verdict. |'],
      'output high is missing from the README'
    ],
    [
      'an output action.yml lacks',
      inputRows,
      [...outputRows, '| `medium` | Count. |'],
      'output medium is in the README but not in action.yml'
    ]
  ])('reports %s', (_case, inputs, outputs, problem) => {
    expect(readmeProblems(spec, markdown(inputs, outputs))).toEqual([problem])
  })

  it('fails loudly when a table or a name cannot be read', () => {
    expect(() => readmeProblems(spec, '# x\n## Outputs\n')).toThrow("no '## Inputs' section")
    expect(() => readmeProblems(spec, '## Inputs\ntext\n## Outputs\n')).toThrow('has no table')
    expect(() =>
      readmeProblems(spec, markdown([...inputRows, '| region | | x |'], outputRows))
    ).toThrow('not a list of names in backticks: region')
  })
})
