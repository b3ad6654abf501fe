import { invalidArgument, resourceErrors } from '../errors.js'
import type { ResourceDefinition } from '../resources/defineResource.js'
import { isResourceDefinition } from '../resources/definitionRegistry.js'
import { CacheKey, describePart, encodePart } from './CacheKey.js'
import { describeConfig } from './describeConfig.js'
import { identityOf } from './objectIds.js'

/**
 * The key of a cached resource: the definition (by identity), the canonical form of the config
 * its client is built with, and the canonical form of its `resourceOptions`. Secret-safe like
 * {@link ClientCacheKey}.
 *
 * @example
 * ```ts
 * const key = new ResourceCacheKey(documentClient, { region: 'us-east-1' })
 * String(key) // "DynamoDBDocumentClient({ region: 'us-east-1' })"
 * ```
 */
export class ResourceCacheKey<D extends ResourceDefinition = ResourceDefinition> extends CacheKey {
  /** Always `'resource'`. */
  readonly cacheType = 'resource' as const
  /** The resource definition. */
  readonly definition: D

  /**
   * @param definition - made by `defineResource`
   * @param config - the config of the resource's own client
   * @param resourceOptions - passed to the definition's `create`
   * @throws {@link ResourceCacheError} on a bad definition, a config that is not a plain object,
   *   or a cycle
   */
  constructor(definition: D, config?: object, resourceOptions?: unknown) {
    if (!isResourceDefinition(definition)) {
      throw invalidArgument(
        resourceErrors.Base,
        'definition',
        'a resource definition made by defineResource()',
        definition,
      )
    }
    const encodedConfig = encodePart(config ?? {}, 'config', resourceErrors, true)
    const encodedOptions = encodePart(resourceOptions, 'resourceOptions', resourceErrors, false)
    const description = describePart(config ?? {})
    const options = resourceOptions === undefined ? undefined : describeConfig(resourceOptions)
    super({
      identity: `${identityOf(definition)}|${encodedConfig}|${encodedOptions}`,
      id: `${definition.name}#${identityOf(definition)}${description.id}${options ? `+${options.id}` : ''}`,
      label: `${definition.name}(${description.label}${options ? `, ${options.label}` : ''})`,
      tokens: options ? [...description.tokens, ...options.tokens] : description.tokens,
      className: definition.name,
      region: description.region,
    })
    this.definition = definition
  }
}
