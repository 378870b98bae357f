import { run } from './action/main.js'

// The runner starts this file; everything else is in main.ts so tests can call run() directly.
await run()
