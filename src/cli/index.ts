#!/usr/bin/env node
import { main } from './main.js'

// `ecr-scan-findings` (package.json bin) and `node dist/cli.js` start here; main() takes its
// arguments, environment and streams as parameters so tests run it in-process.
process.exitCode = await main(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr
})
