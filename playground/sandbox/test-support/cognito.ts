/**
 * Helpers for the sandbox's Node tests that sign users in and get Cognito credentials: the real
 * SDK clients where the SDK is installed, plain awsJson1_1 `fetch` for the user pool (the
 * `@aws-sdk/client-cognito-identity-provider` package is not a dependency).
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { S3Client } from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import type { Sandbox } from '../startSandbox.js'

/** The SDK keeps identity ids in a process-wide store unless told otherwise. */
export const NO_IDENTITY_CACHE = {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
}

export interface AwsJsonAnswer {
  status: number
  errorType: string | null
  body: Record<string, unknown>
}

/** One awsJson1_1 call to the sandbox's Cognito endpoint, as the SDK would send it. */
export async function awsJson(
  endpoint: string,
  target: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<AwsJsonAnswer> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      ...headers,
    },
    body: JSON.stringify(body),
  })
  return {
    status: response.status,
    errorType: response.headers.get('x-amzn-errortype'),
    body: (await response.json()) as Record<string, unknown>,
  }
}

/** `InitiateAuth` (USER_PASSWORD_AUTH) for the sandbox's app client. */
export function initiateAuth(
  sandbox: Sandbox,
  username: string,
  password: string,
  clientId = sandbox.userPoolClientId,
): Promise<AwsJsonAnswer> {
  return awsJson(sandbox.userPoolEndpoint, 'AWSCognitoIdentityProviderService.InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  })
}

/** Signs a demo user in and returns the ID token. */
export async function signIn(sandbox: Sandbox, username: string): Promise<string> {
  const user = sandbox.demoUsers.find((u) => u.username === username)
  if (!user) throw new Error(`no demo user ${username}`)
  const answer = await initiateAuth(sandbox, user.username, user.password)
  const result = answer.body['AuthenticationResult'] as { IdToken?: string } | undefined
  if (answer.status !== 200 || !result?.IdToken) {
    throw new Error(`sign-in failed: ${JSON.stringify(answer.body)}`)
  }
  return result.IdToken
}

export function cognitoClient(sandbox: Sandbox): CognitoIdentityClient {
  return new CognitoIdentityClient({ region: sandbox.region, endpoint: sandbox.cognitoEndpoint })
}

/** `fromCognitoIdentityPool` for the sandbox's pool: a guest, or the user of `idToken`. */
export function cognitoCredentials(sandbox: Sandbox, idToken?: string) {
  return fromCognitoIdentityPool({
    identityPoolId: sandbox.identityPoolId,
    ...(idToken === undefined ? {} : { logins: { [sandbox.userPoolProviderName]: idToken } }),
    clientConfig: { endpoint: sandbox.cognitoEndpoint, region: sandbox.region },
    cache: NO_IDENTITY_CACHE,
  })
}

export function s3Client(sandbox: Sandbox, credentials: S3ClientConfig['credentials']) {
  return new S3Client({
    region: sandbox.region,
    endpoint: sandbox.s3Endpoint,
    forcePathStyle: true,
    credentials,
  })
}
