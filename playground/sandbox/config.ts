/**
 * Sandbox options, their defaults and environment overrides, and the configuration the
 * playground app receives (`virtual:sandbox-config`).
 */
import { DEFAULT_USER_POOL_CLIENT_ID, defaultUserPoolId } from './userPool.js'

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
  /** The user pool's id (`<region>_<id>`). Default: `<region>_Sandbox01`. */
  userPoolId?: string
  /** The user pool's app client id. Default: sandboxappclient0000000000. */
  userPoolClientId?: string
  /** Lifetime of the user pool's ID and access tokens, in seconds. Default: 3600 (as Cognito). */
  tokenTtlSeconds?: number
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
  /** The user pool, when there is one (always in sandbox mode; AWS: VITE_USER_POOL_ID). */
  userPoolId?: string
  /** Its app client (sandbox; AWS: VITE_USER_POOL_CLIENT_ID). */
  userPoolClientId?: string
  /** Where `InitiateAuth` goes: the sandbox's Cognito endpoint (absent for AWS). */
  userPoolEndpoint?: string
  /** Sandbox mode only: the demo users and their (demo) passwords. */
  demoUsers?: { username: string; password: string }[]
}

export type Env = Readonly<Record<string, string | undefined>>

export const DEFAULT_REGION = 'us-east-1'
export const DEFAULT_BUCKET = 'aws-client-cache-demo'
export const DEFAULT_CREDENTIAL_TTL_SECONDS = 900
export const DEFAULT_TOKEN_TTL_SECONDS = 3600
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
  const userPoolId = options.userPoolId ?? defaultUserPoolId(region)
  if (!userPoolId.startsWith(`${region}_`) || !/^[\w-]+_[0-9a-zA-Z]+$/.test(userPoolId)) {
    throw new Error(`userPoolId must look like ${region}_<id>, got ${userPoolId}`)
  }
  const userPoolClientId = options.userPoolClientId ?? DEFAULT_USER_POOL_CLIENT_ID
  if (!/^[\w+]{1,128}$/.test(userPoolClientId)) {
    throw new Error(`Invalid userPoolClientId: ${userPoolClientId}`)
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
    userPoolId,
    userPoolClientId,
    tokenTtlSeconds:
      parseTtl('tokenTtlSeconds', options.tokenTtlSeconds) ?? DEFAULT_TOKEN_TTL_SECONDS,
    allowedOrigins: [...allowedOrigins],
  }
}

/**
 * Real-AWS settings: all three of VITE_AWS_REGION, VITE_IDENTITY_POOL_ID, VITE_S3_BUCKET; a user
 * pool too with VITE_USER_POOL_ID and VITE_USER_POOL_CLIENT_ID (both, optional).
 */
export function awsConfigFromEnv(env: Env): SandboxClientConfig | undefined {
  const region = nonEmpty(env['VITE_AWS_REGION'])
  const identityPoolId = nonEmpty(env['VITE_IDENTITY_POOL_ID'])
  const bucket = nonEmpty(env['VITE_S3_BUCKET'])
  if (region === undefined || identityPoolId === undefined || bucket === undefined) return undefined
  const config: SandboxClientConfig = { mode: 'aws', region, identityPoolId, bucket }
  const userPoolId = nonEmpty(env['VITE_USER_POOL_ID'])
  const userPoolClientId = nonEmpty(env['VITE_USER_POOL_CLIENT_ID'])
  if (userPoolId !== undefined && userPoolClientId !== undefined) {
    config.userPoolId = userPoolId
    config.userPoolClientId = userPoolClientId
  }
  return config
}

/** Which of the real-AWS variables are set, for a warning when only some are. */
export function partialAwsEnv(env: Env): { set: string[]; missing: string[] } {
  const names = ['VITE_AWS_REGION', 'VITE_IDENTITY_POOL_ID', 'VITE_S3_BUCKET']
  return {
    set: names.filter((name) => nonEmpty(env[name]) !== undefined),
    missing: names.filter((name) => nonEmpty(env[name]) === undefined),
  }
}
