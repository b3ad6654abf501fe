/**
 * Who the app's one session acts for, and how it changes: signing in, switching users and
 * signing out call `session.setCredentials()` on the session the whole app already uses. No new
 * session, no new client: every client the session built (the S3 browser's `S3Client` included)
 * signs each request that starts after the call with the new identity's credentials.
 *
 * What the page shows about the identity in force is read from the credentials the session
 * resolved (`session.getCredentials()` after each `credentials` event), never from what the app
 * last asked for: the label and the identity id describe the key pair that signs.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from 'aws-client-cache'
import { useEffect, useState } from 'react'
import { identityIdOf, issuedFor, session } from './aws.js'
import { guestCredentials, signIn, userCredentials } from './signIn.js'

/** The identity in force, as safe to show: no secret, only the access key's first characters. */
export interface IdentityInForce {
  /** `'guest'`, a username, or `null` before the first credentials resolve. */
  who: string | null
  /** The Cognito identity id the credentials were issued for. */
  identityId: string | null
  /** The first 8 characters of the access key id and `…` (`ASIA1B2C…`); never the whole key. */
  accessKeyPrefix: string | null
}

const NONE: IdentityInForce = { who: null, identityId: null, accessKeyPrefix: null }

/** How many characters of an access key id the page may show. */
const KEY_PREFIX_LENGTH = 8

/** What the page may show of resolved credentials. */
export function describeCredentials(
  credentials: AwsCredentialIdentity | undefined,
): IdentityInForce {
  if (credentials === undefined) return NONE
  return {
    who: issuedFor(credentials) ?? null,
    identityId: identityIdOf(credentials),
    accessKeyPrefix: `${credentials.accessKeyId.slice(0, KEY_PREFIX_LENGTH)}…`,
  }
}

/** `true` for a signed-in user (not a guest, not unknown). */
export function isUser(identity: IdentityInForce): boolean {
  return identity.who !== null && identity.who !== 'guest'
}

/**
 * The identity in force, updated by the session's `credentials` events (the first resolution, a
 * refresh, a switch, an invalidation, an authentication error). No polling: between events the
 * credentials in force do not change.
 */
export function useIdentityInForce(): IdentityInForce {
  const [identity, setIdentity] = useState<IdentityInForce>(NONE)
  useEffect(() => {
    let live = true
    let shown: AwsCredentialIdentity | undefined
    const read = () => {
      // Right after a `credentials` event this is the credentials just resolved: no new call.
      session.getCredentials().then(
        (credentials) => {
          if (!live || credentials === shown) return
          shown = credentials
          setIdentity(describeCredentials(credentials))
        },
        () => {
          // A failed resolution shows where it happened (the request that needed it).
        },
      )
    }
    const unsubscribe = session.subscribe((event) => {
      if (event.type === 'credentials') read()
    })
    // Already resolved before this mounted: read them; otherwise the first event will.
    if (session.snapshot().credentials?.reason != null) read()
    return () => {
      live = false
      unsubscribe()
    }
  }, [])
  return identity
}

/** Counts the switches, so that only the latest one may fall back to a guest. */
let switches = 0

/**
 * Makes `credentials` the session's, then resolves them at once (one `GetCredentialsForIdentity`,
 * shared with any request that needs them meanwhile), so that a refused login shows here rather
 * than on the next S3 call. If the identity pool refuses, the session goes back to a guest.
 */
async function switchTo(credentials: AwsCredentialIdentityProvider): Promise<IdentityInForce> {
  session.setCredentials(credentials)
  const mine = ++switches
  try {
    return describeCredentials(await session.getCredentials())
  } catch (error) {
    if (mine === switches) session.setCredentials(guestCredentials())
    throw error
  }
}

/**
 * Signs a user in, or switches from the signed-in user to another: `InitiateAuth` for an ID token,
 * then `session.setCredentials(fromCognitoIdentityPool({ identityPoolId, logins: { [provider]:
 * idToken } }))`. A wrong password changes nothing.
 */
export async function signInAs(username: string, password: string): Promise<IdentityInForce> {
  const signedIn = await signIn(username, password)
  return switchTo(userCredentials(signedIn.username, signedIn.idToken))
}

/** Back to a guest: `session.setCredentials(fromCognitoIdentityPool({ identityPoolId }))`. */
export function signOut(): Promise<IdentityInForce> {
  return switchTo(guestCredentials())
}
