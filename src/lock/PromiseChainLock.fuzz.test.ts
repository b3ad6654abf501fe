import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PromiseChainLock } from './PromiseChainLock.js'
import { fuzzRuns } from '../test-support/fuzzRuns.js'

/**
 * Model check: random sequences of calls (synchronous value, synchronous throw, or a deferred
 * the test settles later), settlements and aborts, with or without letting microtasks run in
 * between, checked against what the contract says must happen.
 */

/**
 * At least 200 runs; `FC_NUM_RUNS` raises it and `FC_SEED` replays a failure (see fuzzRuns).
 */
const NUM_RUNS = fuzzRuns()

type Kind = 'value' | 'throw' | 'async'

type Command =
  | {
      type: 'call'
      kind: Kind
      asyncOk: boolean
      signal: 'none' | 'live' | 'aborted'
      flush: boolean
    }
  | { type: 'settle'; flush: boolean }
  | { type: 'abort'; pick: number; flush: boolean }

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      type: fc.constant('call' as const),
      kind: fc.constantFrom<Kind>('value', 'throw', 'async'),
      asyncOk: fc.boolean(),
      signal: fc.constantFrom('none' as const, 'live' as const, 'aborted' as const),
      flush: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ type: fc.constant('settle' as const), flush: fc.boolean() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant('abort' as const),
      pick: fc.nat(),
      flush: fc.boolean(),
    }),
  },
)

interface Task {
  readonly id: number
  readonly kind: Kind
  readonly asyncOk: boolean
  readonly value: { task: number }
  readonly error: Error
  readonly reason: Error
  readonly controller: AbortController | undefined
  /** Aborted before it was called: must reject at once and never run. */
  readonly preAborted: boolean
  startCount: number
  /** Aborted while it waited (or before it was called). */
  abortedBeforeStart: boolean
  /** Only for `async`: settles the promise fn returned. */
  settle?: () => void
  outcome?: { ok: true; value: unknown } | { ok: false; reason: unknown }
}

class Harness {
  readonly lock = new PromiseChainLock()
  readonly tasks: Task[] = []
  readonly starts: number[] = []
  /** The task whose fn has started and whose result has not settled yet. */
  active: Task | undefined = undefined
  violations: string[] = []
  progress = 0

  call(command: Extract<Command, { type: 'call' }>): void {
    const id = this.tasks.length
    const controller = command.signal === 'none' ? undefined : new AbortController()
    const task: Task = {
      id,
      kind: command.kind,
      asyncOk: command.asyncOk,
      value: { task: id },
      error: new Error(`task ${id} failed`),
      reason: new Error(`task ${id} aborted`),
      controller,
      preAborted: command.signal === 'aborted',
      startCount: 0,
      abortedBeforeStart: command.signal === 'aborted',
    }
    this.tasks.push(task)
    if (task.preAborted) controller!.abort(task.reason)

    const fn = (): unknown => {
      this.progress++
      task.startCount++
      this.starts.push(id)
      if (this.active !== undefined) {
        this.violations.push(`task ${id} started while task ${this.active.id} was running`)
      }
      if (task.abortedBeforeStart) this.violations.push(`aborted task ${id} ran`)
      switch (task.kind) {
        case 'value':
          return task.value
        case 'throw':
          throw task.error
        case 'async':
          this.active = task
          return new Promise((resolve, reject) => {
            task.settle = () => {
              this.active = undefined
              if (task.asyncOk) resolve(task.value)
              else reject(task.error)
            }
          })
      }
    }

    const wasLocked = this.lock.locked
    const pendingBefore = this.lock.pending
    const promise = this.lock.runExclusive(fn, controller && { signal: controller.signal })
    promise.then(
      (value) => {
        this.progress++
        task.outcome = { ok: true, value }
      },
      (reason: unknown) => {
        this.progress++
        task.outcome = { ok: false, reason }
      },
    )

    if (task.preAborted) {
      expect(task.startCount).toBe(0)
      expect(this.lock.pending).toBe(pendingBefore)
      expect(this.lock.locked).toBe(wasLocked)
    } else if (!wasLocked) {
      // A free lock starts fn before runExclusive returns.
      expect(task.startCount).toBe(1)
      expect(this.lock.locked).toBe(true)
      expect(this.lock.pending).toBe(pendingBefore)
    } else {
      expect(task.startCount).toBe(0)
      expect(this.lock.pending).toBe(pendingBefore + 1)
    }
  }

  settleActive(): void {
    this.active?.settle?.()
  }

  abort(pick: number): void {
    const live = this.tasks.filter(
      (t) => t.controller !== undefined && !t.controller.signal.aborted,
    )
    if (live.length === 0) return
    const task = live[pick % live.length]!
    const waiting = task.startCount === 0
    const pendingBefore = this.lock.pending
    if (waiting) task.abortedBeforeStart = true
    task.controller!.abort(task.reason)
    // A waiter leaves the queue at once; aborting a started task changes nothing.
    expect(this.lock.pending).toBe(waiting ? pendingBefore - 1 : pendingBefore)
  }

  /** Runs microtasks until nothing has happened for a while: the lock is then quiescent. */
  async flush(): Promise<void> {
    let quiet = 0
    for (let i = 0; i < 100_000 && quiet < 25; i++) {
      const before = this.progress
      await Promise.resolve()
      quiet = this.progress === before ? quiet + 1 : 0
    }
  }

  /** What must hold whenever no microtask is left to run. */
  checkQuiescent(): void {
    expect(this.lock.locked).toBe(this.active !== undefined)
    const waiting = this.tasks.filter((t) => t.startCount === 0 && !t.abortedBeforeStart)
    expect(this.lock.pending).toBe(waiting.length)
    // Nothing waits while the lock is free.
    if (!this.lock.locked) expect(waiting).toEqual([])
  }

  checkFinal(): void {
    expect(this.violations).toEqual([])
    // FIFO: starts happen in call order.
    const sorted = [...this.starts].sort((a, b) => a - b)
    expect(this.starts).toEqual(sorted)
    for (const task of this.tasks) {
      if (task.abortedBeforeStart) {
        expect(task.startCount, `task ${task.id} aborted before it ran`).toBe(0)
        expect(task.outcome).toEqual({ ok: false, reason: task.reason })
        continue
      }
      expect(task.startCount, `task ${task.id} runs exactly once`).toBe(1)
      const expected =
        task.kind === 'value' || (task.kind === 'async' && task.asyncOk)
          ? { ok: true, value: task.value }
          : { ok: false, reason: task.error }
      expect(task.outcome, `task ${task.id} gets its own outcome`).toEqual(expected)
      // Identity, not just structural equality.
      if (task.outcome?.ok === true) expect(task.outcome.value).toBe(task.value)
      else if (task.outcome !== undefined) expect(task.outcome.reason).toBe(task.error)
    }
    expect(this.lock.locked).toBe(false)
    expect(this.lock.pending).toBe(0)
  }
}

describe('PromiseChainLock model check (fast-check)', () => {
  it(`keeps FIFO, mutual exclusion, aborts and outcomes (${NUM_RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { maxLength: 40 }), async (commands) => {
        const harness = new Harness()
        for (const command of commands) {
          switch (command.type) {
            case 'call':
              harness.call(command)
              break
            case 'settle':
              harness.settleActive()
              break
            case 'abort':
              harness.abort(command.pick)
              break
          }
          if (command.flush) {
            await harness.flush()
            harness.checkQuiescent()
          }
        }
        // Drain: settle whatever holds the lock until every task has run or been aborted.
        await harness.flush()
        harness.checkQuiescent()
        while (harness.active !== undefined) {
          harness.settleActive()
          await harness.flush()
          harness.checkQuiescent()
        }
        harness.checkFinal()
      }),
      { numRuns: NUM_RUNS },
    )
  })
})
