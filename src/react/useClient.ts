import { useContext } from 'react'
import { ClientCacheKey } from '../keys/ClientCacheKey.js'
import { getDefaultSession } from '../session/defaultSession.js'
import type { CacheOptions, ClientConfigOf, ClientConstructor } from '../types.js'
import { SessionContext } from './SessionContext.js'
import { useCachedValue } from './useCachedValue.js'

/**
 * The session's cached client for this class and config (`session.client(...)` of the nearest
 * `SessionProvider`'s session, else the default session's).
 *
 * The same client across renders while the key is unchanged, whatever the config object's
 * identity: an inline `{ region: 'us-east-1' }` is fine. Re-renders do not count as cache hits.
 * If the client leaves the cache (evicted, cleared, resized away), the next render gets a fresh
 * one. Size the cache for the clients your mounted components use at once: with more, they evict
 * each other on every render.
 *
 * @example
 * ```tsx
 * import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3'
 * import { useClient } from 'aws-client-cache/react'
 *
 * function Objects({ bucket }: { bucket: string }) {
 *   const s3 = useClient(S3Client, { region: 'us-east-1' })
 *   useEffect(() => {
 *     void s3.send(new ListObjectsV2Command({ Bucket: bucket }))
 *   }, [s3, bucket])
 *   // …
 * }
 * ```
 * @throws {@link ClientCacheError} on bad input, like `session.client()`
 */
export function useClient<C extends ClientConstructor<unknown>>(
  ClientClass: C,
  config?: ClientConfigOf<C>,
  options?: CacheOptions,
): InstanceType<C> {
  const session = useContext(SessionContext) ?? getDefaultSession()
  return useCachedValue(session, 'client', new ClientCacheKey(ClientClass, config), options, () =>
    session.client(ClientClass, config, options),
  )
}
