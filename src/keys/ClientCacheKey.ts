import { clientErrors, invalidArgument } from '../errors.js'
import type { ClientConfigOf, ClientConstructor } from '../types.js'
import { CacheKey, describePart, encodePart } from './CacheKey.js'
import { clientClassName } from './clientClassName.js'
import { identityOf } from './objectIds.js'

/**
 * The key of a cached client: the client class (by identity) plus the canonical form of its
 * config. Equal configs give equal keys whatever their property order; configs that differ only
 * in a secret give different keys; no secret ever shows in `id`, `label` or any string form.
 *
 * @example
 * ```ts
 * import { S3Client } from '@aws-sdk/client-s3'
 * import { ClientCacheKey, LRUClientCache } from 'aws-client-cache'
 *
 * const cache = new LRUClientCache({ maxSize: 30 })
 * const config = { region: 'us-west-2' }
 * const key = new ClientCacheKey(S3Client, config)
 * cache.set(key, new S3Client(config))
 * cache.get(new ClientCacheKey(S3Client, { region: 'us-west-2' })) // the same client
 * String(key) // "S3Client({ region: 'us-west-2' })"
 * ```
 */
export class ClientCacheKey<
  C extends ClientConstructor<unknown> = ClientConstructor<unknown>,
> extends CacheKey {
  /** Always `'client'`. */
  readonly cacheType = 'client' as const
  /** The client class. */
  readonly ClientClass: C

  /**
   * @param ClientClass - an AWS SDK v3 client class, e.g. `S3Client`
   * @param config - the config the client is (or would be) built with
   * @throws {@link ClientCacheError} when `ClientClass` is not a constructor, `config` is not a
   *   plain object, or `config` contains a cycle
   */
  constructor(ClientClass: C, config?: ClientConfigOf<C>) {
    if (!isConstructor(ClientClass)) {
      throw invalidArgument(
        clientErrors.Base,
        'ClientClass',
        'an AWS SDK client class (a constructor, e.g. S3Client)',
        ClientClass,
      )
    }
    const encoded = encodePart(config ?? {}, 'config', clientErrors, true)
    const className = clientClassName(ClientClass)
    const description = describePart(config ?? {})
    super({
      identity: `${identityOf(ClientClass)}|${encoded}`,
      id: `${className}#${identityOf(ClientClass)}${description.id}`,
      label: `${className}(${description.label})`,
      tokens: description.tokens,
      className,
      region: description.region,
    })
    this.ClientClass = ClientClass
  }
}

/** `true` for functions that can be called with `new`. @internal */
export function isConstructor(value: unknown): value is ClientConstructor<unknown> {
  return (
    typeof value === 'function' &&
    typeof (value as { prototype?: unknown }).prototype === 'object' &&
    (value as { prototype?: unknown }).prototype !== null
  )
}
