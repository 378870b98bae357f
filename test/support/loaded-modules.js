// Preloaded with `node --import` by test/dist.test.ts: when the process exits, prints the Node
// built-in modules it loaded as one line of JSON on stderr, so a test can see what a run pulled in.
// Where module.registerHooks exists (Node >= 22.15), it also prints the path of every file the
// module loader loaded after this one (the bundle and each chunk it imported) on a second line.
import module from 'node:module'
import { fileURLToPath } from 'node:url'

const files = typeof module.registerHooks === 'function' ? [] : undefined
module.registerHooks?.({
  load(url, context, nextLoad) {
    if (url.startsWith('file:')) files.push(fileURLToPath(url))
    return nextLoad(url, context)
  }
})

process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter(entry => entry.startsWith('NativeModule '))
    .map(entry => entry.slice('NativeModule '.length))
  process.stderr.write(`loaded-modules ${JSON.stringify(builtins)}\n`)
  if (files) process.stderr.write(`loaded-files ${JSON.stringify(files)}\n`)
})
