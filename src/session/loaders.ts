import type { ErrorFamily } from '../errors.js'
import type { ResourceDefinition } from '../resources/defineResource.js'
import type { ClientConstructor } from '../types.js'
import type { LazyDeps } from './lazyDeps.js'
import { resolveClientModule } from './resolveClientModule.js'

/** Waits for a loader the session started; its failure becomes `LOADER_FAILED` with the cause. */
async function load(
  started: Promise<unknown>,
  family: ErrorFamily,
  method: string,
): Promise<unknown> {
  try {
    return await started
  } catch (cause) {
    throw new family.Base(`the loader passed to ${method}() failed; see \`cause\``, {
      code: 'LOADER_FAILED',
      param: 'loader',
      cause,
    })
  }
}

// This module is a lazy chunk (the first clientAsync()/resourceAsync() imports it): it imports
// types only and receives what it needs of the core as `LazyDeps`, so it shares no code with
// the core's chunk.

/**
 * The client class of `clientAsync()`'s first argument when it is not a class: what its loader
 * (`started` by the session, so it runs at once) resolves to — the class, `{ default: Class }`,
 * or a client module's namespace. `started` is `undefined` when the argument is no function.
 * @internal
 */
export async function loadClientClass(
  classOrLoader: unknown,
  started: Promise<unknown> | undefined,
  deps: LazyDeps,
): Promise<ClientConstructor<unknown>> {
  const { clientErrors, invalidArgument } = deps
  if (started !== undefined) {
    return resolveClientModule(await load(started, clientErrors, 'clientAsync'), deps)
  }
  throw invalidArgument(
    clientErrors.Base,
    'ClientClassOrLoader',
    'a client class or a function returning a promise of one',
    classOrLoader,
  )
}

/**
 * The definition of `resourceAsync()`'s first argument when it is not a definition: what its
 * loader (`started` by the session) resolves to — the definition or `{ default: definition }`.
 * `started` is `undefined` when the argument is no function.
 * @internal
 */
export async function loadResourceDefinition(
  definitionOrLoader: unknown,
  started: Promise<unknown> | undefined,
  { resourceErrors, invalidArgument, isResourceDefinition }: LazyDeps,
): Promise<ResourceDefinition> {
  if (started === undefined) {
    throw invalidArgument(
      resourceErrors.Base,
      'definitionOrLoader',
      'a resource definition or a loader function',
      definitionOrLoader,
    )
  }
  const loaded = await load(started, resourceErrors, 'resourceAsync')
  const candidate = isResourceDefinition(loaded)
    ? loaded
    : (loaded as { default?: unknown } | null)?.default
  if (!isResourceDefinition(candidate)) {
    throw invalidArgument(
      resourceErrors.Base,
      'loader',
      'to resolve to a resource definition or { default: definition }',
      loaded,
    )
  }
  return candidate
}
