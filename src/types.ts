/** Which entry is evicted first when a cache is full. Case sensitive. */
export type EvictionPolicy = 'LRU' | 'LFU'

/** What a cache holds. */
export type CacheType = 'client' | 'resource'

/** Why an entry left a cache. */
export type EvictReason = 'capacity' | 'resize' | 'delete' | 'clear' | 'dispose'

/** Per-call cache options. */
export interface CacheOptions {
  /** `'LRU'` (default) or `'LFU'`. */
  evictionPolicy?: EvictionPolicy
  /** A positive safe integer. Passing one different from the cache's current size resizes it. */
  maxSize?: number
}

/**
 * Static AWS credentials, structurally the SDK's `AwsCredentialIdentity` (declared here so the
 * core needs no `@aws-sdk/*` package).
 */
export interface AwsCredentialIdentity {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
  readonly credentialScope?: string
  readonly accountId?: string
  readonly expiration?: Date
}

/**
 * A function that resolves credentials, structurally the SDK's `AwsCredentialIdentityProvider`
 * (its options, such as `{ forceRefresh: true }`, are passed through untouched).
 */
export type AwsCredentialIdentityProvider = {
  // Method syntax: parameters are bivariant, so every SDK provider (whatever its options type) fits.
  provide(options?: object): Promise<AwsCredentialIdentity>
}['provide']

/** The part of an AWS SDK v3 client this package relies on. */
export interface AwsClientLike {
  send(command: unknown, ...rest: unknown[]): Promise<unknown>
  destroy(): void
  readonly config?: unknown
  readonly middlewareStack?: unknown
}

/**
 * Any AWS SDK v3 client class, e.g. `S3Client`: instances have `send()`, `destroy()`, `config`
 * and `middlewareStack`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- SDK client configs are per-service; any config object is accepted and passed through
export type ClientConstructor<TClient> = new (config: any) => TClient

/** The config a client class accepts (its constructor's first parameter). */
export type ClientConfigOf<C> = C extends new (...args: infer A) => unknown
  ? [A] extends [[]]
    ? Record<string, unknown>
    : NonNullable<A[0]>
  : never
