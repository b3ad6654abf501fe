import {
  ClientCacheError,
  clientErrors,
  invalidArgument,
  ResourceCacheError,
  resourceErrors,
  type ErrorFamily,
} from '../errors.js'
import { isResourceDefinition, type ResourceDefinition } from '../resources/defineResource.js'
import type { ClientConstructor } from '../types.js'
import { isClientClass, resolveClientModule } from './resolveClientModule.js'

/** Runs an async call's loader; its failure becomes a `LOADER_FAILED` error with the cause. */
async function load(loader: () => unknown, family: ErrorFamily, method: string): Promise<unknown> {
  try {
    return await loader()
  } catch (cause) {
    throw new family.Base(`the loader passed to ${method}() failed; see \`cause\``, {
      code: 'LOADER_FAILED',
      param: 'loader',
      cause,
    })
  }
}

/**
 * The client class of `clientAsync()`'s first argument: the class itself, or what its loader
 * resolves to (the class, `{ default: Class }`, or a client module's namespace).
 * @internal
 */
export async function loadClientClass(classOrLoader: unknown): Promise<ClientConstructor<unknown>> {
  if (isClientClass(classOrLoader)) return classOrLoader
  if (typeof classOrLoader === 'function') {
    return resolveClientModule(
      await load(classOrLoader as () => unknown, clientErrors, 'clientAsync'),
    )
  }
  throw invalidArgument(
    ClientCacheError,
    'ClientClassOrLoader',
    'a client class or a function returning a promise of one',
    classOrLoader,
  )
}

/**
 * The definition of `resourceAsync()`'s first argument: the definition itself, or what its loader
 * resolves to (the definition or `{ default: definition }`).
 * @internal
 */
export async function loadResourceDefinition(
  definitionOrLoader: unknown,
): Promise<ResourceDefinition> {
  if (isResourceDefinition(definitionOrLoader)) return definitionOrLoader
  if (typeof definitionOrLoader !== 'function') {
    throw invalidArgument(
      ResourceCacheError,
      'definitionOrLoader',
      'a resource definition or a loader function',
      definitionOrLoader,
    )
  }
  const loaded = await load(definitionOrLoader as () => unknown, resourceErrors, 'resourceAsync')
  const candidate = isResourceDefinition(loaded)
    ? loaded
    : (loaded as { default?: unknown } | null)?.default
  if (!isResourceDefinition(candidate)) {
    throw invalidArgument(
      ResourceCacheError,
      'loader',
      'to resolve to a resource definition or { default: definition }',
      loaded,
    )
  }
  return candidate
}

/** `true` for a thenable (a `create` that returned a promise). @internal */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}
