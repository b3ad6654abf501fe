/**
 * Calls an async call's loader at once (so the app's own `import()` starts with the call, not after
 * the session's loaders chunk arrives), as a promise: a loader that throws is a rejection.
 * @internal
 */
export function startLoader(loader: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(loader())
  } catch (error) {
    return Promise.reject(error)
  }
}
