// Preloaded with `node --import` by test/dist.test.ts: when the process exits, prints the Node
// built-in modules it loaded as one line of JSON on stderr, so a test can see what a run pulled in.
process.on('exit', () => {
  const builtins = process.moduleLoadList
    .filter(entry => entry.startsWith('NativeModule '))
    .map(entry => entry.slice('NativeModule '.length))
  process.stderr.write(`loaded-modules ${JSON.stringify(builtins)}\n`)
})
