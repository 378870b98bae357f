// Run by test/inspector.test.ts in a child `node` whose old-generation heap is capped: enriches the
// findings named in the JSON file argv[3] against AWS_ENDPOINT_URL_INSPECTOR2 and prints what came
// back as one line of JSON. Under a cap, "within N MiB" is a fact rather than a sample: V8 collects
// garbage before it gives up, so only memory the enrichment really holds can exceed it.
//   node enrich-probe.js baseline          (the heap once the modules are loaded, in bytes)
//   node enrich-probe.js enrich <file>     ({ repository, digest, arns })
import { readFile } from 'node:fs/promises'
import { register } from 'node:module'

register('./ts-hooks.js', import.meta.url)
const { createInspectorEnricher } = await import('../../src/aws/inspector.ts')
const enricher = createInspectorEnricher('us-east-1')

const [mode, file] = process.argv.slice(2)
if (mode === 'baseline') {
  console.log(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed }))
} else {
  const { repository, digest, arns } = JSON.parse(await readFile(file, 'utf8'))
  const result = await enricher.enrich({ repository, imageDigests: [digest], findingArns: arns })
  const risks = [...result.byArn.values()]
  console.log(
    JSON.stringify({
      calls: result.calls,
      warnings: result.warnings,
      enriched: result.byArn.size,
      onKev: risks.filter(risk => risk.kev).length
    })
  )
}
