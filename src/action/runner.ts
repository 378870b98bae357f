import { EOL } from 'node:os'

/*
 * The two pieces of the runner's protocol a step needs before it knows it will run: reading an
 * input and failing the step. They are written here rather than taken from @actions/core because
 * importing @actions/core loads its OIDC HTTP client (undici): on Node 24 that alone takes about
 * twice as long as starting Node, and a step with a wrong input should say so at once.
 * Both behave exactly as @actions/core's getInput (untrimmed) and setFailed; a test holds them to it.
 */

/**
 * Reads inputs as the runner passes them, `INPUT_<NAME>`, untrimmed so line numbers in inline
 * ignore rules match what the workflow shows.
 */
export function actionInput(env: NodeJS.ProcessEnv): (name: string) => string {
  return name => env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || ''
}

/** An `::error::` annotation and exit code 1; the message is escaped so it cannot end the command. */
export function failStep(message: string): void {
  process.exitCode = 1
  const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
  process.stdout.write(`::error::${data}${EOL}`)
}
