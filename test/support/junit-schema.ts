import { readFileSync } from 'node:fs'
import { validateXML } from 'xmllint-wasm'

const SCHEMA = readFileSync(new URL('./junit.xsd', import.meta.url), 'utf8')

/** Validates against test/support/junit.xsd with libxml2 (compiled to WebAssembly). */
export async function expectValidJunit(xml: string): Promise<void> {
  const result = await validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: SCHEMA }]
  })
  expect(result.errors.map(error => error.rawMessage)).toEqual([])
  expect(result.valid).toBe(true)
  // What a schema cannot say: each count matches the cases under it.
  for (const suite of xml.matchAll(/<testsuite [^>]*>[\s\S]*?<\/testsuite>/g)) {
    const text = suite[0]
    const attribute = (name: string) => Number(new RegExp(` ${name}="(\\d+)"`).exec(text)?.[1])
    expect(attribute('tests')).toBe(text.match(/<testcase /g)?.length ?? 0)
    expect(attribute('failures')).toBe(text.match(/<failure /g)?.length ?? 0)
    expect(attribute('errors')).toBe(text.match(/<error /g)?.length ?? 0)
    expect(attribute('skipped')).toBe(text.match(/<skipped /g)?.length ?? 0)
  }
}
