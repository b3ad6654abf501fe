import type { ResourceDefinition } from '../resources/defineResource.js'
import type { CacheOptions, ClientConfigOf, ClientConstructor } from '../types.js'
import { Session, type ResourceCallOptions } from './Session.js'
import type { SessionConfig } from './SessionConfig.js'

let defaultSession: Session | undefined

/**
 * The default session, created (with no config) on first use.
 *
 * @example
 * ```ts
 * getDefaultSession().snapshot().stats.hits
 * ```
 */
export function getDefaultSession(): Session {
  return (defaultSession ??= new Session())
}

/**
 * Replaces the default session with a new one built from `config`, and returns it. The previous
 * default session is left as it is (not disposed): clients it handed out keep working.
 *
 * @example
 * ```ts
 * import { client, setupDefaultSession } from 'aws-client-cache'
 *
 * setupDefaultSession({ region: 'us-east-1' })
 * client(S3Client) === client(S3Client) // true
 * ```
 * @throws {@link CacheError} for a bad config; the default session is then unchanged
 */
export function setupDefaultSession(config?: SessionConfig): Session {
  const session = new Session(config)
  defaultSession = session
  return session
}

/**
 * A cached client from the default session: `getDefaultSession().client(...)`.
 *
 * @example
 * ```ts
 * import { S3Client } from '@aws-sdk/client-s3'
 * import { client } from 'aws-client-cache'
 *
 * // defaults: evictionPolicy 'LRU', maxSize 10
 * const s3 = client(S3Client, { region: 'us-west-2' })
 * s3 === client(S3Client, { region: 'us-west-2' }) // true
 * ```
 */
export function client<C extends ClientConstructor<unknown>>(
  ClientClass: C,
  config?: ClientConfigOf<C>,
  options?: CacheOptions,
): InstanceType<C> {
  return getDefaultSession().client(ClientClass, config, options)
}

/**
 * A cached resource from the default session: `getDefaultSession().resource(...)`.
 *
 * @example
 * ```ts
 * const docs = resource(documentClient, { region: 'us-east-1' })
 * ```
 */
export function resource<
  TClient,
  TResource,
  TOptions,
  TClientClass extends ClientConstructor<TClient>,
>(
  definition: ResourceDefinition<TClient, TResource, TOptions, TClientClass>,
  config?: ClientConfigOf<TClientClass>,
  options?: ResourceCallOptions<TOptions>,
): TResource {
  return getDefaultSession().resource(definition, config, options)
}
