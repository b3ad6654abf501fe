/**
 * A local stand-in for the AWS services the playground uses, offline and on 127.0.0.1 only:
 *
 * - S3: s3rver with a seeded demo bucket and a CORS configuration, behind middleware that
 *   authenticates requests like S3 does (SigV4, temporary credentials, expiry) and counts them.
 * - Cognito Identity: `GetId` / `GetCredentialsForIdentity` issuing short-lived credentials that
 *   are registered with s3rver's account registry and revoked when they expire.
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
import type { CognitoOperation } from './cognito.js'
import { createCognitoListener } from './cognito.js'
import type { SandboxOptions } from './config.js'
import { resolveSandboxOptions, SANDBOX_HOST } from './config.js'
import { createCorsPolicy, s3CorsConfigurationXml } from './cors.js'
import { CredentialIssuer } from './credentials.js'
import { createS3AuthMiddleware } from './s3Auth.js'
import type { S3rverInstance } from './s3rver.js'
import { AWSAccounts, S3rver } from './s3rver.js'
import { seedBucket } from './seed.js'

export type { SandboxClientConfig, SandboxOptions } from './config.js'
export { SEED_OBJECTS } from './seed.js'

export const STATS_PATH = '/__sandbox/stats'
export const RESET_PATH = '/__sandbox/reset'

/** Requests served since start (or the last reset). */
export interface SandboxCounters {
  GetId: number
  GetCredentialsForIdentity: number
  /** S3 requests answered (successful or not), CORS preflights excluded. */
  s3Requests: number
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:41234 — use path-style addressing (the SDK does so for IP hosts). */
  readonly s3Endpoint: string
  readonly cognitoEndpoint: string
  readonly region: string
  readonly identityPoolId: string
  readonly bucket: string
  readonly credentialTtlSeconds: number
  readonly allowedOrigins: readonly string[]
  /** s3rver's temporary data directory; removed by close(). */
  readonly dataDirectory: string
  stats(): SandboxCounters
  reset(): void
  /**
   * Resolves when the issued access key `accessKeyId` has been revoked (at its expiry, or on
   * close); at once if it already was. Rejects for a key this sandbox never issued.
   */
  whenRevoked(accessKeyId: string): Promise<void>
  /** Stops both servers, revokes all issued keys and deletes the data directory. Idempotent. */
  close(): Promise<void>
}

export type ConnectMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void

/** Serves `/__sandbox/stats` and `/__sandbox/reset`; returns false for any other path. */
export function handleSandboxRoute(
  sandbox: Pick<Sandbox, 'stats' | 'reset'>,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const path = (req.url ?? '/').split('?')[0]
  if (path !== STATS_PATH && path !== RESET_PATH) return false
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
  } else {
    res.statusCode = 405
    res.setHeader('Allow', path === STATS_PATH ? 'GET, HEAD' : 'POST')
    res.end()
  }
  return true
}

/** Connect-style middleware (Vite's `server.middlewares.use`) for the stats and reset routes. */
export function sandboxMiddleware(sandbox: Pick<Sandbox, 'stats' | 'reset'>): ConnectMiddleware {
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
  const counters: SandboxCounters = { GetId: 0, GetCredentialsForIdentity: 0, s3Requests: 0 }
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
      }),
    )
    const s3Address = await s3rver.run()
    await seedBucket(s3rver.store, resolved.bucket)

    const routes = {
      stats: (): SandboxCounters => ({
        GetId: counters.GetId,
        GetCredentialsForIdentity: counters.GetCredentialsForIdentity,
        s3Requests: counters.s3Requests,
      }),
      reset: () => {
        counters.GetId = 0
        counters.GetCredentialsForIdentity = 0
        counters.s3Requests = 0
      },
    }
    cognitoServer = createServer(
      createCognitoListener({
        identityPoolId: resolved.identityPoolId,
        issuer,
        cors,
        count: (operation: CognitoOperation) => {
          counters[operation]++
        },
        extraRoutes: (req, res) => handleSandboxRoute(routes, req, res),
      }),
    )
    const cognitoAddress = await listen(cognitoServer, resolved.cognitoPort, SANDBOX_HOST)

    let closing: Promise<void> | undefined
    return {
      s3Endpoint: `http://${SANDBOX_HOST}:${s3Address.port}`,
      cognitoEndpoint: `http://${SANDBOX_HOST}:${cognitoAddress.port}`,
      region: resolved.region,
      identityPoolId: resolved.identityPoolId,
      bucket: resolved.bucket,
      credentialTtlSeconds: resolved.credentialTtlSeconds,
      allowedOrigins: resolved.allowedOrigins,
      dataDirectory,
      stats: routes.stats,
      reset: routes.reset,
      whenRevoked: (accessKeyId) => issuer.whenRevoked(accessKeyId),
      close: () => (closing ??= shutdown()),
    }
  } catch (err) {
    await shutdown()
    throw err
  }
}
