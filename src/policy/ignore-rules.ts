import { type Document, LineCounter, type Node, isMap, isScalar, isSeq, parseDocument } from 'yaml'
import type { IgnoreRule } from '../core/results.js'

/** Ignore rules the user must fix; the message names the file (or input), the line and the field. */
export class IgnoreRulesError extends Error {
  override name = 'IgnoreRulesError'

  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

const RULE_KEYS = ['id', 'package', 'reason', 'expires'] as const
type RuleKey = (typeof RULE_KEYS)[number]
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** An explicitly configured ignore file must exist: silently judging without it would hide intent. */
export function missingIgnoreFileError(path: string): IgnoreRulesError {
  return new IgnoreRulesError([
    `${path}: the ignore file does not exist (it was set explicitly with 'ignore-file'; remove the input to run without one)`
  ])
}

function isCalendarDay(text: string): boolean {
  const match = ISO_DAY.exec(text)
  if (!match) return false
  const [, year, month, day] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/**
 * Reads ignore rules from YAML: either a mapping with an `ignore` list, or the list alone (handy
 * for the inline input). `origin` names the source in messages and in each rule's `origin`,
 * e.g. `.github/ecr-scan-ignore.yml` or `input ignore`. Every problem is reported at once.
 */
export function parseIgnoreRules(text: string, origin: string): IgnoreRule[] {
  const lines = new LineCounter()
  // The core schema keeps 2026-12-31 a string, so dates are validated here rather than coerced.
  const document = parseDocument(text, { schema: 'core', lineCounter: lines, prettyErrors: false })
  const lineOf = (offset: number | undefined): number => lines.linePos(offset ?? 0).line
  const at = (offset: number | undefined, message: string): string =>
    `${origin}:${lineOf(offset)}: ${message}`

  if (document.errors.length > 0) {
    throw new IgnoreRulesError(
      document.errors.map(error => at(error.pos[0], `YAML syntax error: ${error.message}`))
    )
  }
  const problems: string[] = []
  const entries = ruleList(document, problems, at)
  const rules = entries.flatMap(entry => {
    const rule = readRule(entry, problems, at)
    return rule ? [{ ...rule, origin: `${origin}:${lineOf(entry.range?.[0])}` }] : []
  })
  if (problems.length > 0) throw new IgnoreRulesError(problems)
  return rules
}

type Locate = (offset: number | undefined, message: string) => string

function ruleList(document: Document, problems: string[], at: Locate): Node[] {
  const root = document.contents
  if (root === null || (isScalar(root) && root.value === null)) return []
  if (isSeq(root)) return root.items as Node[]
  if (!isMap(root)) {
    problems.push(at(root.range?.[0], "expected a mapping with an 'ignore' list of entries"))
    return []
  }
  let list: Node[] = []
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    const keyStart = (pair.key as Node | null)?.range?.[0]
    if (key !== 'ignore') {
      problems.push(at(keyStart, `unknown top-level key '${key}' (allowed: ignore)`))
      continue
    }
    const value = pair.value as Node | null
    if (value === null || (isScalar(value) && value.value === null)) continue
    if (!isSeq(value)) {
      problems.push(at(value.range?.[0] ?? keyStart, "'ignore' must be a list of entries"))
      continue
    }
    list = value.items as Node[]
  }
  return list
}

function readRule(entry: Node, problems: string[], at: Locate): Omit<IgnoreRule, 'origin'> | null {
  const entryStart = entry.range?.[0]
  if (!isMap(entry)) {
    problems.push(at(entryStart, 'each ignore entry must be a mapping with id and reason'))
    return null
  }
  const fields: Partial<Record<RuleKey, string>> = {}
  const before = problems.length
  for (const pair of entry.items) {
    const keyNode = pair.key as Node | null
    const key = isScalar(keyNode) ? String(keyNode.value) : ''
    if (!(RULE_KEYS as readonly string[]).includes(key)) {
      problems.push(
        at(
          keyNode?.range?.[0],
          `unknown key '${key}' in ignore entry (allowed: ${RULE_KEYS.join(', ')})`
        )
      )
      continue
    }
    const value = pair.value as Node | null
    const text = isScalar(value) && typeof value.value === 'string' ? value.value.trim() : undefined
    const where = value?.range?.[0] ?? keyNode?.range?.[0]
    const scalar = isScalar(value) ? value.value : undefined
    if (scalar !== null && scalar !== undefined && typeof scalar !== 'string') {
      // YAML reads 12345 or true as a number or a boolean; the fix is quoting, not emptiness.
      const shown = scalar instanceof Date ? scalar.toISOString().slice(0, 10) : String(scalar)
      problems.push(at(where, `'${key}' must be text, got ${shown}: put it in quotes`))
    } else if (!text) {
      problems.push(at(where, `'${key}' must be non-empty text`))
    } else if (key === 'expires' && !isCalendarDay(text)) {
      problems.push(at(where, `'expires' must be a date YYYY-MM-DD, got '${text}'`))
    } else {
      fields[key as RuleKey] = text
    }
  }
  for (const required of ['id', 'reason'] as const) {
    const written = entry.items.some(pair => isScalar(pair.key) && pair.key.value === required)
    if (!written) problems.push(at(entryStart, `ignore entry is missing '${required}'`))
  }
  if (problems.length > before || !fields.id || !fields.reason) return null
  return {
    id: fields.id,
    reason: fields.reason,
    ...(fields.package ? { package: fields.package } : {}),
    ...(fields.expires ? { expires: fields.expires } : {})
  }
}
