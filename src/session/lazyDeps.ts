import {
  CacheError,
  clientErrors,
  invalidArgument,
  resourceErrors,
  type ErrorFamily,
} from '../errors.js'
import { isResourceDefinition } from '../resources/definitionRegistry.js'
import type { ResourceDefinition } from '../resources/defineResource.js'
import type { ClientConstructor } from '../types.js'
import { isClientClass } from './isClientClass.js'

/**
 * What the lazily imported modules (`loaders.ts`, imported by the first `clientAsync()` or
 * `resourceAsync()`; `partitions.ts`, by the first partition question) use of the eager core.
 * They receive these instead of importing them, so their chunks share no module with the core's
 * and every bundler (esbuild included) splits them off whole, with no shared chunk.
 * @internal
 */
export interface LazyDeps {
  readonly CacheError: typeof CacheError
  readonly clientErrors: ErrorFamily
  readonly resourceErrors: ErrorFamily
  readonly invalidArgument: typeof invalidArgument
  readonly isResourceDefinition: (value: unknown) => value is ResourceDefinition
  readonly isClientClass: (value: unknown) => value is ClientConstructor<unknown>
}

/** @internal */
export const lazyDeps: LazyDeps = {
  CacheError,
  clientErrors,
  resourceErrors,
  invalidArgument,
  isResourceDefinition,
  isClientClass,
}
