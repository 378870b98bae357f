// `npm run demo`: the bundled action end to end against a local ECR emulator, no AWS account.
import { readFile } from 'node:fs/promises'
import { startFakeEcr } from './support/fake-ecr.js'
import { cleanUp, runAction } from './support/run-action.js'

const scenario = JSON.parse(
  await readFile(new URL('./fixtures/sample-image.json', import.meta.url), 'utf8')
)
const image = scenario.images[0]
const ecr = await startFakeEcr(scenario)
console.log(`ECR emulator on ${ecr.url} holding ${image.repository}:${image.tags[0]}\n`)
try {
  const run = await runAction({
    endpoint: ecr.url,
    // Scans in the emulator settle in seconds; a real one is polled the same way.
    inputs: {
      repository: image.repository,
      'image-tag': image.tags[0],
      'fail-on': 'CRITICAL',
      'max-findings': 'HIGH=5'
    }
  })
  console.log('--- action log ---')
  console.log(run.stdout.trimEnd())
  console.log(
    `\n--- verdict: ${run.outputs.passed === 'true' ? 'passed' : 'failed'} (exit code ${run.exitCode}) ---`
  )
  console.log(
    `--- outputs ---\n${Object.entries(run.outputs)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n')}`
  )
  console.log(`\n--- job summary (GITHUB_STEP_SUMMARY) ---\n${run.summary}`)
  console.log(`ECR calls made: ${ecr.requests.length}`)
  await cleanUp(run)
} finally {
  await ecr.close()
}
