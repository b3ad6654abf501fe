/**
 * Signing a user in to the configured Cognito user pool (`InitiateAuth`, USER_PASSWORD_AUTH: the
 * sandbox's demo users, or a real pool's users), and the credential providers the app's one
 * session switches between: the identity pool trades the ID token (`Logins`) for the user's own
 * identity and credentials; without it, a guest's.
 *
 * InitiateAuth is an unsigned awsJson1_1 call, sent with `fetch` (the playground does not bundle
 * the user pool's SDK client for this one operation).
 */
import type { AwsCredentialIdentityProvider } from 'aws-client-cache'
import { cognitoProvider, config } from './aws.js'

/** True when a user pool is configured (always with the sandbox). */
export const canSignIn = config.userPoolId !== undefined && config.userPoolClientId !== undefined

/** The `Logins` key of the user pool: `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
function providerName(): string {
  return `cognito-idp.${config.region}.amazonaws.com/${config.userPoolId ?? ''}`
}

/** What a successful sign-in gives: the ID token and the user's canonical username. */
export interface SignedIn {
  idToken: string
  /** The token's `cognito:username` claim (usernames are case-insensitive), else as typed. */
  username: string
}

/** The `cognito:username` claim of an ID token (a JWT), read without verifying it. */
function usernameClaim(idToken: string): string | undefined {
  try {
    const payload = idToken.split('.')[1] ?? ''
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
    const claim = (JSON.parse(json) as Record<string, unknown>)['cognito:username']
    return typeof claim === 'string' ? claim : undefined
  } catch {
    return undefined
  }
}

/** Signs in with a username and password; resolves the ID token and the username. */
export async function signIn(username: string, password: string): Promise<SignedIn> {
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
  return { idToken, username: usernameClaim(idToken) ?? username }
}

/**
 * Credentials of a signed-in user: `fromCognitoIdentityPool({ identityPoolId, logins: {
 * [providerName]: idToken }, clientConfig })`, the user's own Cognito identity.
 */
export function userCredentials(username: string, idToken: string): AwsCredentialIdentityProvider {
  return cognitoProvider({ [providerName()]: idToken }, username)
}

/** A guest's credentials: `fromCognitoIdentityPool({ identityPoolId, clientConfig })`. */
export function guestCredentials(): AwsCredentialIdentityProvider {
  return cognitoProvider()
}
