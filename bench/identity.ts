/**
 * Identity changes against the sandbox (its user pool, identity pool and S3), with real SDK
 * clients, counted by the sandbox:
 *
 * - switch: a guest lists `public/`, alice signs in and writes her private folder, bob signs in,
 *   everyone signs out; `operations` S3 requests in each phase. One session with
 *   `setCredentials()` against the naive way (a new S3Client per identity change, as apps that
 *   rebuild clients on sign-in do). Counts: S3 clients built, `GetCredentialsForIdentity` calls,
 *   failures; timing: the first request after each switch.
 * - revoke: `operations` concurrent requests, the sandbox revokes every live key, `operations`
 *   concurrent requests again. Counts: resolutions, requests that failed with `ExpiredToken` and
 *   succeeded on their retry, failures seen by the caller.
 */
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider'
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import { startSandbox, type Sandbox } from '../playground/sandbox/startSandbox.js'
import { Session } from '../src/index.js'

export interface IdentityResults {
  operations: number
  /** The four phases: guest, alice, bob, guest. */
  phases: number
  cachedS3ClientsBuilt: number
  naiveS3ClientsBuilt: number
  cachedGetCredentialsForIdentity: number
  naiveGetCredentialsForIdentity: number
  /** Median over the switches of setCredentials() + the first request that follows. */
  cachedFirstRequestAfterSwitchMs: number
  /** Median over the switches of new S3Client(...) + its first request. */
  naiveFirstRequestAfterSwitchMs: number
  failures: number
  revoke: {
    requests: number
    /** Resolutions after the revocation (one is the goal, whatever the request count). */
    resolutionsAfterRevoke: number
    /** Requests the sandbox rejected with ExpiredToken (each retried once). */
    expiredTokenAnswers: number
    failuresSeenByCaller: number
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 100) / 100
}

async function idToken(sandbox: Sandbox, username: string, password: string): Promise<string> {
  const users = new CognitoIdentityProviderClient({
    region: sandbox.region,
    endpoint: sandbox.userPoolEndpoint,
  })
  const { AuthenticationResult } = await users.send(
    new InitiateAuthCommand({
      ClientId: sandbox.userPoolClientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  )
  users.destroy()
  return AuthenticationResult!.IdToken!
}

export async function runIdentity(operations = 20): Promise<IdentityResults> {
  const sandbox = await startSandbox({ s3Port: 0, cognitoPort: 0 })
  try {
    const clientConfig = { region: sandbox.region, endpoint: sandbox.cognitoEndpoint }
    const guest = () =>
      fromCognitoIdentityPool({ identityPoolId: sandbox.identityPoolId, clientConfig })
    const user = (token: string) =>
      fromCognitoIdentityPool({
        identityPoolId: sandbox.identityPoolId,
        logins: { [sandbox.userPoolProviderName]: token },
        clientConfig,
      })
    const tokens = {
      alice: await idToken(sandbox, 'alice', 'alice-password-1'),
      bob: await idToken(sandbox, 'bob', 'bob-password-1'),
    }
    const phases = [guest, () => user(tokens.alice), () => user(tokens.bob), guest]
    const s3Config = { region: sandbox.region, endpoint: sandbox.s3Endpoint, forcePathStyle: true }
    const list = new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' })
    let failures = 0
    const work = async (s3: S3Client) => {
      const results = await Promise.allSettled(
        Array.from({ length: operations }, () => s3.send(list)),
      )
      failures += results.filter((result) => result.status === 'rejected').length
    }

    // Naive: a new client (and provider) per identity.
    sandbox.reset()
    const naiveFirst: number[] = []
    for (const credentials of phases) {
      const start = performance.now()
      const s3 = new S3Client({ ...s3Config, credentials: credentials() })
      await s3.send(list)
      naiveFirst.push(performance.now() - start)
      await work(s3)
      s3.destroy()
    }
    const naiveGetCredentialsForIdentity = sandbox.stats().GetCredentialsForIdentity

    // One session: setCredentials() per identity, the same S3 client throughout.
    sandbox.reset()
    const session = new Session({
      region: sandbox.region,
      credentials: guest(),
      clientConfig: { endpoint: sandbox.s3Endpoint, forcePathStyle: true },
    })
    await work(session.client(S3Client))
    const cachedFirst: number[] = []
    for (const credentials of phases.slice(1)) {
      const start = performance.now()
      session.setCredentials(credentials())
      await session.client(S3Client).send(list)
      cachedFirst.push(performance.now() - start)
      await work(session.client(S3Client))
    }
    const cachedGetCredentialsForIdentity = sandbox.stats().GetCredentialsForIdentity
    const cachedS3ClientsBuilt = session.snapshot().stats.creates

    // Revocation: alice writes, the sandbox revokes every key, alice writes again.
    session.setCredentials(user(tokens.alice))
    const aliceId = ((await session.getCredentials()) as { identityId?: string }).identityId
    const s3 = session.client(S3Client)
    const write = (i: number) =>
      s3.send(
        new PutObjectCommand({
          Bucket: sandbox.bucket,
          Key: `private/${aliceId}/bench-${i}.txt`,
          Body: `object ${i}`,
        }),
      )
    await Promise.all(Array.from({ length: operations }, (_, i) => write(i)))
    const before = sandbox.stats().GetCredentialsForIdentity
    sandbox.revoke()
    const expiredBefore = sandbox.stats().s3Requests
    const settled = await Promise.allSettled(
      Array.from({ length: operations }, (_, i) => write(operations + i)),
    )
    const s3RequestsDuringRevoke = sandbox.stats().s3Requests - expiredBefore
    const revoke = {
      requests: operations,
      resolutionsAfterRevoke: sandbox.stats().GetCredentialsForIdentity - before,
      expiredTokenAnswers: s3RequestsDuringRevoke - operations,
      failuresSeenByCaller: settled.filter((result) => result.status === 'rejected').length,
    }
    await session.dispose()
    return {
      operations,
      phases: phases.length,
      cachedS3ClientsBuilt,
      naiveS3ClientsBuilt: phases.length,
      cachedGetCredentialsForIdentity,
      naiveGetCredentialsForIdentity,
      cachedFirstRequestAfterSwitchMs: median(cachedFirst),
      naiveFirstRequestAfterSwitchMs: median(naiveFirst.slice(1)),
      failures,
      revoke,
    }
  } finally {
    await sandbox.close()
  }
}
