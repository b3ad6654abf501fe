import fc from 'fast-check'

/**
 * Runs for a property test: at least `minimum` (200 by default), more when the project-wide
 * fast-check `numRuns` is higher (`FC_NUM_RUNS`, which vitest.config.ts passes to both the Node
 * and the Chromium project). The seed always comes from the global configuration, so `FC_SEED`
 * replays a failure.
 */
export function fuzzRuns(minimum = 200): number {
  const configured = fc.readConfigureGlobal().numRuns ?? 0
  return Math.max(minimum, Number.isSafeInteger(configured) ? configured : 0)
}
