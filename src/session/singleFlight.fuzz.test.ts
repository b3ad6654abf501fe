/**
 * Model check of the session's single flight: random interleavings of `resourceAsync` calls on a
 * few keys, whose async `create`s the test settles (resolve or reject) in random order. Against a
 * naive model: per key, at most one create runs at a time; every caller gets the outcome of the
 * create it joined; a success is cached (later calls build nothing); a failure caches nothing.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Session, defineResource } from '../index.js'
import { fuzzRuns } from '../test-support/fuzzRuns.js'

class FakeClient {
  readonly middlewareStack = { add: () => {} }
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

interface Pending {
  readonly key: number
  readonly resolve: (value: object) => void
  readonly reject: (error: Error) => void
}

type Command = { kind: 'call'; key: number } | { kind: 'settle'; index: number; ok: boolean }

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('call' as const), key: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant('settle' as const), index: fc.nat({ max: 5 }), ok: fc.boolean() }),
)

const flush = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

describe('session single flight (model check)', () => {
  it('matches the naive model for any interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 200, size: 'max' }),
        async (commands) => {
          const session = new Session({ region: 'us-east-1', defaults: { maxSize: 10 } })
          const running: Pending[] = []
          let creates = 0
          const definition = defineResource({
            name: 'Gated',
            client: FakeClient,
            create: (_client, options: { key: number }) =>
              new Promise<object>((resolve, reject) => {
                creates++
                running.push({ key: options.key, resolve, reject })
              }),
          })
          // The model: per key, the cached value, or the callers waiting on the running create.
          const cached = new Map<number, object>()
          const waiting = new Map<number, { outcome?: unknown; ok?: boolean }[]>()
          let expectedCreates = 0
          const results: { key: number; cell: { outcome?: unknown; ok?: boolean } }[] = []

          for (const step of commands) {
            if (step.kind === 'call') {
              const cell: { outcome?: unknown; ok?: boolean } = {}
              if (!cached.has(step.key)) {
                if (!waiting.has(step.key)) {
                  waiting.set(step.key, [])
                  expectedCreates++
                }
                waiting.get(step.key)!.push(cell)
              }
              results.push({ key: step.key, cell })
              session
                .resourceAsync(definition, undefined, { resourceOptions: { key: step.key } })
                .then(
                  (value) => Object.assign(cell, { outcome: value, ok: true }),
                  (error: unknown) => Object.assign(cell, { outcome: error, ok: false }),
                )
              await flush()
            } else if (running.length > 0) {
              const target = running.splice(step.index % running.length, 1)[0]!
              const value = { key: target.key }
              if (step.ok) target.resolve(value)
              else target.reject(new Error(`create ${target.key} failed`))
              await flush()
              const cells = waiting.get(target.key) ?? []
              waiting.delete(target.key)
              for (const cell of cells) {
                expect(cell.ok).toBe(step.ok)
                expect(cell.outcome).toEqual(
                  step.ok ? value : new Error(`create ${target.key} failed`),
                )
              }
              if (step.ok) cached.set(target.key, value)
            }
            // At most one create per key at any time, and exactly the creates the model expects.
            const keys = running.map((pending) => pending.key)
            expect(new Set(keys).size).toBe(keys.length)
            expect(creates).toBe(expectedCreates)
          }
          // Calls made after a success got the cached value without a create.
          for (const { key, cell } of results) {
            if (cell.ok === true) expect(cell.outcome).toBe(cached.get(key))
          }
          for (const pending of running.splice(0)) pending.reject(new Error('end'))
          await flush()
        },
      ),
      { numRuns: fuzzRuns() },
    )
  })
})
