/**
 * The README's Inputs and Outputs tables document exactly what action.yml declares: every input and
 * output, none that it lacks, each once, and each input's default as the runner applies it. And
 * every ```yaml example in README.md and docs/*.md parses, passes only declared inputs to this
 * action, and reads only declared outputs of it.
 */
import { readFileSync, readdirSync } from 'node:fs'
import MarkdownIt from 'markdown-it'
import { isMap, isScalar, parse, parseDocument, visit } from 'yaml'
import { FLAGS, FORMATS, flagUsage } from '../src/cli/flags.js'

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
/**
 * A description as a reader sees it, whichever file it is in: the README's code spans and links
 * are Markdown dressing for the same words action.yml says plainly (`\|` is a pipe in a table).
 */
const asPlainText = (text: string) =>
  normalise(
    text
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/`/g, '')
      .replace(/\\\|/g, '|')
  )

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
  const check = (
    kind: 'Input' | 'Output',
    declared: Record<string, { description?: string }>,
    rows: Row[]
  ) => {
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
      const shown = asPlainText(row.Description ?? '')
      const described = asPlainText(declared[name]?.description ?? '')
      if (shown === '')
        problems.push(`${kind.toLowerCase()} ${name} has no description in the README`)
      else if (name in declared && shown !== described)
        problems.push(
          `${kind.toLowerCase()} ${name} is described differently: README '${shown}', action.yml '${described}'`
        )
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

describe('docs/cli.md and the flags table', () => {
  const cliDoc = readFileSync(new URL('docs/cli.md', root), 'utf8')

  it('lists every flag with its default, and no flag the parser lacks', () => {
    const documented = sectionTable(cliDoc, 'Flags').map(row => ({
      flag: codeSpan(row.Flag ?? '') ?? `not one code span: ${row.Flag}`,
      default: normalise((row.Default ?? '').replace(/`/g, ''))
    }))
    const declared = FLAGS.map(flag => ({ flag: flagUsage(flag), default: flag.default }))
    expect(documented).toEqual(declared)
  })

  it("give --format the formats the parser accepts, in the table, under Reports and in README's Command line", () => {
    const format = sectionTable(cliDoc, 'Flags').find(row => row.Flag?.includes('--format'))
    expect(codeSpan(format?.Flag ?? '')).toBe(`--format ${FORMATS.join('|')}`)
    const reports = sectionTable(cliDoc, 'Reports').map(row => codeSpan(row.Format ?? ''))
    expect([...reports].sort()).toEqual([...FORMATS].sort())
    const commandLine = /^## Command line$([\s\S]*?)^## /m.exec(readme)?.[1] ?? ''
    const formats = /Formats: ([^]*?)\. /.exec(normalise(commandLine))?.[1] ?? ''
    const named = [...formats.matchAll(/`([a-z]+)`/g)].map(match => match[1])
    expect([...named].sort()).toEqual([...FORMATS].sort())
  })
})

describe('the README check', () => {
  const spec: Action = {
    inputs: {
      repository: { description: 'Name.', required: true },
      timeout: { description: 'How long.', default: '10m' },
      'start-scan': { description: 'Start one.', default: false },
      region: { description: 'Region.' },
      'pr-number': { description: 'PR, see docs.', default: '' },
      'github-token': { description: 'Token.', default: '${{ github.token }}' }
    },
    outputs: {
      critical: { description: 'Counts.' },
      high: { description: 'Counts.' },
      passed: { description: 'true | false.' }
    }
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
    '| `pr-number` | from the event | PR, see [docs](docs/x.md). |',
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
      [...inputRows, '| `region` | | Region. |'],
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
      'a description that says something else',
      inputRows.map(row => row.replace('How long.', 'How long to wait.')),
      outputRows,
      "input timeout is described differently: README 'How long to wait.', action.yml 'How long.'"
    ],
    [
      'a missing output',
      inputRows,
      ['| `critical` | Counts. |', '| `passed` | `true` \\| `false`. |'],
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

/** A fenced ```yaml (or ```yml) block of a Markdown file, and the line its text starts on. */
interface YamlBlock {
  file: string
  line: number
  text: string
}

function yamlBlocks(file: string, markdown: string): YamlBlock[] {
  return new MarkdownIt()
    .parse(markdown, {})
    .filter(
      token => token.type === 'fence' && /^ya?ml$/i.test(token.info.trim().split(/\s+/)[0] ?? '')
    )
    .map(token => ({ file, line: (token.map?.[0] ?? 0) + 2, text: token.content }))
}

/** `uses:` of this action, whatever the owner and ref: org/ecr-scan-findings@v1, ./ (a checkout). */
const isThisAction = (uses: string) => /(^|\/)ecr-scan-findings@/.test(uses) || uses === './'

/** `steps.<id>.outputs.<name>` and `steps.<id>.outputs['<name>']` in a text. */
function outputReferences(text: string): { id: string; name: string }[] {
  return [...text.matchAll(/\bsteps\.([\w-]+)\.outputs(?:\.([\w-]+)|\[\s*'([^']+)'\s*\])/g)].map(
    match => ({ id: match[1] ?? '', name: match[2] ?? match[3] ?? '' })
  )
}

/**
 * What an example gets wrong, one line each: YAML that does not parse; a `with:` key of a step
 * that uses this action and is not an input; an output of such a step (by its `id`) that is not
 * declared. A reference to a step the block does not define is checked when `knownIds` (the ids
 * this action's steps have in any example) holds its id: a snippet continuing an earlier example.
 * A step with another `uses` or a `run` is not checked.
 */
function exampleProblems(spec: Action, block: YamlBlock, knownIds = new Set<string>()): string[] {
  const where = `${block.file}:${block.line}`
  const document = parseDocument(block.text)
  if (document.errors.length > 0)
    return document.errors.map(error => `${where}: YAML does not parse: ${error.message}`)
  const problems: string[] = []
  const ours = new Set<string>()
  const others = new Set<string>()
  visit(document, {
    Map(_key, node) {
      const uses = node.get('uses')
      const id = node.get('id')
      const isOurs = typeof uses === 'string' && isThisAction(uses)
      if (typeof id === 'string') (isOurs ? ours : others).add(id)
      if (!isOurs) return
      const inputs = node.get('with')
      if (inputs === undefined || inputs === null) return
      if (!isMap(inputs)) {
        problems.push(`${where}: 'with' of ${uses} is not a mapping`)
        return
      }
      for (const pair of inputs.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key)
        if (!(name in spec.inputs))
          problems.push(`${where}: input '${name}' of ${uses} is not in action.yml`)
      }
    }
  })
  for (const { id, name } of outputReferences(block.text)) {
    if (!ours.has(id) && (others.has(id) || !knownIds.has(id))) continue
    if (!(name in (spec.outputs ?? {})))
      problems.push(`${where}: steps.${id}.outputs.${name} is not an output in action.yml`)
  }
  return problems
}

/** The ids of this action's steps in a block (none when it does not parse). */
function actionStepIds(block: YamlBlock): string[] {
  const ids: string[] = []
  visit(parseDocument(block.text), {
    Map(_key, node) {
      const uses = node.get('uses')
      const id = node.get('id')
      if (typeof uses === 'string' && isThisAction(uses) && typeof id === 'string') ids.push(id)
    }
  })
  return ids
}

const docs = readdirSync(new URL('docs/', root))
  .filter(name => name.endsWith('.md'))
  .map(name => `docs/${name}`)
const examples = ['README.md', ...docs].flatMap(file =>
  yamlBlocks(file, readFileSync(new URL(file, root), 'utf8'))
)

describe('the YAML examples in README.md and docs/*.md', () => {
  it('are found', () => {
    expect(examples.filter(block => block.file === 'README.md').length).toBeGreaterThanOrEqual(5)
    expect(examples.some(block => block.file.startsWith('docs/'))).toBe(true)
    expect(examples.some(block => /ecr-scan-findings@/.test(block.text))).toBe(true)
  })

  it('parse, and use only the inputs and outputs action.yml declares', () => {
    const knownIds = new Set(examples.flatMap(actionStepIds))
    expect(knownIds).toContain('scan')
    expect(examples.flatMap(block => exampleProblems(action, block, knownIds))).toEqual([])
  })
})

describe('the YAML example check', () => {
  const spec: Action = {
    inputs: { repository: {}, 'image-tag': {} },
    outputs: { critical: {}, 'json-report': {} }
  }
  const check = (text: string) =>
    exampleProblems(spec, { file: 'x.md', line: 3, text }, new Set(['scan']))
  const step = [
    '- id: scan',
    '  uses: org/ecr-scan-findings@v1',
    '  with:',
    '    repository: team/api',
    '    image-tag: v1',
    '- id: pr',
    '  run: echo "number=1" >> "$GITHUB_OUTPUT"',
    "- run: echo ${{ steps.scan.outputs.critical }} ${{ steps.scan.outputs['json-report'] }}",
    '- run: echo ${{ steps.pr.outputs.number }}'
  ]

  it('accepts an example that matches', () => {
    expect(check(step.join('\n'))).toEqual([])
  })

  it('reports YAML that does not parse', () => {
    expect(check('a: [1\n')[0]).toMatch(/^x\.md:3: YAML does not parse: /)
  })

  it('reports an unknown input and an unknown output of this action', () => {
    const text = step
      .join('\n')
      .replace('image-tag: v1', 'image_tag: v1')
      .replace('outputs.critical', 'outputs.criticals')
    expect(check(text)).toEqual([
      "x.md:3: input 'image_tag' of org/ecr-scan-findings@v1 is not in action.yml",
      'x.md:3: steps.scan.outputs.criticals is not an output in action.yml'
    ])
  })

  it('checks a step the block does not define when another example gives this action its id', () => {
    expect(
      check('- run: echo ${{ steps.scan.outputs.highs }} ${{ steps.build.outputs.x }}')
    ).toEqual(['x.md:3: steps.scan.outputs.highs is not an output in action.yml'])
  })

  it('finds yaml fences, also in lists, and no others', () => {
    const markdown =
      '# t\n\n```yaml\na: 1\n```\n\n- item\n\n  ```yml\n  b: 2\n  ```\n\n```json\n{}\n```\n'
    expect(yamlBlocks('t.md', markdown)).toEqual([
      { file: 't.md', line: 4, text: 'a: 1\n' },
      { file: 't.md', line: 10, text: 'b: 2\n' }
    ])
  })
})
