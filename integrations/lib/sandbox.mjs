/**
 * The local AWS sandbox (playground/sandbox: s3rver + a Cognito Identity endpoint), started once
 * for the whole run as `tsx playground/sandbox/cli.ts --json` in its own process group, and read
 * from the JSON line it prints: { region, identityPoolId, bucket, s3Endpoint, cognitoEndpoint,
 * statsUrl, … }, to which `prefix` is added: where a guest may list the bucket.
 */
import { join } from 'node:path'
import { startServer } from './process.mjs'

/**
 * Starts the sandbox. `allowedOrigins` become SANDBOX_ALLOWED_ORIGINS: the exact origins of the
 * pages that call it from a browser.
 */
export async function startSandbox({ root, allowedOrigins = [] }) {
  const server = startServer(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'playground', 'sandbox', 'cli.ts'), '--json'],
    {
      cwd: root,
      env: {
        ...process.env,
        ...(allowedOrigins.length ? { SANDBOX_ALLOWED_ORIGINS: allowedOrigins.join(',') } : {}),
      },
      ready: /^\{.*\}$/m,
      timeoutMs: 30_000,
      name: 'sandbox',
    },
  )
  const [line] = await server.ready
  const printed = JSON.parse(line)
  // Where guests may list the demo bucket: under `public/` in the sandbox with Amplify-style
  // access levels (the one with a user pool), at its root in the earlier one.
  const config = { ...printed, prefix: printed.userPoolId === undefined ? '' : 'public/' }
  const resetUrl = config.statsUrl.replace(/stats$/, 'reset')
  return {
    ...config,
    allowedOrigins,
    /** The JSON the apps read from their environment (with `prefix`). */
    json: JSON.stringify(config),
    /** { GetId, GetCredentialsForIdentity, s3Requests } since start or the last reset. */
    async stats() {
      const response = await fetch(config.statsUrl)
      if (!response.ok) throw new Error(`GET ${config.statsUrl} answered ${response.status}`)
      return response.json()
    },
    async reset() {
      const response = await fetch(resetUrl, { method: 'POST' })
      if (response.status !== 204) throw new Error(`POST ${resetUrl} answered ${response.status}`)
    },
    stop: () => server.stop(),
  }
}
