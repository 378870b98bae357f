// `npm run demo -- [flags]`: the CLI bundle (dist/cli.js) end to end against a local ECR
// emulator holding the sample image; no AWS account. Flags go to the CLI as given; without
// --repository or --images it checks the sample image. Try:
//   npm run demo
//   npm run demo -- --fail-on CRITICAL --max-findings HIGH=5
//   npm run demo -- --format markdown
//   npm run demo -- --format junit --output report.xml
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFakeEcr } from './support/fake-ecr.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'dist', 'cli.js')
if (!existsSync(CLI)) {
  console.error(`${CLI} is missing: run npm run build first.`)
  process.exit(2)
}

const scenario = JSON.parse(await readFile(join(ROOT, 'test/fixtures/sample-image.json'), 'utf8'))
const image = scenario.images[0]
const args = process.argv.slice(2)
const named = args.some(arg => /^--(repository|images)(=|$)/.test(arg))
const metaOnly = args.some(arg => ['--help', '-h', '--version'].includes(arg))
const flags =
  named || metaOnly
    ? args
    : ['--repository', image.repository, '--image-tag', image.tags[0], ...args]

const ecr = await startFakeEcr(scenario)
console.error(`ECR emulator on ${ecr.url} holding ${image.repository}:${image.tags[0]}`)
console.error(`$ ecr-scan-findings ${flags.join(' ')}\n`)
try {
  const child = spawn(process.execPath, [CLI, ...flags], {
    stdio: 'inherit',
    env: {
      ...process.env,
      AWS_ENDPOINT_URL_ECR: ecr.url,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret',
      AWS_SESSION_TOKEN: '',
      AWS_PROFILE: '',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true'
    }
  })
  const code = await new Promise(resolve => child.on('close', status => resolve(status ?? 2)))
  console.error(`\n(exit code ${code}; ECR calls made: ${ecr.requests.length})`)
  process.exitCode = code
} finally {
  await ecr.close()
}
