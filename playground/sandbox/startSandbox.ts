/**
 * A local stand-in for the AWS services the playground uses, offline and on 127.0.0.1 only:
 *
 * - S3: s3rver with a seeded demo bucket and a CORS configuration, behind middleware that
 *   authenticates requests like S3 does (SigV4, temporary credentials, expiry), authorizes them by
 *   Cognito identity (Amplify's `public/` and `private/<identityId>/`) and counts them.
 * - Cognito user pool: `InitiateAuth` (USER_PASSWORD_AUTH) for the demo users, RS256 ID tokens,
 *   JWKS at `<endpoint>/<userPoolId>/.well-known/jwks.json`.
 * - Cognito Identity: `GetId` / `GetCredentialsForIdentity` for guests and for the user pool's
 *   users (`Logins`), issuing short-lived credentials that are registered with s3rver's account
 *   registry and revoked when they expire (or on `POST /__sandbox/revoke`).
 * - Counters: `GET /__sandbox/stats`, `POST /__sandbox/reset` (on the Cognito endpoint, and via
 *   `sandboxMiddleware` on the Vite dev server).
 */
import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RequestListener } from 'node:http'
import type { CognitoOperation } from './cognito.js'
import { createCognitoListener } from './cognito.js'
import type { SandboxOptions } from './config.js'
import { resolveSandboxOptions, SANDBOX_HOST } from './config.js'
import { createCorsPolicy, s3CorsConfigurationXml } from './cors.js'
import type { IssuedIdentity } from './credentials.js'
import { CredentialIssuer } from './credentials.js'
import { IdentityPool } from './identityPool.js'
import { createS3AuthMiddleware } from './s3Auth.js'
import type { S3rverInstance } from './s3rver.js'
import { AWSAccounts, S3rver } from './s3rver.js'
import { seedBucket } from './seed.js'
import type { DemoUser } from './userPool.js'
import { DEMO_USERS, UserPool } from './userPool.js'

export type { SandboxClientConfig, SandboxOptions } from './config.js'
export { SEED_OBJECTS } from './seed.js'
export { PUBLIC_PREFIX, privatePrefix } from './s3Access.js'
export { DEMO_USERS } from './userPool.js'
export type { DemoUser } from './userPool.js'
export type { IssuedIdentity } from './credentials.js'

export const STATS_PATH = '/__sandbox/stats'
export const RESET_PATH = '/__sandbox/reset'
export const REVOKE_PATH = '/__sandbox/revoke'

/** Requests served since start (or the last reset). */
export interface SandboxCounters {
  GetId: number
  GetCredentialsForIdentity: number
  InitiateAuth: number
  /** S3 requests answered (successful or not), CORS preflights excluded. */
  s3Requests: number
  /** S3 requests signed with credentials issued to each identity id (successful or not). */
  s3RequestsByIdentity: Record<string, number>
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:41234 — use path-style addressing (the SDK does so for IP hosts). */
  readonly s3Endpoint: string
  readonly cognitoEndpoint: string
  readonly region: string
  readonly identityPoolId: string
  /** The user pool (`<region>_<id>`); its `InitiateAuth` is served at `userPoolEndpoint`. */
  readonly userPoolId: string
  readonly userPoolClientId: string
  /** Where `CognitoIdentityProviderClient` sends `InitiateAuth`: the Cognito endpoint. */
  readonly userPoolEndpoint: string
  /** The ID tokens' `iss`: `<cognitoEndpoint>/<userPoolId>` (JWKS under `/.well-known/jwks.json`). */
  readonly userPoolIssuer: string
  /** The `Logins` key for the user pool: `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly userPoolProviderName: string
  /** Users who can sign in (demo passwords). */
  readonly demoUsers: readonly DemoUser[]
  readonly bucket: string
  readonly credentialTtlSeconds: number
  readonly allowedOrigins: readonly string[]
  /** s3rver's temporary data directory; removed by close(). */
  readonly dataDirectory: string
  stats(): SandboxCounters
  reset(): void
  /**
   * Revokes every live issued key now, as if it had expired (S3 answers ExpiredToken); returns how
   * many. `GetCredentialsForIdentity` keeps issuing new ones.
   */
  revoke(): number
  /**
   * Resolves when the issued access key `accessKeyId` has been revoked (at its expiry, or on
   * close); at once if it already was. Rejects for a key this sandbox never issued.
   */
  whenRevoked(accessKeyId: string): Promise<void>
  /** Whom an issued key belongs to (guest or signed-in identity), or undefined if not issued. */
  credentialIdentity(accessKeyId: string): IssuedIdentity | undefined
  /** Stops both servers, revokes all issued keys and deletes the data directory. Idempotent. */
  close(): Promise<void>
}

export type ConnectMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void

export type SandboxRoutes = Pick<Sandbox, 'stats' | 'reset' | 'revoke'>

/**
 * Serves `/__sandbox/stats`, `/__sandbox/reset` and `/__sandbox/revoke` (200,
 * `{ "revoked": n }`); returns false for any other path.
 */
export function handleSandboxRoute(
  sandbox: SandboxRoutes,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const path = (req.url ?? '/').split('?')[0]
  if (path !== STATS_PATH && path !== RESET_PATH && path !== REVOKE_PATH) return false
  req.resume()
  res.setHeader('Cache-Control', 'no-store')
  const method = req.method ?? 'GET'
  if (path === STATS_PATH && (method === 'GET' || method === 'HEAD')) {
    const json = JSON.stringify(sandbox.stats())
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('Content-Length', Buffer.byteLength(json))
    res.end(method === 'HEAD' ? undefined : json)
  } else if (path === RESET_PATH && method === 'POST') {
    sandbox.reset()
    res.statusCode = 204
    res.end()
  } else if (path === REVOKE_PATH && method === 'POST') {
    const json = JSON.stringify({ revoked: sandbox.revoke() })
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('Content-Length', Buffer.byteLength(json))
    res.end(json)
  } else {
    res.statusCode = 405
    res.setHeader('Allow', path === STATS_PATH ? 'GET, HEAD' : 'POST')
    res.end()
  }
  return true
}

/** Connect-style middleware (Vite's `server.middlewares.use`) for the stats, reset and revoke routes. */
export function sandboxMiddleware(sandbox: SandboxRoutes): ConnectMiddleware {
  return (req, res, next) => {
    if (!handleSandboxRoute(sandbox, req, res)) next()
  }
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo)
    })
  })
}

/** Closes a server: idle keep-alive sockets at once, busy ones after a short grace period. */
function closeServer(server: Server | undefined): Promise<void> {
  if (!server?.listening) return Promise.resolve()
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), 1000)
    force.unref()
    server.close(() => {
      clearTimeout(force)
      resolve()
    })
    server.closeIdleConnections()
  })
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveSandboxOptions(options)
  const counters: SandboxCounters = {
    GetId: 0,
    GetCredentialsForIdentity: 0,
    InitiateAuth: 0,
    s3Requests: 0,
    s3RequestsByIdentity: {},
  }
  const cors = createCorsPolicy(resolved.allowedOrigins)
  // Issued keys go to s3rver's default account (the one it reports as owner everywhere).
  const issuer = new CredentialIssuer(AWSAccounts.DUMMY_ACCOUNT, resolved.credentialTtlSeconds)

  const dataDirectory = await mkdtemp(join(tmpdir(), 'aws-client-cache-sandbox-'))
  // Last resort if the process exits without close() (e.g. process.exit() in a signal handler).
  const removeOnExit = () => rmSync(dataDirectory, { recursive: true, force: true })
  process.on('exit', removeOnExit)

  let s3rver: S3rverInstance | undefined
  let cognitoServer: Server | undefined
  const shutdown = async () => {
    issuer.close()
    await Promise.all([closeServer(s3rver?.httpServer), closeServer(cognitoServer)])
    await rm(dataDirectory, { recursive: true, force: true })
    process.off('exit', removeOnExit)
  }

  try {
    s3rver = new S3rver({
      address: SANDBOX_HOST,
      port: resolved.s3Port,
      silent: true,
      directory: dataDirectory,
      resetOnClose: false,
      allowMismatchedSignatures: false,
      vhostBuckets: false,
      configureBuckets: [
        { name: resolved.bucket, configs: [s3CorsConfigurationXml(resolved.allowedOrigins)] },
      ],
    })
    // First in the chain, so it sees the raw URL (s3rver's vhost middleware rewrites it) and
    // runs before s3rver's router (CORS, authentication, controllers).
    s3rver.middleware.unshift(
      createS3AuthMiddleware({
        issuer,
        cors,
        count: () => {
          counters.s3Requests++
        },
        countIdentity: (identityId) => {
          const byIdentity = counters.s3RequestsByIdentity
          byIdentity[identityId] = (byIdentity[identityId] ?? 0) + 1
        },
      }),
    )
    const s3Address = await s3rver.run()
    await seedBucket(s3rver.store, resolved.bucket)

    const routes: SandboxRoutes = {
      stats: (): SandboxCounters => ({
        GetId: counters.GetId,
        GetCredentialsForIdentity: counters.GetCredentialsForIdentity,
        InitiateAuth: counters.InitiateAuth,
        s3Requests: counters.s3Requests,
        s3RequestsByIdentity: { ...counters.s3RequestsByIdentity },
      }),
      reset: () => {
        counters.GetId = 0
        counters.GetCredentialsForIdentity = 0
        counters.InitiateAuth = 0
        counters.s3Requests = 0
        counters.s3RequestsByIdentity = {}
      },
      revoke: () => issuer.revokeAll(),
    }
    // The user pool's issuer URL names the port, known once listening: requests arriving before
    // the pool exists wait for it (their bodies stay buffered in the paused request stream).
    let attach: (listener: RequestListener) => void = () => undefined
    const ready = new Promise<RequestListener>((resolve) => {
      attach = resolve
    })
    cognitoServer = createServer((req, res) => {
      void ready.then((handle) => handle(req, res))
    })
    const cognitoAddress = await listen(cognitoServer, resolved.cognitoPort, SANDBOX_HOST)
    const cognitoEndpoint = `http://${SANDBOX_HOST}:${cognitoAddress.port}`
    const userPool = await UserPool.create({
      region: resolved.region,
      userPoolId: resolved.userPoolId,
      clientId: resolved.userPoolClientId,
      issuer: `${cognitoEndpoint}/${resolved.userPoolId}`,
      tokenTtlSeconds: resolved.tokenTtlSeconds,
      users: DEMO_USERS,
    })
    attach(
      createCognitoListener({
        userPool,
        identityPool: new IdentityPool({
          identityPoolId: resolved.identityPoolId,
          issuer,
          providers: [
            {
              providerName: userPool.providerName,
              verify: (token) => userPool.tokens.verify(token),
            },
          ],
        }),
        cors,
        count: (operation: CognitoOperation) => {
          counters[operation]++
        },
        extraRoutes: (req, res) => handleSandboxRoute(routes, req, res),
      }),
    )

    let closing: Promise<void> | undefined
    return {
      s3Endpoint: `http://${SANDBOX_HOST}:${s3Address.port}`,
      cognitoEndpoint,
      region: resolved.region,
      identityPoolId: resolved.identityPoolId,
      userPoolId: userPool.id,
      userPoolClientId: userPool.clientId,
      userPoolEndpoint: cognitoEndpoint,
      userPoolIssuer: userPool.tokens.issuer,
      userPoolProviderName: userPool.providerName,
      demoUsers: DEMO_USERS,
      bucket: resolved.bucket,
      credentialTtlSeconds: resolved.credentialTtlSeconds,
      allowedOrigins: resolved.allowedOrigins,
      dataDirectory,
      stats: routes.stats,
      reset: routes.reset,
      revoke: routes.revoke,
      whenRevoked: (accessKeyId) => issuer.whenRevoked(accessKeyId),
      credentialIdentity: (accessKeyId) => {
        const status = issuer.status(accessKeyId)
        return status.state === 'unknown' ? undefined : { ...status.identity }
      },
      close: () => (closing ??= shutdown()),
    }
  } catch (err) {
    await shutdown()
    throw err
  }
}
