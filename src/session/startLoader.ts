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
