import MarkdownIt from 'markdown-it'

const linkifying = new MarkdownIt({ html: true, linkify: true })

/** Text as a browser shows it: tags dropped, character references decoded. */
export function decoded(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' }
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|[a-z]+);/g, (reference, name: string) =>
      name.startsWith('#')
        ? String.fromCodePoint(Number(name.slice(1)))
        : (named[name] ?? reference)
    )
}

/**
 * GFM's extended email autolink: ASCII letters, digits and `.+-_`, an `@`, then a domain of ASCII
 * letters, digits, `-` and `_` with at least one dot. Any other character (a zero-width space)
 * ends it.
 */
const GFM_EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g

/**
 * The links GitHub's autolink extension would make of rendered Markdown. Like markdown-it's
 * linkify, it finds `www.` and `scheme:` links in the source, so a character reference there
 * stops one; but it finds emails in the text after decoding character references, even inside
 * `<code>`, which markdown-it does not (and markdown-it would run an email on past a zero-width
 * space, which cmark-gfm does not): emails are looked for with GFM's own rule in the decoded text.
 */
export function autolinks(markdown: string): string[] {
  const html = linkifying.render(markdown)
  const links = html.match(/<a [^>]*>/g) ?? []
  return [...links, ...(decoded(html).match(GFM_EMAIL) ?? [])]
}
