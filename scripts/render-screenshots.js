// `npm run screenshots`: renders docs/pr-comment.png and docs/job-summary.png from the demo's
// output. The action, bundled fresh from src/ with ncc into a temporary directory (so the pictures
// show the sources, even when dist/ is behind), runs as the runner would, on a pull_request event,
// against the local ECR emulator holding the demo's sample image and a fake GitHub; the comment
// it posts and the job summary it writes are rendered to HTML with markdown-it and a GitHub-like
// stylesheet, then photographed by headless Chromium (Debian: apt-get install -y chromium).
// Not part of npm test or CI: it needs a browser. CHROMIUM=/path/to/browser overrides the binary.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import MarkdownIt from 'markdown-it'
import { startFakeEcr } from '../test/support/fake-ecr.js'
import { startFakeGitHub } from '../test/support/fake-github.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CHROMIUM = process.env.CHROMIUM || 'chromium'
const WIDTH = 1000

const STYLE = `
  body { margin: 0; background: #ffffff; color: #1f2328;
    font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "DejaVu Sans", sans-serif; }
  .frame { margin: 16px; border: 1px solid #d1d9e0; border-radius: 6px; }
  .header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 16px;
    border-radius: 6px 6px 0 0; color: #59636e; }
  .header b { color: #1f2328; }
  .body { padding: 16px; }
  h1, h2, h3, h4 { margin: 20px 0 12px; font-weight: 600; line-height: 1.25; }
  h1 { font-size: 2em; } h2 { font-size: 1.5em; border-bottom: 1px solid #d1d9e0b3; padding-bottom: .3em; }
  h3 { font-size: 1.25em; } h4 { font-size: 1em; }
  .body > :first-child { margin-top: 0; }
  p, ul, ol, table, details, blockquote { margin: 0 0 12px; }
  ul, ol { padding-left: 2em; }
  a { color: #0969da; text-decoration: none; }
  code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace;
    background: #818b981f; border-radius: 6px; padding: .2em .4em; }
  pre { background: #f6f8fa; border-radius: 6px; padding: 12px; overflow: auto; }
  pre code { background: none; padding: 0; }
  table { border-collapse: collapse; display: block; width: max-content; max-width: 100%; overflow: auto; }
  th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
  th { font-weight: 600; background: #f6f8fa; }
  tr:nth-child(2n) td { background: #f6f8fa; }
  blockquote { color: #59636e; border-left: .25em solid #d1d9e0; padding: 0 1em; margin-left: 0; }
  details summary { cursor: pointer; }
  hr { border: 0; height: 1px; background: #d1d9e0; }
  sub, sup { font-size: 75%; }
`

/** A page GitHub-like enough to read: the Markdown as GitHub renders it, in a titled frame. */
function page(title, markdown) {
  // GitHub keeps a safe subset of HTML (details, summary, sub, br): allow it here.
  const md = new MarkdownIt({ html: true, linkify: false })
  const body = md.render(markdown)
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head>
<body><div class="frame"><div class="header">${title}</div><div class="body">${body}</div></div></body></html>`
}

/** Photographs the page, then crops nothing: the window height is chosen from the content. */
async function screenshot(html, out, height) {
  const dir = await mkdtemp(join(tmpdir(), 'ecr-scan-shot-'))
  try {
    const file = join(dir, 'page.html')
    await writeFile(file, html)
    execFileSync(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--screenshot=${out}`,
        `--window-size=${WIDTH},${height}`,
        pathToFileURL(file).href
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] }
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  console.log(`wrote ${out}`)
}

/** Bundles src/index.ts into `dir` and runs it like the runner: inputs as INPUT_* variables. */
async function runFreshBundle(dir, { endpoint, inputs, env }) {
  const ncc = join(ROOT, 'node_modules', '.bin', 'ncc')
  execFileSync(
    ncc,
    ['build', join(ROOT, 'src/index.ts'), '--out', join(dir, 'bundle'), '--quiet'],
    {
      cwd: ROOT,
      stdio: 'inherit'
    }
  )
  const summaryFile = join(dir, 'summary.md')
  await writeFile(summaryFile, '')
  await writeFile(join(dir, 'output'), '')
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])
  )
  const child = spawn(process.execPath, [join(dir, 'bundle', 'index.js')], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      AWS_ENDPOINT_URL_ECR: endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      GITHUB_OUTPUT: join(dir, 'output'),
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: dir,
      ...inputEnv,
      ...env
    }
  })
  let log = ''
  child.stdout.on('data', chunk => (log += chunk))
  child.stderr.on('data', chunk => (log += chunk))
  await new Promise(resolve => child.on('close', resolve))
  return { log, summary: await readFile(summaryFile, 'utf8') }
}

const scenario = JSON.parse(await readFile(join(ROOT, 'test/fixtures/sample-image.json'), 'utf8'))
const image = scenario.images[0]
const ecr = await startFakeEcr(scenario)
const github = await startFakeGitHub({ login: 'github-actions[bot]' })
const eventDir = await mkdtemp(join(tmpdir(), 'ecr-scan-event-'))
try {
  const eventPath = join(eventDir, 'event.json')
  await writeFile(eventPath, JSON.stringify({ pull_request: { number: 42 } }))
  const run = await runFreshBundle(eventDir, {
    endpoint: ecr.url,
    inputs: {
      repository: image.repository,
      'image-tag': image.tags[0],
      'github-token': 'demo-token',
      'settle-interval': '0',
      timeout: '1m',
      'fail-on': 'HIGH',
      comment: 'always',
      'comment-max-rows': '5',
      'ignore-file': '.github/ecr-scan-ignore.yml',
      'scan-failure': 'fail',
      'max-concurrency': '5',
      dockerfile: 'Dockerfile',
      'only-new': 'false',
      'only-fixable': 'false',
      'start-scan': 'false',
      'fail-on-exploit': 'false'
    },
    env: {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_SHA: 'e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7'
    }
  })
  const [comment] = github.comments
  if (!comment) throw new Error(`The action wrote no PR comment:\n${run.log}`)
  await screenshot(
    page('<b>github-actions</b> <span>bot</span> commented', comment.body),
    join(ROOT, 'docs', 'pr-comment.png'),
    Number(process.env.COMMENT_HEIGHT || 680)
  )
  await screenshot(
    page('<b>Job summary</b> · image', run.summary),
    join(ROOT, 'docs', 'job-summary.png'),
    Number(process.env.SUMMARY_HEIGHT || 1500)
  )
} finally {
  await rm(eventDir, { recursive: true, force: true })
  await github.close()
  await ecr.close()
}
