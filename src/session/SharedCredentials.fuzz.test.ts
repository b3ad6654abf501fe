/**
 * Model check of the shared credentials under identity switches: random interleavings of requests,
 * `switch()`, `invalidate()`, auth-error invalidations and the settling (resolve or reject) of the
 * sources' pending calls, in any order. Invariants:
 * - a request that starts after a switch never gets credentials of a source from before it;
 * - within one generation (between switches and invalidations) at most one call of the source is
 *   pending: concurrent requests share it;
 * - what is kept as current always comes from the source in force.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzRuns } from '../test-support/fuzzRuns.js'
import { flush } from '../test-support/deferred.js'
import type { AwsCredentialIdentity } from '../types.js'
import { SharedCredentials } from './SharedCredentials.js'

type Command =
  | { kind: 'request' }
  | { kind: 'switch' }
  | { kind: 'invalidate' }
  | { kind: 'authError'; index: number }
  | { kind: 'settle'; index: number; ok: boolean }

const command: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'request' as const }), weight: 4 },
  { arbitrary: fc.constant({ kind: 'switch' as const }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'invalidate' as const }), weight: 1 },
  {
    arbitrary: fc.record({ kind: fc.constant('authError' as const), index: fc.nat(20) }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      index: fc.nat(5),
      ok: fc.boolean(),
    }),
    weight: 3,
  },
)

interface SourceCall {
  readonly source: number
  readonly generation: number
  readonly resolve: (credentials: AwsCredentialIdentity) => void
  readonly reject: (error: Error) => void
}

describe('SharedCredentials (model check)', () => {
  it('never hands a request started after a switch the previous identity', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 120, size: 'max' }),
        async (commands) => {
          const pending: SourceCall[] = []
          let calls = 0
          const sourceNumber = (accessKeyId: string): number => Number(accessKeyId.split('-')[0])
          const makeSource = (source: number) => () =>
            new Promise<AwsCredentialIdentity>((resolve, reject) => {
              pending.push({ source, generation, resolve, reject })
            })
          let sourceInForce = 0
          /** Bumped by every switch and invalidation, as the implementation's must be. */
          let generation = 0
          const credentials = new SharedCredentials(makeSource(0), undefined, () => {})
          const settled: AwsCredentialIdentity[] = []
          const checks: Promise<void>[] = []

          for (const step of commands) {
            switch (step.kind) {
              case 'request': {
                const floor = sourceInForce
                checks.push(
                  credentials.provider().then(
                    (got) => {
                      expect(sourceNumber(got.accessKeyId)).toBeGreaterThanOrEqual(floor)
                      settled.push(got)
                    },
                    () => {},
                  ),
                )
                break
              }
              case 'switch':
                sourceInForce++
                generation++
                credentials.switch(makeSource(sourceInForce))
                break
              case 'invalidate':
                credentials.invalidate()
                generation++
                break
              case 'authError':
                if (
                  credentials.invalidateAfterAuthError(settled[step.index % (settled.length || 1)])
                )
                  generation++
                break
              case 'settle': {
                const call = pending.splice(step.index % (pending.length || 1), 1)[0]
                if (call === undefined) break
                if (step.ok)
                  call.resolve({ accessKeyId: `${call.source}-${++calls}`, secretAccessKey: 's' })
                else call.reject(new Error('source failed'))
                break
              }
            }
            await flush()
            // Shared resolution: at most one call of the source is pending per generation.
            expect(
              pending.filter((call) => call.generation === generation).length,
            ).toBeLessThanOrEqual(1)
            const current = credentials.current
            if (current !== undefined) expect(sourceNumber(current.accessKeyId)).toBe(sourceInForce)
          }
          // Settle what is left so every request's check runs.
          while (pending.length > 0) {
            const call = pending.shift()!
            call.resolve({ accessKeyId: `${call.source}-${++calls}`, secretAccessKey: 's' })
            await flush()
          }
          await Promise.all(checks)
        },
      ),
      { numRuns: fuzzRuns() },
    )
  })
})
