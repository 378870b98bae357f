import { afterEach, beforeEach } from '@jest/globals'

/** Credentials the fakes accept, and no instance metadata lookup (it would wait for a timeout). */
export const FAKE_AWS_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'example-secret',
  AWS_EC2_METADATA_DISABLED: 'true'
}

/** Sets FAKE_AWS_ENV before each test of the enclosing block and restores the environment after. */
export function useFakeAwsEnv(): void {
  let saved: NodeJS.ProcessEnv
  beforeEach(() => {
    saved = { ...process.env }
    Object.assign(process.env, FAKE_AWS_ENV)
  })
  afterEach(() => {
    process.env = saved
  })
}
