/**
 * Reports an error that must not reach the caller whose operation triggered it (a throwing event
 * listener, `onEvict` hook or `destroy()`): `reportError` where the runtime has it (browsers,
 * Deno, Bun), else `console.error`.
 * @internal
 */
export function reportError(error: unknown, what: string): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError
  if (typeof report === 'function') report(error)
  else console.error(`aws-client-cache: ${what} threw`, error)
}
