import { explainAwsError } from '../src/aws/errors.js'
import { errorMessage } from '../src/model/text.js'

const context = { repository: 'team/web', region: 'eu-west-1', image: 'v1' }

/** As the SDK throws them: every service answer carries $metadata. */
function awsError(name: string, message = 'from AWS'): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } })
}

describe('explainAwsError', () => {
  it.each([
    ['CredentialsProviderError', 'configure-aws-credentials'],
    ['UnrecognizedClientException', 'AWS rejected the credentials'],
    ['ExpiredTokenException', 'expired'],
    ['AccessDeniedException', 'ecr:DescribeImageScanFindings'],
    [
      'RepositoryNotFoundException',
      "Repository 'team/web' was not found in your registry in eu-west-1"
    ],
    ['ImageNotFoundException', "Image v1 was not found in repository 'team/web'"],
    ['ThrottlingException', 'kept throttling']
  ])('explains %s with what to do', (name, expected) => {
    const message = explainAwsError(awsError(name), context)
    expect(message).toContain(expected)
    expect(message).not.toContain('\n')
  })

  it('names the registry for cross-account repositories', () => {
    expect(
      explainAwsError(awsError('RepositoryNotFoundException'), {
        ...context,
        registryId: '111122223333'
      })
    ).toContain('registry 111122223333 in eu-west-1')
  })

  it('explains network failures by their code', () => {
    const error = Object.assign(new Error('getaddrinfo ENOTFOUND api.ecr.nowhere'), {
      code: 'ENOTFOUND'
    })
    expect(explainAwsError(error, context)).toContain('Could not reach ECR in eu-west-1')
  })

  it('keeps the name and message of any other AWS answer, on one line', () => {
    expect(explainAwsError(awsError('ServerException', 'bad\nday'), context)).toBe(
      'ECR request failed (ServerException: bad day).'
    )
    expect(errorMessage('plain string')).toBe('plain string')
  })

  it('explains an endpoint setting that is not a URL', () => {
    const error = Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' })
    expect(explainAwsError(error, context)).toContain(
      'An endpoint setting is not a valid URL (Invalid URL). Check AWS_ENDPOINT_URL_ECR'
    )
  })

  it('does not blame ECR for an error of its own', () => {
    expect(explainAwsError(new TypeError("undefined has no property 'x'"), context)).toBe(
      "Unexpected error (TypeError: undefined has no property 'x'). Please report this with the run log."
    )
  })

  it('explains a request the step deadline aborted as the timeout, not as an unexpected error', () => {
    const aborted = Object.assign(new Error('Request aborted'), { name: 'AbortError' })
    expect(explainAwsError(aborted, context)).toBe(
      "The step's timeout ran out while waiting for ECR in eu-west-1 to answer (Request aborted). Raise 'timeout', or check that ECR is reachable from the runner."
    )
  })
})

describe('explainAwsError with an image index the action cannot follow', () => {
  it("gives the manifest's own one-line reason, not an unexpected error", async () => {
    const { ManifestError, platformImages } = await import('../src/model/manifest.js')
    let thrown: unknown
    try {
      platformImages('{"schemaVersion": 2, "manifests": []}')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ManifestError)
    const line = explainAwsError(thrown, context)
    expect(line).toMatch(/^Unusable image index: it lists no manifests/)
    expect(line).not.toContain('Unexpected error')
  })
})
