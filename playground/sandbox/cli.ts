/**
 * `npm run sandbox` (tsx playground/sandbox/cli.ts): runs the local AWS sandbox on its own until
 * SIGINT/SIGTERM. Settings come from the environment (SANDBOX_S3_PORT, SANDBOX_COGNITO_PORT,
 * SANDBOX_CREDENTIAL_TTL, SANDBOX_ALLOWED_ORIGINS). `--json` prints one JSON line instead of the
 * human-readable summary (for scripts).
 */
import type { SandboxClientConfig } from './config.js'
import { RESET_PATH, REVOKE_PATH, startSandbox, STATS_PATH } from './startSandbox.js'

const USAGE = `Usage: npm run sandbox [-- --json]

Starts a local S3 (s3rver) and Cognito endpoint (identity pool and user pool) on 127.0.0.1.

Environment:
  SANDBOX_S3_PORT          S3 port (default: a free port)
  SANDBOX_COGNITO_PORT     Cognito Identity port (default: a free port)
  SANDBOX_CREDENTIAL_TTL   lifetime of issued credentials in seconds (default: 900)
  SANDBOX_ALLOWED_ORIGINS  comma-separated CORS origins (default: *)
`

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE)
} else {
  const json = args.includes('--json')
  const sandbox = await startSandbox()
  const statsUrl = `${sandbox.cognitoEndpoint}${STATS_PATH}`

  if (json) {
    const config: SandboxClientConfig & {
      userPoolIssuer: string
      userPoolProviderName: string
      statsUrl: string
    } = {
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
      userPoolIssuer: sandbox.userPoolIssuer,
      userPoolProviderName: sandbox.userPoolProviderName,
      statsUrl,
    }
    process.stdout.write(`${JSON.stringify(config)}\n`)
  } else {
    process.stdout.write(
      [
        'AWS sandbox running (127.0.0.1 only)',
        `  S3 endpoint:       ${sandbox.s3Endpoint}  (path-style; bucket ${sandbox.bucket})`,
        `  Cognito endpoint:  ${sandbox.cognitoEndpoint}`,
        `  Region:            ${sandbox.region}`,
        `  Identity pool id:  ${sandbox.identityPoolId}`,
        `  User pool:         ${sandbox.userPoolId}, app client ${sandbox.userPoolClientId}`,
        `    (InitiateAuth USER_PASSWORD_AUTH at the Cognito endpoint; issuer ${sandbox.userPoolIssuer})`,
        `  Demo users:        ${sandbox.demoUsers.map((u) => `${u.username} / ${u.password}`).join(', ')}`,
        `  Credential TTL:    ${sandbox.credentialTtlSeconds} s`,
        `  Allowed origins:   ${sandbox.allowedOrigins.join(', ')}`,
        `  Stats:             GET ${statsUrl}  (reset: POST ${sandbox.cognitoEndpoint}${RESET_PATH})`,
        `  Revoke all keys:   POST ${sandbox.cognitoEndpoint}${REVOKE_PATH}`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n'),
    )
  }

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`Received ${signal} again; exiting now.\n`)
      process.exit(1)
    }
    stopping = true
    if (!json) process.stdout.write('Stopping the sandbox…\n')
    sandbox.close().then(
      () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        // Nothing should be left to keep the process alive; in case something is, don't hang.
        setTimeout(() => process.exit(0), 2000).unref()
      },
      (err: unknown) => {
        process.stderr.write(`Failed to stop the sandbox cleanly: ${String(err)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
