/**
 * Calls an async call's loader at once (so the app's own `import()` starts with the call, not after
 * the session's loaders chunk arrives), as a promise: a loader that throws is a rejection.
 * @internal
 */
export function startLoader(loader: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(loader())
  } catch (error) {
    // The loader's own throw, whatever it is, as LOADER_FAILED's cause.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return Promise.reject(error)
  }
}
