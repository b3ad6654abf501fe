/**
 * Vite plugin: starts the local AWS sandbox with the dev server (unless real AWS is configured),
 * serves `/__sandbox/stats`, `/__sandbox/reset` and `/__sandbox/revoke` on the dev server, and gives the app its
 * settings as `import config from 'virtual:sandbox-config'`.
 *
 * Real AWS: with VITE_AWS_REGION, VITE_IDENTITY_POOL_ID and VITE_S3_BUCKET all set (environment or
 * `.env.local`), no sandbox is started and the module says `mode: 'aws'`.
 *
 * The sandbox is shared across Vite restarts (a config or .env change makes Vite create the new
 * server before it closes the old one), so fixed ports don't collide and endpoints stay stable.
 */
import type { Plugin } from 'vite'
import { loadEnv } from 'vite'
import type { Env, SandboxClientConfig, SandboxOptions } from './config.js'
import {
  awsConfigFromEnv,
  partialAwsEnv,
  resolveSandboxOptions,
  SANDBOX_HOST,
  sandboxOptionsFromEnv,
} from './config.js'
import type { Sandbox } from './startSandbox.js'
import { sandboxMiddleware, startSandbox, STATS_PATH } from './startSandbox.js'
import { DEMO_USERS } from './userPool.js'

export const SANDBOX_CONFIG_MODULE_ID = 'virtual:sandbox-config'
const RESOLVED_MODULE_ID = `\0${SANDBOX_CONFIG_MODULE_ID}`

interface SharedSandbox {
  sandbox: Promise<Sandbox>
  refs: number
}

const SHARED = Symbol.for('aws-client-cache.playground.sandboxes')

function sharedSandboxes(): Map<string, SharedSandbox> {
  const holder = globalThis as unknown as Record<symbol, Map<string, SharedSandbox> | undefined>
  return (holder[SHARED] ??= new Map<string, SharedSandbox>())
}

export interface SandboxHandle {
  sandbox: Sandbox
  /** Drops this reference; the last one closes the sandbox. Idempotent. */
  release(): Promise<void>
}

/** Starts a sandbox, or shares the running one started with the same options (ref-counted). */
export async function acquireSandbox(options: SandboxOptions): Promise<SandboxHandle> {
  const key = JSON.stringify(resolveSandboxOptions(options))
  const shared = sharedSandboxes()
  let entry = shared.get(key)
  if (!entry) {
    const created: SharedSandbox = { sandbox: startSandbox(options), refs: 0 }
    created.sandbox.catch(() => {
      if (shared.get(key) === created) shared.delete(key)
    })
    shared.set(key, created)
    entry = created
  }
  const current = entry
  current.refs++
  let sandbox: Sandbox
  try {
    sandbox = await current.sandbox
  } catch (err) {
    current.refs--
    throw err
  }
  let released: Promise<void> | undefined
  return {
    sandbox,
    release: () =>
      (released ??= (async () => {
        current.refs--
        if (current.refs > 0) return
        if (shared.get(key) === current) shared.delete(key)
        await sandbox.close()
      })()),
  }
}

function stringEnv(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  )
}

/** What the app gets when no sandbox runs in this process (e.g. `vite build`). */
function configWithoutServer(env: Env, options: SandboxOptions): SandboxClientConfig {
  const aws = awsConfigFromEnv(env)
  if (aws) return aws
  const resolved = resolveSandboxOptions({ ...sandboxOptionsFromEnv(env), ...options }, env)
  const config: SandboxClientConfig = {
    mode: 'sandbox',
    region: resolved.region,
    identityPoolId: resolved.identityPoolId,
    bucket: resolved.bucket,
  }
  config.userPoolId = resolved.userPoolId
  config.userPoolClientId = resolved.userPoolClientId
  config.demoUsers = DEMO_USERS.map(({ username, password }) => ({ username, password }))
  // Only fixed ports can be known ahead of time.
  if (resolved.s3Port !== 0 && resolved.cognitoPort !== 0) {
    config.s3Endpoint = `http://${SANDBOX_HOST}:${resolved.s3Port}`
    config.cognitoEndpoint = `http://${SANDBOX_HOST}:${resolved.cognitoPort}`
    config.userPoolEndpoint = config.cognitoEndpoint
  }
  return config
}

export function sandboxPlugin(options: SandboxOptions = {}): Plugin {
  let env: Env = process.env
  let clientConfig: SandboxClientConfig | undefined
  let release: (() => Promise<void>) | undefined

  return {
    name: 'aws-client-cache:sandbox',

    configResolved(config) {
      // VITE_* from .env files are in config.env; SANDBOX_* may be in .env files too. Variables
      // already in the process environment win, as everywhere in Vite.
      env = {
        ...stringEnv(loadEnv(config.mode, config.envDir, 'SANDBOX_')),
        ...stringEnv(config.env),
      }
    },

    async configureServer(server) {
      const { logger } = server.config
      const aws = awsConfigFromEnv(env)
      if (aws) {
        clientConfig = aws
        logger.info(
          `  AWS sandbox: off; using real AWS (${aws.region}, bucket ${aws.bucket}) from VITE_* settings`,
        )
        return
      }
      const partial = partialAwsEnv(env)
      if (partial.set.length > 0) {
        logger.warn(
          `  AWS sandbox: ${partial.set.join(', ')} set but ${partial.missing.join(', ')} missing; ` +
            'using the local sandbox',
        )
      }

      const handle = await acquireSandbox({ ...sandboxOptionsFromEnv(env), ...options })
      const { sandbox } = handle
      clientConfig = {
        mode: 'sandbox',
        region: sandbox.region,
        identityPoolId: sandbox.identityPoolId,
        bucket: sandbox.bucket,
        s3Endpoint: sandbox.s3Endpoint,
        cognitoEndpoint: sandbox.cognitoEndpoint,
        userPoolId: sandbox.userPoolId,
        userPoolClientId: sandbox.userPoolClientId,
        userPoolEndpoint: sandbox.userPoolEndpoint,
        demoUsers: sandbox.demoUsers.map(({ username, password }) => ({ username, password })),
      }
      server.middlewares.use(sandboxMiddleware(sandbox))

      // Vite closes its server on SIGTERM itself (→ buildEnd below) unless in middleware mode;
      // nobody handles SIGINT, whose default action would skip cleanup.
      const signals: NodeJS.Signals[] = server.config.server.middlewareMode
        ? ['SIGINT', 'SIGTERM']
        : ['SIGINT']
      const onSignal = (signal: NodeJS.Signals) => {
        void releaseOnce().finally(() => {
          // Re-raise for the default action unless someone else handles the signal.
          if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
        })
      }
      let released: Promise<void> | undefined
      const releaseOnce = () =>
        (released ??= (() => {
          for (const signal of signals) process.off(signal, onSignal)
          return handle.release()
        })())
      release = releaseOnce
      for (const signal of signals) process.once(signal, onSignal)
      server.httpServer?.once('close', () => {
        void releaseOnce()
      })

      logger.info(
        `  AWS sandbox: S3 ${sandbox.s3Endpoint} (bucket ${sandbox.bucket}), ` +
          `Cognito ${sandbox.cognitoEndpoint} (pool ${sandbox.identityPoolId}, ` +
          `users ${sandbox.userPoolId}: ${sandbox.demoUsers.map((u) => u.username).join(', ')}), ` +
          `credentials live ${sandbox.credentialTtlSeconds} s, stats at ${STATS_PATH}`,
      )
    },

    // Called when the dev server closes (also on restarts); awaited by server.close().
    async buildEnd() {
      await release?.()
    },

    resolveId(id) {
      return id === SANDBOX_CONFIG_MODULE_ID ? RESOLVED_MODULE_ID : undefined
    },

    load(id) {
      if (id !== RESOLVED_MODULE_ID) return undefined
      const config = clientConfig ?? configWithoutServer(env, options)
      return `export default ${JSON.stringify(config)}\n`
    },
  }
}
