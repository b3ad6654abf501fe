/**
 * Signing a user in to the configured Cognito user pool (`InitiateAuth`, USER_PASSWORD_AUTH: the
 * sandbox's demo users, or a real pool's users) and a session whose clients act for that user:
 * the identity pool trades the ID token (`Logins`) for the user's own identity and credentials.
 *
 * InitiateAuth is an unsigned awsJson1_1 call, sent with `fetch` (the playground does not bundle
 * the user pool's SDK client for this one operation).
 */
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import { Session } from 'aws-client-cache'
import { config, s3ClientConfig } from './aws.js'

/** True when a user pool is configured (always with the sandbox). */
export const canSignIn = config.userPoolId !== undefined && config.userPoolClientId !== undefined

/** The `Logins` key of the user pool: `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
function providerName(): string {
  return `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId ?? ''}`
}

/** Signs in with a username and password; resolves the ID token. */
export async function signIn(username: string, password: string): Promise<string> {
  const endpoint = config.userPoolEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: config.userPoolClientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  })
  const body = (await response.json()) as {
    AuthenticationResult?: { IdToken?: string }
    __type?: string
    message?: string
  }
  const idToken = body.AuthenticationResult?.IdToken
  if (!response.ok || idToken === undefined) {
    const error = new Error(body.message ?? `InitiateAuth answered ${response.status}`)
    error.name = body.__type?.split('#').pop() ?? 'SignInError'
    throw error
  }
  return idToken
}

/** A session for a signed-in user: the user's Cognito identity, S3 defaults as the app's. */
export function createUserSession(idToken: string): Session {
  return new Session({
    region: config.region,
    credentials: fromCognitoIdentityPool({
      identityPoolId: config.identityPoolId,
      logins: { [providerName()]: idToken },
      clientConfig: {
        region: config.region,
        ...(config.cognitoEndpoint === undefined ? {} : { endpoint: config.cognitoEndpoint }),
      },
    }),
    clientConfig: s3ClientConfig,
  })
}
