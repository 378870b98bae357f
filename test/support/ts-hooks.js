// Module hooks that let a plain `node` child process import the TypeScript sources (Node 20 has no
// type stripping): `./x.js` imports fall back to `./x.ts`, which is transpiled, one file at a time.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context)
  } catch (error) {
    if (!specifier.startsWith('.') || !specifier.endsWith('.js')) throw error
    return next(`${specifier.slice(0, -3)}.ts`, context)
  }
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context)
  const fileName = fileURLToPath(url)
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      isolatedModules: true,
      esModuleInterop: true
    }
  })
  return { format: 'module', source: outputText, shortCircuit: true }
}
