import { escapeText, renderCode, renderLink, safeHttpUrl } from '../src/report/markdown.js'
import { autolinks, decoded } from './support/autolinks.js'

const ZERO_WIDTH_SPACE = '\u200B'

describe('escapeText', () => {
  it('shows ordinary text unchanged once decoded', () => {
    const text = 'openssl 3.0.1-r0: buffer overflow in X.509 (CVE-2022-3602), fixed in 3.0.7'
    expect(decoded(escapeText(text))).toBe(text)
  })

  it('leaves no raw HTML, so tags such as <img> or </details> cannot take effect', () => {
    for (const hostile of [
      '<img src=x onerror=alert(1)>',
      '</details><details open>',
      '</table>',
      '</code>',
      '<script>alert(1)</script>'
    ]) {
      const escaped = escapeText(hostile)
      expect(escaped).not.toMatch(/[<>]/)
      expect(decoded(escaped)).toBe(hostile)
    }
  })

  it('cannot close an HTML comment such as the PR comment marker', () => {
    const escaped = escapeText('--> <!-- x -->')
    expect(escaped).not.toContain('-->')
    expect(escaped).not.toContain('<!--')
  })

  it('escapes every Markdown metacharacter and quote', () => {
    const escaped = escapeText('\\ ` * _ [ ] ( ) # ! | ~ < > & " \'')
    const outsideReferences = escaped.replace(/&#?\w+;/g, '')
    expect(outsideReferences).not.toMatch(/[\\`*_[\]()#!|~<>&"']/)
    expect(decoded(escaped)).toBe('\\ ` * _ [ ] ( ) #\u200B ! | ~ < > & " \'')
  })

  it('cannot start a link, image or autolink', () => {
    const escaped = escapeText(
      '[x](javascript:alert(1)) ![i](https://x.test/i.png) <https://x.test>'
    )
    expect(escaped).not.toContain('](')
    expect(escaped).not.toMatch(/[[\]()<>]/)
  })

  it('breaks bare URLs and www. addresses that GitHub would autolink', () => {
    const escaped = escapeText('see https://evil.test/x, mailto:a@b.test and www.evil.test')
    expect(escaped).not.toMatch(/https?:/)
    expect(escaped).not.toContain('mailto:')
    expect(escaped).not.toMatch(/www\./i)
    expect(escapeText('WWW.evil.test')).not.toMatch(/www\./i)
  })

  it('never @-mentions a user or team, nor references an issue', () => {
    const escaped = escapeText('ping @octocat and @org/team, see owner/repo#12 and #34')
    expect(escaped).not.toContain('@')
    const shown = decoded(escaped)
    expect(shown).not.toMatch(/@[\w-]/)
    expect(shown).not.toMatch(/#\d/)
    expect(shown).toContain(`@${ZERO_WIDTH_SPACE}octocat`)
  })

  it('keeps a table row on one line and its cells intact', () => {
    const escaped = escapeText('a | b\r\nc\rd\ne\u2028f\u2029g\u0000h\tx')
    expect(escaped).not.toMatch(/[|\p{Cc}\u2028\u2029]/u)
    expect(decoded(escaped)).toBe('a | b c d e f g h x')
  })

  it('strips bidi overrides and zero-width characters but keeps other non-ASCII text', () => {
    const escaped = escapeText('safe\u202Eexe.txt\u202C zero\u200Bwidth\u200D\uFEFF émoji 🐳 שלום')
    expect(escaped).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\uFEFF]/)
    expect(decoded(escaped)).toBe('safeexe.txt zerowidth émoji 🐳 שלום')
  })

  it('caps long text at the given length with an ellipsis', () => {
    const escaped = escapeText('a'.repeat(5000), 300)
    const shown = decoded(escaped)
    expect(Array.from(shown)).toHaveLength(300)
    expect(shown.endsWith('…')).toBe(true)
  })

  it('caps by characters without splitting an emoji in half', () => {
    const shown = decoded(escapeText('🐳'.repeat(5000), 10))
    expect(shown).toBe(`${'🐳'.repeat(9)}…`)
  })

  it('leaves text at or under the cap whole', () => {
    expect(decoded(escapeText('abc', 3))).toBe('abc')
  })
})

describe('safeHttpUrl', () => {
  it('accepts http and https URLs', () => {
    expect(safeHttpUrl('https://nvd.nist.gov/vuln/detail/CVE-2024-1')).toBe(
      'https://nvd.nist.gov/vuln/detail/CVE-2024-1'
    )
    expect(safeHttpUrl(' http://security-tracker.debian.org/x ')).toBe(
      'http://security-tracker.debian.org/x'
    )
  })

  it('rejects every other scheme, however it is spelled', () => {
    for (const link of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd'
    ]) {
      expect(safeHttpUrl(link)).toBeUndefined()
    }
  })

  it('rejects relative links, garbage and nothing', () => {
    expect(safeHttpUrl('/vuln/CVE-1')).toBeUndefined()
    expect(safeHttpUrl('not a url')).toBeUndefined()
    expect(safeHttpUrl('')).toBeUndefined()
    expect(safeHttpUrl(undefined)).toBeUndefined()
  })
})

describe('renderLink', () => {
  it('links the escaped label to an http(s) URL', () => {
    expect(renderLink('CVE-2024-1', 'https://nvd.nist.gov/vuln/detail/CVE-2024-1')).toBe(
      '<a href="https://nvd.nist.gov/vuln/detail/CVE-2024-1">CVE-2024-1</a>'
    )
  })

  it('renders the label alone when the link is not http(s)', () => {
    const rendered = renderLink('[x](javascript:alert(1))', 'javascript:alert(1)')
    expect(rendered).not.toContain('<a')
    expect(rendered).not.toContain('](')
    expect(decoded(rendered)).toBe('[x](javascript:alert(1))')
  })

  it('keeps quotes and pipes in the URL from ending the attribute or the table cell', () => {
    const rendered = renderLink('x', 'https://x.test/a"b\'c|d?e=1&f=<g>')
    expect(rendered.match(/"/g)).toHaveLength(2)
    expect(rendered).not.toMatch(/[|']/)
    expect(rendered).toContain('&amp;f=')
    expect(rendered).toMatch(/^<a href="https:\/\/x\.test\/[^"<>]*">x<\/a>$/)
  })

  it('caps a long label', () => {
    expect(decoded(renderLink('x'.repeat(500), undefined, 20))).toBe(`${'x'.repeat(19)}…`)
  })
})

describe('renderCode', () => {
  it('wraps escaped text in a code element it cannot close', () => {
    const rendered = renderCode('a`b</code><b>c')
    expect(rendered.match(/<\/code>/g)).toHaveLength(1)
    expect(rendered.startsWith('<code>')).toBe(true)
    expect(decoded(rendered.slice('<code>'.length, -'</code>'.length))).toBe('a`b</code><b>c')
  })

  it('puts an escaped title on the element', () => {
    const rendered = renderCode('sha256:abc', 'sha256:abcdef" onmouseover="x')
    expect(rendered.match(/"/g)).toHaveLength(2)
    expect(rendered).toMatch(/^<code title="[^"]*">sha256&#58;abc<\/code>$/)
  })

  const titleOf = (rendered: string) => decoded(/ title="([^"]*)"/.exec(rendered)?.[1] ?? '')

  it('caps a long title before escaping, so its escapes cannot make it huge', () => {
    // Each @ escapes to about twelve characters: uncapped, this title alone was 66,000.
    const rendered = renderCode('1.0', '@'.repeat(5500))
    expect(rendered.length).toBeLessThan(10_000)
    const title = titleOf(rendered).replace(/\u200B/g, '')
    expect(title).toMatch(/^@+…$/)
    expect(title.length).toBeLessThanOrEqual(500)
  })

  it('caps a title by whole characters, never splitting an emoji or an escape', () => {
    const emoji = titleOf(renderCode('x', '🐳'.repeat(5000)))
    expect(emoji.endsWith('🐳…')).toBe(true)
    expect(emoji).not.toMatch(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
    )
    const escaped = / title="([^"]*)"/.exec(renderCode('x', '&<@#'.repeat(5000)))?.[1] ?? ''
    expect(escaped.replace(/&#?\w+;/g, '')).not.toMatch(/[&<@#]/)
    expect(escaped.endsWith('…')).toBe(true)
  })

  it('leaves a title of any image reference whole', () => {
    const reference = `${'r'.repeat(256)}:${'t'.repeat(128)}@sha256:${'f'.repeat(64)}`
    expect(titleOf(renderCode('x', reference))).toBe(reference.replace('@', '@\u200B'))
  })

  it('lets no email, www. or URL autolink form, in the code or its title', () => {
    for (const hostile of [
      '1.2.3@evil.com',
      'a+b@c.de',
      'fooo@bar.baz.com',
      'mailto:a@b.co',
      'xmpp:a@b.co',
      'www.evil.example',
      'WWW.evil.com',
      'https://evil.example',
      'http://e.co',
      'see https://evil.com/x and www.evil.com'
    ]) {
      const rendered = renderCode(hostile, hostile)
      expect(autolinks(rendered)).toEqual([])
      expect(rendered).not.toMatch(/www\.|:\/\/|mailto:|xmpp:/i)
      expect(decoded(rendered.replace(/^<code[^>]*>|<\/code>$/g, '')).replace(/\u200B/g, '')).toBe(
        hostile
      )
    }
  })

  it('keeps code an email cannot form in free of zero-width spaces, so it pastes as it reads', () => {
    const rendered = renderCode('a/b@sha256:ffffffffffff')
    expect(rendered).toMatch(/^<code>.*<\/code>$/)
    expect(decoded(rendered)).toBe('a/b@sha256:ffffffffffff')
  })
})

describe('escapeText and GitHub references', () => {
  it('breaks GH-123 issue references but leaves other dashes alone', () => {
    const escaped = escapeText('see GH-123 and gh-7, not CVE-2024-1 or libgh-9x')
    expect(escaped).not.toMatch(/\bGH-\d/i)
    expect(escaped).toContain('CVE-2024-1')
  })
})
