import { useContext } from 'react'
import { ResourceCacheKey } from '../keys/ResourceCacheKey.js'
import type { ResourceDefinition } from '../resources/defineResource.js'
import { getDefaultSession } from '../session/defaultSession.js'
import type { ResourceCallOptions } from '../session/resourceCallTypes.js'
import type { ClientConfigOf, ClientConstructor } from '../types.js'
import { SessionContext } from './SessionContext.js'
import { useCachedValue } from './useCachedValue.js'

/**
 * The session's cached resource for this definition, config and `resourceOptions`
 * (`session.resource(...)` of the nearest `SessionProvider`'s session, else the default
 * session's). Stable across renders while the key is unchanged, like {@link useClient}; the
 * definition's `create` must be synchronous.
 *
 * @example
 * ```tsx
 * const documentClient = defineResource({
 *   name: 'DynamoDBDocumentClient',
 *   client: DynamoDBClient,
 *   create: (client) => DynamoDBDocumentClient.from(client),
 * })
 *
 * function Orders() {
 *   const docs = useResource(documentClient, { region: 'us-east-1' })
 *   // …
 * }
 * ```
 * @throws {@link ResourceCacheError} on bad input or an async `create`, like `session.resource()`
 */
export function useResource<
  TClient,
  TResource,
  TOptions,
  TClientClass extends ClientConstructor<TClient>,
>(
  definition: ResourceDefinition<TClient, TResource, TOptions, TClientClass>,
  config?: ClientConfigOf<TClientClass>,
  options?: ResourceCallOptions<TOptions>,
): TResource {
  const session = useContext(SessionContext) ?? getDefaultSession()
  return useCachedValue(
    session,
    'resource',
    new ResourceCacheKey(definition, config, options?.resourceOptions),
    options,
    () => session.resource(definition, config, options),
  )
}
