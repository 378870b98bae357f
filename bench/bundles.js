// The bundles bench/run.js measures: the current sources built with ncc into temporary directories
// (the committed dist/ may lag src/; it is never rebuilt here). A build is reused while it is newer
// than every file under src/ and package-lock.json, so repeated bench runs skip the ~40 s builds.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const NCC = join(ROOT, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js')

function newestMtime(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return Math.max(info.mtimeMs, ...readdirSync(path).map(name => newestMtime(join(path, name))))
}

/** Sum of the .js files ncc wrote (the entry and its lazily loaded chunks). */
export function bundleBytes(dir) {
  return readdirSync(dir)
    .filter(name => name.endsWith('.js'))
    .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0)
}

function build(entry, out, sourcesMtime) {
  const file = join(out, 'index.js')
  if (existsSync(file) && statSync(file).mtimeMs > sourcesMtime) return { file, built: false }
  // ncc leaves an earlier build's chunks in place, and the bundle size counts every chunk.
  rmSync(out, { recursive: true, force: true })
  execFileSync(process.execPath, [NCC, 'build', entry, '--out', out, '-q'], {
    cwd: ROOT,
    stdio: 'ignore'
  })
  return { file, built: true }
}

/** `{ action, cli }` entry files of the current sources, and a label naming what was built. */
export function currentBundles() {
  const sourcesMtime = Math.max(
    newestMtime(join(ROOT, 'src')),
    newestMtime(join(ROOT, 'package-lock.json'))
  )
  const actionDir = process.env.BENCH_ACTION_DIR ?? join(tmpdir(), 'bench-dist-action')
  const cliDir = process.env.BENCH_CLI_DIR ?? join(tmpdir(), 'bench-dist-cli')
  const action = build('src/index.ts', actionDir, sourcesMtime)
  const cli = build('src/cli/index.ts', cliDir, sourcesMtime)
  const git = args => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
  const dirty = git(['status', '--porcelain', '--', 'src']) ? ' + uncommitted src changes' : ''
  return {
    action: action.file,
    cli: cli.file,
    actionDir,
    cliDir,
    label: `src@${git(['rev-parse', '--short', 'HEAD'])}${dirty} built by ncc (${actionDir}, ${cliDir})`
  }
}
