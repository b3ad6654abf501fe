/**
 * Sandbox options, their defaults and environment overrides, and the configuration the
 * playground app receives (`virtual:sandbox-config`).
 */

export interface SandboxOptions {
  /** S3 (s3rver) port; 0 = a free port. Default: env SANDBOX_S3_PORT, else 0. */
  s3Port?: number
  /** Cognito Identity port; 0 = a free port. Default: env SANDBOX_COGNITO_PORT, else 0. */
  cognitoPort?: number
  /** Lifetime of issued credentials, in seconds. Default: env SANDBOX_CREDENTIAL_TTL, else 900. */
  credentialTtlSeconds?: number
  /** Default: `<region>:00000000-0000-4000-8000-000000000000`. */
  identityPoolId?: string
  /** Default: the identity pool id's region, else us-east-1. */
  region?: string
  /** Default: aws-client-cache-demo. */
  bucket?: string
  /**
   * Origins allowed by CORS (S3 AllowedOrigin syntax: exact, `*`, or one `*` wildcard).
   * Default: env SANDBOX_ALLOWED_ORIGINS (comma-separated), else ['*'].
   */
  allowedOrigins?: readonly string[]
}

export type ResolvedSandboxOptions = Required<SandboxOptions>

/** What the playground app imports from `virtual:sandbox-config`. */
export interface SandboxClientConfig {
  mode: 'sandbox' | 'aws'
  region: string
  identityPoolId: string
  bucket: string
  /** Sandbox mode only (absent in a production build without fixed sandbox ports). */
  s3Endpoint?: string
  /** Sandbox mode only (absent in a production build without fixed sandbox ports). */
  cognitoEndpoint?: string
}

export type Env = Readonly<Record<string, string | undefined>>

export const DEFAULT_REGION = 'us-east-1'
export const DEFAULT_BUCKET = 'aws-client-cache-demo'
export const DEFAULT_CREDENTIAL_TTL_SECONDS = 900
/** setTimeout's limit is ~24.8 days; AWS's is far lower anyway (Cognito: at most 1 hour). */
export const MAX_CREDENTIAL_TTL_SECONDS = 12 * 60 * 60
export const SANDBOX_HOST = '127.0.0.1'

export function defaultIdentityPoolId(region: string): string {
  return `${region}:00000000-0000-4000-8000-000000000000`
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed === '' ? undefined : trimmed
}

function parsePort(name: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined
  const port = typeof value === 'number' ? value : Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} must be a port number (0-65535), got ${String(value)}`)
  }
  return port
}

function parseTtl(name: string, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined
  const ttl = typeof value === 'number' ? value : Number(value)
  if (!Number.isFinite(ttl) || ttl <= 0 || ttl > MAX_CREDENTIAL_TTL_SECONDS) {
    throw new Error(
      `${name} must be a number of seconds in (0, ${MAX_CREDENTIAL_TTL_SECONDS}], got ${String(value)}`,
    )
  }
  return ttl
}

/** Sandbox options set through the environment (SANDBOX_*). */
export function sandboxOptionsFromEnv(env: Env = process.env): SandboxOptions {
  const options: SandboxOptions = {}
  const s3Port = parsePort('SANDBOX_S3_PORT', nonEmpty(env['SANDBOX_S3_PORT']))
  const cognitoPort = parsePort('SANDBOX_COGNITO_PORT', nonEmpty(env['SANDBOX_COGNITO_PORT']))
  const ttl = parseTtl('SANDBOX_CREDENTIAL_TTL', nonEmpty(env['SANDBOX_CREDENTIAL_TTL']))
  const origins = nonEmpty(env['SANDBOX_ALLOWED_ORIGINS'])
  if (s3Port !== undefined) options.s3Port = s3Port
  if (cognitoPort !== undefined) options.cognitoPort = cognitoPort
  if (ttl !== undefined) options.credentialTtlSeconds = ttl
  if (origins !== undefined) {
    options.allowedOrigins = origins
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== '')
  }
  return options
}

/** Explicit options win over the environment, which wins over the defaults. */
export function resolveSandboxOptions(
  options: SandboxOptions = {},
  env: Env = process.env,
): ResolvedSandboxOptions {
  const fromEnv = sandboxOptionsFromEnv(env)
  const poolRegion = options.identityPoolId?.split(':')[0]
  const region = options.region ?? (poolRegion || DEFAULT_REGION)
  const identityPoolId = options.identityPoolId ?? defaultIdentityPoolId(region)
  if (identityPoolId.length > 55 || !/^[\w-]+:[0-9a-f-]+$/.test(identityPoolId)) {
    throw new Error(`identityPoolId must look like <region>:<uuid>, got ${identityPoolId}`)
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) throw new Error(`Invalid region: ${region}`)
  const bucket = options.bucket ?? DEFAULT_BUCKET
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new Error(`Invalid bucket name: ${bucket}`)
  }
  const allowedOrigins = options.allowedOrigins ?? fromEnv.allowedOrigins ?? ['*']
  if (allowedOrigins.length === 0) throw new Error('allowedOrigins must not be empty')
  return {
    s3Port: parsePort('s3Port', options.s3Port) ?? fromEnv.s3Port ?? 0,
    cognitoPort: parsePort('cognitoPort', options.cognitoPort) ?? fromEnv.cognitoPort ?? 0,
    credentialTtlSeconds:
      parseTtl('credentialTtlSeconds', options.credentialTtlSeconds) ??
      fromEnv.credentialTtlSeconds ??
      DEFAULT_CREDENTIAL_TTL_SECONDS,
    identityPoolId,
    region,
    bucket,
    allowedOrigins: [...allowedOrigins],
  }
}

/** Real-AWS settings: all three of VITE_AWS_REGION, VITE_IDENTITY_POOL_ID, VITE_S3_BUCKET. */
export function awsConfigFromEnv(env: Env): SandboxClientConfig | undefined {
  const region = nonEmpty(env['VITE_AWS_REGION'])
  const identityPoolId = nonEmpty(env['VITE_IDENTITY_POOL_ID'])
  const bucket = nonEmpty(env['VITE_S3_BUCKET'])
  if (region === undefined || identityPoolId === undefined || bucket === undefined) return undefined
  return { mode: 'aws', region, identityPoolId, bucket }
}

/** Which of the real-AWS variables are set, for a warning when only some are. */
export function partialAwsEnv(env: Env): { set: string[]; missing: string[] } {
  const names = ['VITE_AWS_REGION', 'VITE_IDENTITY_POOL_ID', 'VITE_S3_BUCKET']
  return {
    set: names.filter((name) => nonEmpty(env[name]) !== undefined),
    missing: names.filter((name) => nonEmpty(env[name]) === undefined),
  }
}
