// Part of `npm run build`: ncc names every bundle index.js, so the CLI's lives in dist/cli/ with
// its chunks; this writes the entry the docs and package.json `bin` name, dist/cli.js.
import { chmod, writeFile } from 'node:fs/promises'

const entry = new URL('../dist/cli.js', import.meta.url)
await writeFile(
  entry,
  "#!/usr/bin/env node\n// The ecr-scan-findings CLI; its bundle is dist/cli/index.js.\nimport './cli/index.js'\n"
)
await chmod(entry, 0o755)
