import { errorMessage } from '../model/text.js'
/** What the failing call was about, so the message can name it. */
export interface ErrorContext {
  repository: string
  region: string
  registryId?: string
  image?: string
}

function errorName(error: unknown): string {
  if (error && typeof error === 'object') {
    const { name, code } = error as { name?: unknown; code?: unknown }
    // Node's system and validation codes: ECONNREFUSED, ERR_INVALID_URL.
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code
    if (typeof name === 'string') return name
  }
  return ''
}

function registry(context: ErrorContext): string {
  return context.registryId
    ? `registry ${context.registryId} in ${context.region}`
    : `your registry in ${context.region}`
}

/**
 * Turns an AWS error into one line: what happened and what to do. Matched by name so this
 * module needs no SDK import; unknown errors keep their own name and message.
 */
export function explainAwsError(error: unknown, context: ErrorContext): string {
  const name = errorName(error)
  const detail = errorMessage(error)
  switch (name) {
    case 'CredentialsProviderError':
      return `No AWS credentials found (${detail}). Add aws-actions/configure-aws-credentials before this step, with 'permissions: id-token: write' for OIDC.`
    case 'UnrecognizedClientException':
    case 'InvalidSignatureException':
    case 'InvalidClientTokenId':
      return `AWS rejected the credentials (${name}: ${detail}). Check the role or keys configure-aws-credentials used, and that the region ${context.region} is enabled for the account.`
    case 'ExpiredTokenException':
    case 'ExpiredToken':
      return `The AWS credentials have expired (${detail}). Configure credentials closer to this step or raise role-duration-seconds.`
    case 'AccessDeniedException':
      return `AWS denied access (${detail}). Grant ecr:DescribeImages, ecr:DescribeImageScanFindings and ecr:BatchGetImage (and ecr:StartImageScan with start-scan) on the repository; see the IAM policy in the README.`
    case 'RepositoryNotFoundException':
      return `Repository '${context.repository}' was not found in ${registry(context)}. Check the 'repository' input (the name, not the URI), the region, and 'registry-id' for a registry in another account.`
    case 'ImageNotFoundException':
      return `Image ${context.image ?? ''} was not found in repository '${context.repository}' (${context.region}): ${detail} Check the tag or digest, and that the push step ran before this one.`
    case 'ThrottlingException':
      return `ECR kept throttling requests after several retries (${detail}). Retry the job later, or run fewer scans at once.`
    case 'ENOTFOUND':
    case 'ECONNREFUSED':
    case 'ECONNRESET':
    case 'ETIMEDOUT':
    case 'TimeoutError':
      return `Could not reach ECR in ${context.region} (${name}: ${detail}). Check the region, any AWS_ENDPOINT_URL_ECR setting and the runner's network or proxy.`
    case 'AbortError':
      return `The step's timeout ran out while waiting for ECR in ${context.region} to answer (${detail}). Raise 'timeout', or check that ECR is reachable from the runner.`
    case 'ERR_INVALID_URL':
      return `An endpoint setting is not a valid URL (${detail}). Check AWS_ENDPOINT_URL_ECR and AWS_ENDPOINT_URL, or remove them to use ECR's public endpoint.`
    case 'ManifestError':
    case 'ImageMismatchError':
    case 'EcrAnswerError':
      return detail
  }
  // Every answer from AWS carries $metadata; anything else is this action's own failure.
  if (!(error && typeof error === 'object' && '$metadata' in error)) {
    return `Unexpected error (${name || 'error'}: ${detail}). Please report this with the run log.`
  }
  return `ECR request failed (${name || 'error'}: ${detail}).`
}
