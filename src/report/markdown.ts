/**
 * Escaping for untrusted text (finding ids, descriptions, package names, links, ignore reasons)
 * placed into GitHub-flavoured Markdown. Everything is written as HTML character references, which
 * GitHub decodes the same way in Markdown text, table cells and HTML attribute values, so one
 * escaper serves every place a report puts such text.
 */

import { clipChars } from '../model/text.js'

/** Bidi overrides, zero-width and other invisible format characters, and lone surrogates. */
const INVISIBLE = /[\p{Cf}\p{Cs}]/gu
/** Control characters and line/paragraph separators: any of them could end a table row. */
const LINE_BREAKING = /[\p{Cc}\p{Zl}\p{Zp}]+/gu

/** Markdown-active characters as character references, which GitHub shows as the characters. */
const CHARACTER_REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '(': '&#40;',
  ')': '&#41;',
  '#': '&#35;',
  '!': '&#33;',
  '|': '&#124;',
  '~': '&#126;',
  // GitHub renders `$…$` as math.
  $: '&#36;',
  // Stops bare-URL autolinks (`https://…`, `mailto:…`); `www.` is handled by the dot below.
  ':': '&#58;',
  '.': '&#46;',
  '@': '&#64;'
}

// GitHub links @-mentions and #-references after rendering, in the decoded text, so character
// references alone do not stop them in text: a zero-width space after the sign does.
const ZERO_WIDTH_SPACE = '&#8203;'
const TEXT_REPLACEMENTS: Record<string, string> = {
  ...CHARACTER_REFERENCES,
  '#': `&#35;${ZERO_WIDTH_SPACE}`,
  '@': `&#64;${ZERO_WIDTH_SPACE}`,
  '-': `-${ZERO_WIDTH_SPACE}`
}

/**
 * Characters to replace; a dot only after `www`, where GitHub would autolink, and the dash of
 * `GH-123`, which GitHub turns into an issue reference.
 */
const SPECIAL = /[&<>"'\\`*_[\]()#!|~$:@]|(?<=www)\.|(?<=\bgh)-(?=\d)/gi

/**
 * Untrusted text as one line of inert Markdown: no HTML, links, emphasis, mentions, references,
 * or line breaks survive, and the result is safe inside a table cell or a double-quoted attribute.
 * `maxChars` caps the visible length (before escaping).
 */
export function escapeText(text: string, maxChars = Number.POSITIVE_INFINITY): string {
  return escapeWith(char => TEXT_REPLACEMENTS[char] ?? char, text, maxChars)
}

/** Characters that start a list or a thematic break at the start of a line. */
const BLOCK_START = /^[-+0-9]/

/**
 * Untrusted text as a paragraph of its own, escaped like `escapeText` with its whitespace
 * collapsed, whose first character starts no list or thematic break (`1. x`, `- x`, `---`): a
 * character reference never does.
 */
export function escapeParagraph(text: string): string {
  return escapeText(text.replace(/\s+/g, ' ')).replace(
    BLOCK_START,
    char => `&#${char.charCodeAt(0)};`
  )
}

/** What a character `SPECIAL` matched becomes, given where it is in the (capped) line. */
type Replace = (char: string, offset: number, line: string) => string

function escapeWith(replace: Replace, text: string, maxChars: number): string {
  const oneLine = text.replace(INVISIBLE, '').replace(LINE_BREAKING, ' ').trim()
  const line = clipChars(oneLine, maxChars)
  return line.replace(SPECIAL, (char: string, offset: number) => replace(char, offset, line))
}

/** The link as an http(s) URL, or undefined for anything else (javascript:, data:, garbage). */
export function safeHttpUrl(link: string | undefined): string | undefined {
  if (!link) return undefined
  let url: URL
  try {
    url = new URL(link.trim())
  } catch {
    return undefined
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
}

/** A URL as a double-quoted attribute value; a raw pipe would split a table cell even there. */
function attributeUrl(url: string): string {
  return url
    .replace(/&/g, '&amp;')
    .replace(/"/g, '%22')
    .replace(/'/g, '%27')
    .replace(/</g, '%3C')
    .replace(/>/g, '%3E')
    .replace(/\|/g, '%7C')
}

/** Longer advisory links are dropped (the label stays): no real one comes near, and each row is charged for it. */
const MAX_LINK_CHARS = 2_000
const UNNAMED = '(unnamed)'

/** The label linked to the URL when it is http(s); otherwise the label alone, escaped. */
export function renderLink(label: string, link: string | undefined, maxChars?: number): string {
  const text = escapeText(label, maxChars) || UNNAMED
  const url = safeHttpUrl(link)
  const href = url === undefined ? undefined : attributeUrl(url)
  return href && href.length <= MAX_LINK_CHARS ? `<a href="${href}">${text}</a>` : text
}

/**
 * A title is cut at this many characters before escaping, which can make each a dozen: the
 * longest image reference a registry takes (256 + `:` + 128 + `@` + 71) fits, and no title can
 * take the room of the sections around it.
 */
const MAX_TITLE_CHARS = 500

/**
 * GitHub's autolink extension finds emails in the decoded text, inside `<code>` too, so a
 * character reference for the `@` does not stop one; a zero-width space after it does. Only an
 * `@` a dotted domain could follow gets one, so a name such as `api@sha256:…` pastes as it reads.
 */
const EMAIL_AT = /@(?=\S*\.)/y

const replaceInCode: Replace = (char, offset, line) => {
  EMAIL_AT.lastIndex = offset
  if (char === '@' && EMAIL_AT.test(line)) return `${CHARACTER_REFERENCES['@']}${ZERO_WIDTH_SPACE}`
  return CHARACTER_REFERENCES[char] ?? char
}

/**
 * Text in an inline `<code>` element: a name the inputs validated (repository, tag, digest, a
 * command) or a version a scan reported. It gets none of the zero-width spaces plain text gets
 * after `#` and `-` (GitHub links no mentions or references inside code, and a command must paste
 * as it reads), only the one after an email's `@`, since GitHub autolinks emails even in code. The
 * title, which may hold outside text (a fixed-in version), is capped at `MAX_TITLE_CHARS`.
 */
export function renderCode(text: string, title?: string): string {
  const titleAttribute = title === undefined ? '' : ` title="${escapeText(title, MAX_TITLE_CHARS)}"`
  return `<code${titleAttribute}>${escapeWith(replaceInCode, text, Number.POSITIVE_INFINITY)}</code>`
}

/** U+2011, a hyphen browsers do not break a line at. */
const NON_BREAKING_HYPHEN = '\u2011'

/**
 * A vulnerability id (`CVE-2024-12345`, `GHSA-xxxx-…`) linked like `renderLink`, with its hyphens
 * non-breaking so a narrow table column never wraps it; the link keeps the id as the scan wrote it.
 */
export function renderId(id: string, link: string | undefined, maxChars?: number): string {
  return renderLink(id.replace(/-/g, NON_BREAKING_HYPHEN), link, maxChars)
}
