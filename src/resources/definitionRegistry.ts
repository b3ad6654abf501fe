import { invalidArgument, ResourceCacheError } from '../errors.js'
import type { ResourceDefinition } from './defineResource.js'
import type { ResourceCalls } from './resourceCalls.js'

/** Definitions made by `defineResource()`. */
const definitions = new WeakSet<object>()

/**
 * The resource path of sessions (`resource()`, `resourceAsync()`), installed by the first
 * `defineResource()`. Sessions reach it only through a definition, so an app that defines no
 * resource ships none of it.
 */
let calls: ResourceCalls | undefined

/** Records a definition made by `defineResource()`, and the resource path with it. @internal */
export function registerDefinition(definition: ResourceDefinition, path: ResourceCalls): void {
  definitions.add(definition)
  calls = path
}

/** `true` for objects made by `defineResource()`. @internal */
export function isResourceDefinition(value: unknown): value is ResourceDefinition {
  return typeof value === 'object' && value !== null && definitions.has(value)
}

/**
 * The resource path for `definition`.
 * @throws {@link ResourceCacheError} naming `definition` when it was not made by `defineResource()`
 * @internal
 */
export function resourceCallsFor(definition: unknown): ResourceCalls {
  if (!isResourceDefinition(definition) || calls === undefined) {
    throw invalidArgument(
      ResourceCacheError,
      'definition',
      'a resource definition made by defineResource()',
      definition,
    )
  }
  return calls
}
