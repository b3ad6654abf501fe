import { lazyDeps, type LazyDeps } from './lazyDeps.js'
import type * as Loaders from './loaders.js'

/**
 * What the first argument of `clientAsync()` or `resourceAsync()` names when it is not yet a class
 * or a definition: its loader is started at once (so the app's own `import()` starts with the
 * call), then `pick`'s function from the loaders' lazy chunk reads what it resolved to, or rejects
 * a first argument that is no loader.
 * @internal
 */
export async function fromLoader<T>(
  loader: unknown,
  pick: (
    loaders: typeof Loaders,
  ) => (loader: unknown, started: Promise<unknown> | undefined, deps: LazyDeps) => Promise<T>,
): Promise<T> {
  const started = typeof loader === 'function' ? startLoader(loader as () => unknown) : undefined
  return pick(await import('./loaders.js'))(loader, started, lazyDeps)
}

/**
 * Calls an async call's loader at once (so the app's own `import()` starts with the call, not after
 * the session's loaders chunk arrives), as a promise: a loader that throws is a rejection. The
 * promise is marked handled: its failure is read once the loaders chunk is in, and must not be
 * reported as an unhandled rejection meanwhile.
 * @internal
 */
export function startLoader(loader: () => unknown): Promise<unknown> {
  let started: Promise<unknown>
  try {
    started = Promise.resolve(loader())
  } catch (error) {
    // The loader's own throw, whatever it is, as LOADER_FAILED's cause.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    started = Promise.reject(error)
  }
  started.catch(noop)
  return started
}

function noop(): void {}
