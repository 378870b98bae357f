// Run by test/proxy.test.ts in a child process, so NODE_EXTRA_CA_CERTS and the proxy variables are
// in place when node starts: makes one ECR, Inspector or GitHub call the way the action does and
// prints the outcome as one line of JSON.
//   node proxy-probe.js ecr <repository> <tag>   (endpoint from AWS_ENDPOINT_URL_ECR)
//   node proxy-probe.js inspector <repository> <digest> <finding ARN>
//     (endpoint from AWS_ENDPOINT_URL_INSPECTOR2; the enricher never throws, so a failure is
//     reported through its warnings)
//   node proxy-probe.js github <owner> <repo> <issue>   (base URL from GITHUB_API_URL)
import { register } from 'node:module'

register('./ts-hooks.js', import.meta.url)

const [kind, ...args] = process.argv.slice(2)
try {
  if (kind === 'ecr') {
    const { EcrScans } = await import('../../src/aws/ecr.ts')
    const ecr = EcrScans.create('us-east-1', { connectMs: 3000, answerMs: 5000 })
    const image = await ecr.resolveImage({ repository: args[0], imageTag: args[1] })
    console.log(JSON.stringify({ ok: true, digest: image.digest }))
  } else if (kind === 'inspector') {
    // Loaded lazily, as the action loads it for `enrich: inspector`.
    const { createInspectorEnricher } = await import('../../src/aws/inspector.ts')
    const enricher = createInspectorEnricher('us-east-1')
    const result = await enricher.enrich({
      repository: args[0],
      imageDigests: [args[1]],
      findingArns: [args[2]]
    })
    console.log(
      JSON.stringify({
        ok: result.warnings.length === 0,
        risks: Object.fromEntries(result.byArn),
        warnings: result.warnings
      })
    )
  } else if (kind === 'github') {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit('test-token')
    const { data } = await octokit.rest.issues.listComments({
      owner: args[0],
      repo: args[1],
      issue_number: Number(args[2])
    })
    console.log(JSON.stringify({ ok: true, bodies: data.map(comment => comment.body) }))
  } else {
    throw new Error(`unknown probe ${kind}`)
  }
} catch (error) {
  // The system error code (ENOTFOUND, …) sits somewhere down the cause chain (fetch wraps it).
  let cause = error
  while (cause && !/^E[A-Z_]+$/.test(String(cause.code))) cause = cause.cause
  console.log(
    JSON.stringify({
      ok: false,
      name: error?.name,
      code: cause?.code,
      message: String(error?.message)
    })
  )
}
