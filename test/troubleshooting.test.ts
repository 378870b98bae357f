/**
 * Every error, warning and notice the code can show a user has an entry in the README's
 * Troubleshooting section, so a new message without documentation fails this test.
 *
 * How it works (keep this comment in step with the code below):
 *
 * 1. Every `src/**\/*.ts` file is parsed with the TypeScript compiler API (no regexes over code).
 * 2. A message is a string or template literal in one of these places ("sinks"):
 *    - an argument of `new XxxError(…)` or `new XxxProblem(…)` (any class name ending so);
 *    - an argument of a call to `problem(…)`, `fail(…)`, `setFailed(…)`, `failStep(…)` (the
 *      Action's own `::error::`), `say(…)` (a line on the CLI's stderr), `at(…)` (an ignore-file
 *      problem) or `failures.push(…)` (a report that could not be written);
 *    - warnings and notices: an argument of any `….warning(…)` or `….notice(…)` call
 *      (`log.warning`, `deps.log.notice`, `core.warning`, `actionLog.warning`, …) or of
 *      `warnings.push(…)` (warnings collected to be logged later, as Inspector enrichment does);
 *    - a `message:` or `fix:` property, or a `const message = …`, in `src/core` (the problems that
 *      leave an image without a verdict and the fix for each scan status);
 *    - a value of `TERMINAL_FIXES`, and a `return` in the functions named in RETURN_MESSAGES:
 *      functions that build a message for a caller to print (`explainAwsError`, the PR comment's
 *      `describeFailure`, the SARIF notifications, `sarifFile`'s reasons…). A returned object
 *      counts the values of its properties, nested ones too, so `{ gap: '…' }` and
 *      `{ message: { text: '…' } }` are found. Add a function here when it returns a message.
 *    A conditional (`a ? 'x' : 'y'`), an array or a `+` concatenation counts each literal in it.
 *    An identifier in a message (passed whole, or interpolated as `${missing}`) that names a
 *    `const` declared in an enclosing block of the same file counts that const's literals too,
 *    keyed only when they hold a run of three words (so `const missing = 'Inspector enrichment
 *    could not start (…)'` is found through `log.warning(`${missing}; …`)`).
 * 3. A message's key is its first static run of text (between `${…}` interpolations) holding at
 *    least three words, cut to eight words, with punctuation trimmed at both ends; when no run
 *    has three words, the first run of two words; a message with less (`${where}: ${detail}`)
 *    only passes another message through and has no key.
 * 4. Each key must appear in the README between `## Troubleshooting` and the next `## ` heading,
 *    compared with whitespace collapsed and backticks removed, so line wrapping and code spans do
 *    not matter.
 *
 * When this test fails, quote the message (its key at least) in Troubleshooting with what to do.
 * A sanity bound (at least MIN_MESSAGES found) keeps a broken extractor from passing vacuously.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const SRC = join(ROOT, 'src')
const MIN_MESSAGES = 80

/**
 * Functions whose returned literals (or the literals in the objects they return) are messages a
 * caller prints: the returns are the only place these messages are written out whole.
 */
const RETURN_MESSAGES = new Set([
  'explainAwsError',
  'expiredWithoutFindingsFix',
  'explainForCli',
  'explainInspectorError',
  'describeExpiredRule',
  'describeStaleRule',
  // src/action/pr-comment.ts: why the comment failed, the advice after it, and the search's gap.
  'describeFailure',
  'describeGraphqlFailure',
  'hintFor',
  'findOwnComment',
  // src/report/sarif.ts: notifications inside the file (also logged), and why no file is written.
  'truncationNotice',
  'leftOutNotice',
  'sarifFile'
])
const CALL_SINKS = new Set(['problem', 'fail', 'setFailed', 'failStep', 'say', 'at'])
/** Methods that log a warning or notice, on any object (`log`, `deps.log`, `core`, …). */
const WARNING_METHODS = new Set(['warning', 'notice'])
/** `<array>.push(…)` calls whose array collects messages to show later. */
const PUSH_SINKS = new Set(['failures', 'warnings'])
const CORE_PROPERTIES = new Set(['message', 'fix'])

export interface Message {
  file: string
  line: number
  /** The static runs of text, in order; interpolations split them. */
  segments: string[]
  /** Found through a const a message names: keyed only by a run of three words. */
  viaConst?: boolean
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : []
  })
}

/** The static runs of every literal in an expression; empty when it holds no literal. */
function literals(node: ts.Node): string[][] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [[node.text]]
  if (ts.isTemplateExpression(node))
    return [[node.head.text, ...node.templateSpans.map(span => span.literal.text)]]
  if (ts.isParenthesizedExpression(node)) return literals(node.expression)
  if (ts.isConditionalExpression(node))
    return [...literals(node.whenTrue), ...literals(node.whenFalse)]
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(literals)
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [[...literals(node.left).flat(), ...literals(node.right).flat()]]
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken
  )
    return [...literals(node.left), ...literals(node.right)]
  return []
}

/** What a `return` gives back: the expression, or the values of a returned object's properties. */
function returnedValues(node: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(node)) return returnedValues(node.expression)
  if (!ts.isObjectLiteralExpression(node)) return [node]
  return node.properties.flatMap(property =>
    ts.isPropertyAssignment(property) ? returnedValues(property.initializer) : []
  )
}

/** The initializer of the `const` an identifier names, from an enclosing block of its file. */
function constInitializer(identifier: ts.Identifier): ts.Expression | undefined {
  for (let at: ts.Node | undefined = identifier.parent; at; at = at.parent) {
    if (!ts.isBlock(at) && !ts.isSourceFile(at) && !ts.isCaseClause(at)) continue
    for (const statement of at.statements) {
      if (!ts.isVariableStatement(statement)) continue
      if ((statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name) && declaration.name.text === identifier.text)
          return declaration.initializer
    }
  }
  return undefined
}

/** The identifiers a message is made of: itself, or those interpolated in it (`${missing}`). */
function namedConsts(node: ts.Node): ts.Identifier[] {
  if (ts.isIdentifier(node)) return [node]
  if (ts.isParenthesizedExpression(node)) return namedConsts(node.expression)
  if (ts.isTemplateExpression(node))
    return node.templateSpans.flatMap(span => namedConsts(span.expression))
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return [...namedConsts(node.left), ...namedConsts(node.right)]
  return []
}

function calleeName(expression: ts.Expression): { name: string; object?: string } | undefined {
  if (ts.isIdentifier(expression)) return { name: expression.text }
  if (ts.isPropertyAccessExpression(expression))
    return {
      name: expression.name.text,
      object: ts.isIdentifier(expression.expression) ? expression.expression.text : undefined
    }
  return undefined
}

function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isFunctionDeclaration(at) && at.name) return at.name.text
    if (ts.isArrowFunction(at) || ts.isFunctionExpression(at)) {
      const parent = at.parent
      if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name))
        return parent.name.text
    }
  }
  return undefined
}

/** Every user-facing message in one source text. */
export function collectMessages(file: string, text: string): Message[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const inCore = /(^|[/\\])core[/\\]/.test(file)
  const found: Message[] = []
  const add = (node: ts.Node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1
    for (const segments of literals(node)) found.push({ file, line, segments })
    for (const identifier of namedConsts(node)) {
      const initializer = constInitializer(identifier)
      if (!initializer) continue
      const at = source.getLineAndCharacterOfPosition(initializer.getStart()).line + 1
      for (const segments of literals(initializer))
        found.push({ file, line: at, segments, viaConst: true })
    }
  }
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (/(Error|Problem)$/.test(node.expression.text)) node.arguments?.forEach(add)
    } else if (ts.isCallExpression(node)) {
      const callee = calleeName(node.expression)
      if (
        callee &&
        CALL_SINKS.has(callee.name) &&
        (callee.object === undefined || callee.object === 'core')
      )
        node.arguments.forEach(add)
      if (callee?.name === 'push' && callee.object && PUSH_SINKS.has(callee.object))
        node.arguments.forEach(add)
      if (
        callee &&
        WARNING_METHODS.has(callee.name) &&
        ts.isPropertyAccessExpression(node.expression)
      )
        node.arguments.forEach(add)
    } else if (ts.isReturnStatement(node) && node.expression) {
      const name = enclosingFunctionName(node)
      if (name && RETURN_MESSAGES.has(name)) returnedValues(node.expression).forEach(add)
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      if (inCore && CORE_PROPERTIES.has(node.name.text)) add(node.initializer)
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      if (inCore && node.name.text === 'message') add(node.initializer)
      if (node.name.text === 'TERMINAL_FIXES' && ts.isObjectLiteralExpression(node.initializer))
        for (const property of node.initializer.properties)
          if (ts.isPropertyAssignment(property)) add(property.initializer)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const words = (text: string) => text.split(' ').filter(word => /[A-Za-z]/.test(word))
const tidy = (text: string) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/^[^A-Za-z0-9-]+/, '')
    .replace(/[^A-Za-z0-9)]+$/, '')

/** The stable prefix a message is documented by, or undefined when it only passes others on. */
export function messageKey(segments: string[], threeWordsOnly = false): string | undefined {
  const runs = segments.map(tidy).filter(run => words(run).length >= 2)
  const run =
    runs.find(candidate => words(candidate).length >= 3) ?? (threeWordsOnly ? undefined : runs[0])
  if (run === undefined) return undefined
  return tidy(run.split(' ').slice(0, 8).join(' '))
}

export function troubleshootingSection(readme: string): string {
  const start = readme.indexOf('\n## Troubleshooting')
  if (start < 0) throw new Error('README.md has no "## Troubleshooting" section')
  const end = readme.indexOf('\n## ', start + 1)
  return readme.slice(start, end < 0 ? undefined : end)
}

const normalise = (text: string) => text.replace(/`/g, '').replace(/\s+/g, ' ')

const messages = sourceFiles(SRC).flatMap(path =>
  collectMessages(relative(ROOT, path), readFileSync(path, 'utf8'))
)
const section = normalise(troubleshootingSection(readFileSync(join(ROOT, 'README.md'), 'utf8')))

describe('README Troubleshooting', () => {
  it('finds the messages in src (the extractor works)', () => {
    expect(messages.length).toBeGreaterThanOrEqual(MIN_MESSAGES)
    const files = new Set(messages.map(message => message.file))
    for (const file of [
      'src/config/inputs.ts',
      'src/aws/errors.ts',
      'src/core/acquire.ts',
      'src/aws/inspector.ts',
      'src/core/scan-image.ts',
      'src/action/pr-comment.ts',
      'src/report/sarif.ts',
      'src/cli/main.ts'
    ])
      expect(files).toContain(file)
  })

  it('finds warnings and notices, and messages held in a const', () => {
    const keys = (text: string) =>
      collectMessages('src/core/example.ts', text).map(message =>
        messageKey(message.segments, message.viaConst)
      )
    expect(keys('deps.log.warning(`Frobnication of ${image} went badly wrong.`)')).toEqual([
      'went badly wrong'
    ])
    expect(keys("log.notice('The widget is sideways today.')")).toEqual([
      'The widget is sideways today'
    ])
    expect(keys('warnings.push(`Widget enrichment: ${n} widgets were lost.`)')).toEqual([
      'widgets were lost'
    ])
    expect(
      keys(
        [
          'function f(error) {',
          '  const account = id ? `account ${id}` : "the account"',
          '  const missing = `Widget enrichment could not start (${error})`',
          '  log.warning(`${missing}; the run goes on for ${account}.`)',
          '}'
        ].join('\n')
      )
    ).toEqual(['the run goes on for', 'Widget enrichment could not start', undefined, undefined])
    // log.info is not a warning, and a const out of scope is not followed.
    expect(keys("log.info('Everything is quite fine here.')")).toEqual([])
    expect(
      keys("function g() { const text = 'An unrelated long text' }\nlog.warning(text)")
    ).toEqual([])
  })

  it('finds messages returned by the functions in RETURN_MESSAGES, objects too, and CLI lines', () => {
    const keys = (text: string) =>
      collectMessages('src/report/example.ts', text).map(message => messageKey(message.segments))
    expect(
      keys(
        [
          'function leftOutNotice(group) {',
          "  return { level: 'warning', message: { text: `${group} fell off the widget shelf.` } }",
          '}'
        ].join('\n')
      )
    ).toEqual([undefined, 'fell off the widget shelf'])
    expect(
      keys("function findOwnComment() { return { gap: 'Some widgets were not searched.' } }")
    ).toEqual(['Some widgets were not searched'])
    // A function not in RETURN_MESSAGES returns no message.
    expect(keys("function describeWidget() { return 'A widget of some kind.' }")).toEqual([])
    expect(keys('say(`ecr-scan-findings: could not polish the ${widget}`)')).toEqual([
      'ecr-scan-findings: could not polish the'
    ])
    expect(keys("failStep('The widget broke in half.')")).toEqual(['The widget broke in half'])
  })

  it('documents every message by its key', () => {
    const missing = messages.flatMap(message => {
      const key = messageKey(message.segments, message.viaConst)
      return key && !section.includes(normalise(key))
        ? [`${message.file}:${message.line}: ${key}`]
        : []
    })
    expect([...new Set(missing)]).toEqual([])
  })

  it('would fail for a new message the README does not mention', () => {
    const [added] = collectMessages(
      'src/config/example.ts',
      "throw new InputError(`Invalid input '${name}': the frobnication level ${value} is too high.`)"
    )
    const key = messageKey(added?.segments ?? [])
    expect(key).toBe('the frobnication level')
    expect(section.includes(key ?? '')).toBe(false)
  })

  it('keys a message by its first run of three words, or passes it through', () => {
    expect(messageKey(["Invalid input '", "': '", "'. Use true or false."])).toBe(
      'Use true or false'
    )
    expect(messageKey(["Invalid input '", "': '", "' is not ", '.'])).toBe('Invalid input')
    expect(messageKey(['', ': ', ''])).toBeUndefined()
  })
})
