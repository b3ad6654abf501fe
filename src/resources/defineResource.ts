import { invalidArgument, resourceErrors } from '../errors.js'
import { isConstructor } from '../keys/ClientCacheKey.js'
import type { ClientConstructor } from '../types.js'
import { registerDefinition } from './definitionRegistry.js'
import { resourceCalls } from './resourceCalls.js'

/**
 * How to build a resource: a higher-level object over a client, the JavaScript counterpart of a
 * boto3 resource (e.g. `DynamoDBDocumentClient.from(client)`). Made by {@link defineResource}.
 *
 * @typeParam TClient - the client `create` receives (an instance of `TClientClass`)
 * @typeParam TResource - what `create` builds
 * @typeParam TOptions - the `resourceOptions` `create` receives
 * @typeParam TClientClass - the client class; calls check their `config` as its config
 */
export interface ResourceDefinition<
  TClient = unknown,
  TResource = unknown,
  TOptions = unknown,
  TClientClass extends ClientConstructor<TClient> = ClientConstructor<TClient>,
> {
  /** Shown in labels, snapshots and the devtools. */
  readonly name: string
  /**
   * The client class the resource is built over; `resource()`, `resourceAsync()` and
   * `useResource()` check their `config` as this class's config.
   */
  readonly client: TClientClass
  /** Builds the resource from its own client and the call's `resourceOptions`. */
  // Method syntax on purpose: parameters are then bivariant, so any definition is assignable to
  // the plain `ResourceDefinition` that caches and keys accept.
  create(client: TClient, resourceOptions: TOptions): TResource | Promise<TResource>
}

/**
 * Defines a resource. Keep the definition at module level: resources are keyed by the
 * definition's identity, so a definition made inside a function caches nothing across calls.
 *
 * @example
 * ```ts
 * import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
 * import { DynamoDBDocumentClient, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
 * import { defineResource, resource } from 'aws-client-cache'
 *
 * export const documentClient = defineResource({
 *   name: 'DynamoDBDocumentClient',
 *   client: DynamoDBClient,
 *   create: (client, options?: TranslateConfig) => DynamoDBDocumentClient.from(client, options),
 * })
 *
 * const docs = resource(documentClient, { region: 'us-east-1' })
 * ```
 * @throws {@link ResourceCacheError} when a field is missing or of the wrong type
 */
export function defineResource<
  TClient,
  TResource,
  TOptions = undefined,
  TClientClass extends ClientConstructor<TClient> = ClientConstructor<TClient>,
>(definition: {
  name: string
  // The intersection infers both: the class (whose config calls are checked against) and the
  // client its instances are (what `create` receives).
  client: TClientClass & ClientConstructor<TClient>
  create: (client: TClient, resourceOptions: TOptions) => TResource | Promise<TResource>
}): ResourceDefinition<TClient, TResource, TOptions, TClientClass> {
  if (definition === null || typeof definition !== 'object') {
    throw invalidArgument(
      resourceErrors.Base,
      'definition',
      'an object { name, client, create }',
      definition,
    )
  }
  const { name, client, create } = definition
  if (typeof name !== 'string' || name.length === 0) {
    throw invalidArgument(resourceErrors.Base, 'definition.name', 'a non-empty string', name)
  }
  if (!isConstructor(client)) {
    throw invalidArgument(
      resourceErrors.Base,
      'definition.client',
      'an AWS SDK client class',
      client,
    )
  }
  if (typeof create !== 'function') {
    throw invalidArgument(
      resourceErrors.Base,
      'definition.create',
      'a function (client, resourceOptions) => resource',
      create,
    )
  }
  const frozen = Object.freeze({ name, client, create })
  // The definition brings the sessions' resource path with it (see resourceCalls.ts).
  registerDefinition(frozen, resourceCalls)
  return frozen
}
