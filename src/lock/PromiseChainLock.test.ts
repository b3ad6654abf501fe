import { describe, expect, it } from 'vitest'
import { CacheError } from '../errors.js'
import { PromiseChainLock } from './PromiseChainLock.js'
import { deferred, flush } from '../test-support/deferred.js'

/** Records the outcome of a promise without leaving a rejection unhandled. */
function settleOf<T>(promise: Promise<T>) {
  const state: { status: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown } = {
    status: 'pending',
  }
  promise.then(
    (value) => {
      state.status = 'fulfilled'
      state.value = value
    },
    (reason: unknown) => {
      state.status = 'rejected'
      state.reason = reason
    },
  )
  return state
}

/** An AbortSignal-like object that counts its listeners, to check nothing leaks. */
class FakeSignal {
  aborted = false
  reason: unknown = undefined
  readonly listeners = new Set<() => void>()
  added = 0
  removed = 0
  addEventListener(_type: 'abort', listener: () => void): void {
    this.added++
    this.listeners.add(listener)
  }
  removeEventListener(_type: 'abort', listener: () => void): void {
    if (this.listeners.delete(listener)) this.removed++
  }
  /** Aborts and dispatches, like AbortController.abort(). */
  abort(reason: unknown): void {
    this.aborted = true
    this.reason = reason
    for (const listener of [...this.listeners]) listener()
    this.listeners.clear()
  }
  asSignal(): AbortSignal {
    return this as unknown as AbortSignal
  }
}

describe('PromiseChainLock: a free lock', () => {
  it('starts fn synchronously, before runExclusive returns', async () => {
    const lock = new PromiseChainLock()
    let started = false
    const done = lock.runExclusive(() => {
      started = true
      return 'value'
    })
    expect(started).toBe(true)
    expect(lock.locked).toBe(true)
    expect(lock.pending).toBe(0)
    await expect(done).resolves.toBe('value')
    expect(lock.locked).toBe(false)
  })

  it('starts unlocked with nothing pending', () => {
    const lock = new PromiseChainLock()
    expect(lock.locked).toBe(false)
    expect(lock.pending).toBe(0)
  })

  it('resolves with the value of an async fn and holds the lock until it settles', async () => {
    const lock = new PromiseChainLock()
    const gate = deferred<number>()
    const done = settleOf(lock.runExclusive(() => gate.promise))
    await flush()
    expect(lock.locked).toBe(true)
    expect(done.status).toBe('pending')
    gate.resolve(42)
    await flush()
    expect(done).toEqual({ status: 'fulfilled', value: 42 })
    expect(lock.locked).toBe(false)
  })

  it('adopts a non-native thenable', async () => {
    const lock = new PromiseChainLock()
    const thenable = {
      then(onFulfilled: (value: string) => void) {
        onFulfilled('from thenable')
      },
    }
    await expect(lock.runExclusive(() => thenable as unknown as Promise<string>)).resolves.toBe(
      'from thenable',
    )
    expect(lock.locked).toBe(false)
  })

  it('can be reused after it is freed', async () => {
    const lock = new PromiseChainLock()
    await lock.runExclusive(() => 1)
    expect(lock.locked).toBe(false)
    let started = false
    const again = lock.runExclusive(() => {
      started = true
      return 2
    })
    expect(started).toBe(true)
    await expect(again).resolves.toBe(2)
  })
})

describe('PromiseChainLock: FIFO', () => {
  it('runs waiters one at a time, in call order, with locked/pending at each step', async () => {
    const lock = new PromiseChainLock()
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()]
    const started: number[] = []
    let running = 0
    const results = gates.map((gate, i) =>
      settleOf(
        lock.runExclusive(async () => {
          expect(running).toBe(0)
          running++
          started.push(i)
          try {
            return await gate.promise
          } finally {
            running--
          }
        }),
      ),
    )
    expect(started).toEqual([0])
    expect(lock.locked).toBe(true)
    expect(lock.pending).toBe(2)

    // Later gates open first: order is still call order.
    gates[2]!.resolve('c')
    gates[1]!.resolve('b')
    await flush()
    expect(started).toEqual([0])
    expect(lock.pending).toBe(2)

    gates[0]!.resolve('a')
    await flush()
    expect(started).toEqual([0, 1, 2])
    expect(results.map((r) => r.value)).toEqual(['a', 'b', 'c'])
    expect(lock.locked).toBe(false)
    expect(lock.pending).toBe(0)
  })

  it('hands the lock over step by step', async () => {
    const lock = new PromiseChainLock()
    const gates = [deferred(), deferred(), deferred()]
    const started: number[] = []
    const done = gates.map((gate, i) =>
      lock.runExclusive(async () => {
        started.push(i)
        await gate.promise
      }),
    )
    expect([started.length, lock.locked, lock.pending]).toEqual([1, true, 2])
    gates[0]!.resolve()
    await flush()
    expect([started.length, lock.locked, lock.pending]).toEqual([2, true, 1])
    gates[1]!.resolve()
    await flush()
    expect([started.length, lock.locked, lock.pending]).toEqual([3, true, 0])
    gates[2]!.resolve()
    await flush()
    expect([started.length, lock.locked, lock.pending]).toEqual([3, false, 0])
    await Promise.all(done)
  })

  it('runs 10,000 waiters in FIFO order, one at a time, without growing the stack', async () => {
    const lock = new PromiseChainLock()
    const N = 10_000
    const order: number[] = []
    let running = 0
    let overlap = false
    const gate = deferred()
    const first = lock.runExclusive(() => gate.promise)
    const all: Promise<number>[] = []
    for (let i = 0; i < N; i++) {
      // Mix synchronous and asynchronous holders.
      all.push(
        lock.runExclusive(
          i % 2 === 0
            ? () => {
                if (running !== 0) overlap = true
                order.push(i)
                return i
              }
            : async () => {
                if (running !== 0) overlap = true
                running++
                order.push(i)
                await Promise.resolve()
                running--
                return i
              },
        ),
      )
    }
    expect(lock.pending).toBe(N)
    expect(order).toEqual([])
    gate.resolve()
    await first
    const values = await Promise.all(all)
    expect(overlap).toBe(false)
    expect(order).toEqual(Array.from({ length: N }, (_, i) => i))
    expect(values).toEqual(order)
    expect(lock.locked).toBe(false)
    expect(lock.pending).toBe(0)
  })

  it('handles 10,000 synchronously throwing waiters in a row', async () => {
    const lock = new PromiseChainLock()
    const N = 10_000
    const gate = deferred()
    void lock.runExclusive(() => gate.promise)
    const all: Promise<never>[] = []
    for (let i = 0; i < N; i++) {
      all.push(
        lock.runExclusive(() => {
          throw new Error(String(i))
        }),
      )
    }
    gate.resolve()
    const outcomes = await Promise.allSettled(all)
    expect(
      outcomes.every(
        (o, i) => o.status === 'rejected' && (o.reason as Error).message === String(i),
      ),
    ).toBe(true)
    expect(lock.locked).toBe(false)
  })

  it('lets a holder queue more work without awaiting it; that work runs afterwards', async () => {
    const lock = new PromiseChainLock()
    const order: string[] = []
    let inner: Promise<void> | undefined
    await lock.runExclusive(() => {
      order.push('outer start')
      inner = lock.runExclusive(() => {
        order.push('inner')
      })
      expect(lock.pending).toBe(1)
      order.push('outer end')
    })
    await inner
    expect(order).toEqual(['outer start', 'outer end', 'inner'])
  })
})

describe('PromiseChainLock: failures', () => {
  it('a synchronous throw rejects only its own caller and releases the lock', async () => {
    const lock = new PromiseChainLock()
    const boom = new Error('boom')
    const failed = settleOf(
      lock.runExclusive(() => {
        throw boom
      }),
    )
    const next = settleOf(lock.runExclusive(() => 'next'))
    expect(lock.locked).toBe(true)
    expect(lock.pending).toBe(1)
    await flush()
    expect(failed).toEqual({ status: 'rejected', reason: boom })
    expect(next).toEqual({ status: 'fulfilled', value: 'next' })
    expect(lock.locked).toBe(false)
  })

  it('a rejecting fn rejects only its own caller and releases the lock', async () => {
    const lock = new PromiseChainLock()
    const gate = deferred()
    const boom = new Error('boom')
    const before = settleOf(lock.runExclusive(() => 'before'))
    const failed = settleOf(lock.runExclusive(() => gate.promise))
    const after = settleOf(lock.runExclusive(() => 'after'))
    await flush()
    expect(before.status).toBe('fulfilled')
    expect(after.status).toBe('pending')
    gate.reject(boom)
    await flush()
    expect(failed).toEqual({ status: 'rejected', reason: boom })
    expect(after).toEqual({ status: 'fulfilled', value: 'after' })
    expect(lock.locked).toBe(false)
  })

  it('passes non-Error throw values through unchanged', async () => {
    const lock = new PromiseChainLock()
    const thrown = { not: 'an error' }
    await expect(
      lock.runExclusive(() => {
        // The point of the test: a non-Error must come back as it was thrown.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw thrown
      }),
    ).rejects.toBe(thrown)
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    await expect(lock.runExclusive(() => Promise.reject(undefined))).rejects.toBeUndefined()
  })

  it('releases once even when a thenable calls back more than once', async () => {
    const lock = new PromiseChainLock()
    const rogue = {
      then(onFulfilled: (value: string) => void, onRejected: (reason: unknown) => void) {
        onFulfilled('first')
        onRejected(new Error('late'))
        onFulfilled('again')
      },
    }
    const gates = [deferred(), deferred()]
    let running = 0
    let overlap = false
    const started: number[] = []
    const result = lock.runExclusive(() => rogue as unknown as Promise<string>)
    const waiters = gates.map((gate, i) =>
      lock.runExclusive(async () => {
        if (running !== 0) overlap = true
        running++
        started.push(i)
        await gate.promise
        running--
      }),
    )
    await expect(result).resolves.toBe('first')
    await flush()
    expect(started).toEqual([0])
    expect(lock.pending).toBe(1)
    gates[0]!.resolve()
    gates[1]!.resolve()
    await Promise.all(waiters)
    expect(started).toEqual([0, 1])
    expect(overlap).toBe(false)
    expect(lock.locked).toBe(false)
  })
})

describe('PromiseChainLock: cancellation', () => {
  it('a waiter aborted before it runs rejects with signal.reason, leaves at once, never runs', async () => {
    const lock = new PromiseChainLock()
    const gate = deferred()
    const controller = new AbortController()
    const reason = new Error('no longer needed')
    let ran = false
    const order: string[] = []
    const holder = lock.runExclusive(() => gate.promise)
    const a = settleOf(lock.runExclusive(() => order.push('a')))
    const aborted = settleOf(
      lock.runExclusive(
        () => {
          ran = true
        },
        { signal: controller.signal },
      ),
    )
    const c = settleOf(lock.runExclusive(() => order.push('c')))
    expect(lock.pending).toBe(3)

    controller.abort(reason)
    expect(lock.pending).toBe(2) // synchronously
    expect(lock.locked).toBe(true)
    await flush()
    expect(aborted).toEqual({ status: 'rejected', reason })
    expect(a.status).toBe('pending')

    gate.resolve()
    await holder
    await flush()
    expect(ran).toBe(false)
    expect(order).toEqual(['a', 'c'])
    expect(a.status).toBe('fulfilled')
    expect(c.status).toBe('fulfilled')
    expect(lock.locked).toBe(false)
    expect(lock.pending).toBe(0)
  })

  it('aborting the head or the tail waiter keeps the queue intact', async () => {
    for (const victim of [0, 2]) {
      const lock = new PromiseChainLock()
      const gate = deferred()
      void lock.runExclusive(() => gate.promise)
      const controllers = [0, 1, 2].map(() => new AbortController())
      const order: number[] = []
      const done = controllers.map((c, i) =>
        settleOf(lock.runExclusive(() => order.push(i), { signal: c.signal })),
      )
      controllers[victim]!.abort()
      expect(lock.pending).toBe(2)
      // More waiters after the removal go to the right place.
      const late = settleOf(lock.runExclusive(() => order.push(3)))
      expect(lock.pending).toBe(3)
      gate.resolve()
      await flush(30)
      expect(order).toEqual([0, 1, 2, 3].filter((i) => i !== victim))
      expect(done[victim]!.status).toBe('rejected')
      expect(late.status).toBe('fulfilled')
      expect(lock.locked).toBe(false)
    }
  })

  it('uses the AbortError a plain abort() creates', async () => {
    const lock = new PromiseChainLock()
    const gate = deferred()
    void lock.runExclusive(() => gate.promise)
    const controller = new AbortController()
    const waiting = lock.runExclusive(() => 'never', { signal: controller.signal })
    controller.abort()
    await expect(waiting).rejects.toBe(controller.signal.reason)
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
    gate.resolve()
  })

  it('an already-aborted signal rejects immediately, never runs fn, and changes no state', async () => {
    const lock = new PromiseChainLock()
    const reason = new Error('already gone')
    let ran = false
    const fn = () => {
      ran = true
    }
    // Free lock: still not run.
    await expect(lock.runExclusive(fn, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason)
    expect(lock.locked).toBe(false)
    expect(lock.pending).toBe(0)

    // Busy lock: not queued.
    const gate = deferred()
    void lock.runExclusive(() => gate.promise)
    const rejected = settleOf(lock.runExclusive(fn, { signal: AbortSignal.abort(reason) }))
    expect(lock.pending).toBe(0)
    await flush()
    expect(rejected).toEqual({ status: 'rejected', reason })
    gate.resolve()
    await flush()
    expect(ran).toBe(false)
    expect(lock.locked).toBe(false)
  })

  it('aborting after fn started has no effect on it', async () => {
    const lock = new PromiseChainLock()
    const controller = new AbortController()
    const gate = deferred<string>()
    let runs = 0
    const done = settleOf(
      lock.runExclusive(
        () => {
          runs++
          return gate.promise
        },
        { signal: controller.signal },
      ),
    )
    expect(runs).toBe(1)
    controller.abort(new Error('too late'))
    gate.resolve('finished')
    await flush()
    expect(done).toEqual({ status: 'fulfilled', value: 'finished' })
    expect(runs).toBe(1)
  })

  it('aborting a waiter after it started (having queued) has no effect on it either', async () => {
    const lock = new PromiseChainLock()
    const controller = new AbortController()
    const first = deferred()
    const second = deferred<string>()
    void lock.runExclusive(() => first.promise)
    const done = settleOf(lock.runExclusive(() => second.promise, { signal: controller.signal }))
    first.resolve()
    await flush()
    expect(lock.pending).toBe(0)
    controller.abort()
    second.resolve('kept')
    await flush()
    expect(done).toEqual({ status: 'fulfilled', value: 'kept' })
  })

  it('a signal aborted without dispatching its event still cancels the waiter', async () => {
    const lock = new PromiseChainLock()
    const gate = deferred()
    const signal = new FakeSignal()
    let ran = false
    void lock.runExclusive(() => gate.promise)
    const done = settleOf(
      lock.runExclusive(
        () => {
          ran = true
        },
        { signal: signal.asSignal() },
      ),
    )
    const after = settleOf(lock.runExclusive(() => 'after'))
    const reason = new Error('silent')
    signal.aborted = true
    signal.reason = reason
    gate.resolve()
    await flush()
    expect(ran).toBe(false)
    expect(done).toEqual({ status: 'rejected', reason })
    expect(after).toEqual({ status: 'fulfilled', value: 'after' })
    expect(signal.listeners.size).toBe(0)
  })

  it('a signal-like object without a reason rejects with an AbortError, not undefined', async () => {
    const lock = new PromiseChainLock()
    const gate = deferred()
    void lock.runExclusive(() => gate.promise)
    const signal = new FakeSignal()
    const waiting = lock.runExclusive(() => 1, { signal: signal.asSignal() })
    signal.abort(undefined)
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
    gate.resolve()
  })

  it('removes its abort listener when a waiter runs or is aborted, and adds none when free', async () => {
    const lock = new PromiseChainLock()
    const free = new FakeSignal()
    await lock.runExclusive(() => 1, { signal: free.asSignal() })
    expect(free.added).toBe(0)

    const gate = deferred()
    void lock.runExclusive(() => gate.promise)
    const runs = new FakeSignal()
    const aborts = new FakeSignal()
    const ran = lock.runExclusive(() => 'ran', { signal: runs.asSignal() })
    const cancelled = settleOf(lock.runExclusive(() => 'never', { signal: aborts.asSignal() }))
    expect(runs.listeners.size).toBe(1)
    expect(aborts.listeners.size).toBe(1)

    aborts.abort(new Error('x'))
    expect(aborts.listeners.size).toBe(0)
    expect(lock.pending).toBe(1)

    gate.resolve()
    await expect(ran).resolves.toBe('ran')
    expect(runs.listeners.size).toBe(0)
    expect(runs.removed).toBe(1)
    expect(cancelled.status).toBe('rejected')
  })

  it('ignores a stale abort listener that a signal-like object calls after the waiter started', async () => {
    const lock = new PromiseChainLock()
    const first = deferred()
    const second = deferred<string>()
    void lock.runExclusive(() => first.promise)
    const signal = new FakeSignal()
    let captured: (() => void) | undefined
    // A signal-like object whose removeEventListener does not actually remove anything.
    signal.addEventListener = (_type, listener) => {
      captured = listener
    }
    const done = settleOf(lock.runExclusive(() => second.promise, { signal: signal.asSignal() }))
    const order: string[] = []
    const later = lock.runExclusive(() => order.push('later'))
    first.resolve()
    await flush()
    expect(lock.pending).toBe(1) // the signal's waiter runs, `later` waits
    captured!()
    expect(lock.pending).toBe(1)
    expect(lock.locked).toBe(true)
    second.resolve('ran')
    await later
    expect(done).toEqual({ status: 'fulfilled', value: 'ran' })
    expect(order).toEqual(['later'])
    expect(lock.locked).toBe(false)
    expect(lock.pending).toBe(0)
  })

  it('a signal-like object whose addEventListener throws rejects that call and queues nothing', async () => {
    const lock = new PromiseChainLock()
    const gate = deferred()
    void lock.runExclusive(() => gate.promise)
    const signal = new FakeSignal()
    const broken = new Error('cannot listen')
    signal.addEventListener = () => {
      throw broken
    }
    let ran = false
    const call = settleOf(
      lock.runExclusive(
        () => {
          ran = true
        },
        { signal: signal.asSignal() },
      ),
    )
    expect(lock.pending).toBe(0)
    const after = lock.runExclusive(() => 'after')
    gate.resolve()
    await expect(after).resolves.toBe('after')
    expect(call).toEqual({ status: 'rejected', reason: broken })
    expect(ran).toBe(false)
  })

  it('aborts 10,000 waiters quickly and in any order', async () => {
    const lock = new PromiseChainLock()
    const N = 10_000
    const gate = deferred()
    void lock.runExclusive(() => gate.promise)
    const controllers = Array.from({ length: N }, () => new AbortController())
    const ran: number[] = []
    const all = controllers.map((c, i) =>
      lock.runExclusive(() => ran.push(i), { signal: c.signal }).catch(() => -1),
    )
    // Abort every other waiter, from the middle outwards, then check the rest run in order.
    const victims = Array.from({ length: N / 2 }, (_, k) => k * 2)
    victims.sort((a, b) => Math.abs(a - N / 2) - Math.abs(b - N / 2))
    for (const i of victims) controllers[i]!.abort()
    expect(lock.pending).toBe(N / 2)
    gate.resolve()
    await Promise.all(all)
    expect(ran).toEqual(Array.from({ length: N / 2 }, (_, k) => k * 2 + 1))
    expect(lock.pending).toBe(0)
  })
})

describe('PromiseChainLock: bad input', () => {
  const badFns: unknown[] = [undefined, null, 1, 'fn', {}, Promise.resolve()]
  const badOptions: unknown[] = [null, 1, 'x', true, [], () => undefined]
  const badSignals: unknown[] = [
    null,
    1,
    'signal',
    {},
    { aborted: false },
    { addEventListener: () => undefined },
    { aborted: 'no', addEventListener: () => undefined },
  ]

  function expectThrows(call: () => unknown, param: string, messageStart: string): void {
    let error: unknown
    try {
      call()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CacheError)
    expect(error).toMatchObject({ name: 'CacheError', code: 'INVALID_ARGUMENT', param })
    expect((error as Error).message).toMatch(new RegExp(`^${messageStart}.*, got `))
  }

  it('throws synchronously for fn that is not a function', () => {
    const lock = new PromiseChainLock()
    for (const fn of badFns) {
      expectThrows(() => lock.runExclusive(fn as () => void), 'fn', 'fn must be a function')
    }
    expect(() => lock.runExclusive(null as unknown as () => void)).toThrow(
      'fn must be a function, got null',
    )
  })

  it('throws synchronously for options that are not an object', () => {
    const lock = new PromiseChainLock()
    for (const options of badOptions) {
      expectThrows(
        () => lock.runExclusive(() => 1, options as { signal?: AbortSignal }),
        'options',
        'options must be an object',
      )
    }
  })

  it('throws synchronously for a signal that is not AbortSignal-like', () => {
    const lock = new PromiseChainLock()
    for (const signal of badSignals) {
      expectThrows(
        () => lock.runExclusive(() => 1, { signal: signal as AbortSignal }),
        'options.signal',
        'options.signal must be an AbortSignal',
      )
    }
  })

  it('accepts undefined options and an undefined signal', async () => {
    const lock = new PromiseChainLock()
    await expect(lock.runExclusive(() => 1, undefined)).resolves.toBe(1)
    await expect(lock.runExclusive(() => 2, {})).resolves.toBe(2)
    await expect(lock.runExclusive(() => 3, { signal: undefined })).resolves.toBe(3)
  })

  it('changes no state: neither takes a free lock nor queues on a busy one', async () => {
    const lock = new PromiseChainLock()
    let ran = 0
    const fn = () => {
      ran++
    }
    const tryAll = () => {
      for (const bad of badFns) expect(() => lock.runExclusive(bad as () => void)).toThrow()
      for (const bad of badOptions) {
        expect(() => lock.runExclusive(fn, bad as { signal?: AbortSignal })).toThrow()
      }
      for (const bad of badSignals) {
        expect(() => lock.runExclusive(fn, { signal: bad as AbortSignal })).toThrow()
      }
    }

    tryAll()
    expect(lock.locked).toBe(false)
    expect(lock.pending).toBe(0)

    const gate = deferred()
    const order: string[] = []
    void lock.runExclusive(() => gate.promise)
    const a = lock.runExclusive(() => order.push('a'))
    tryAll()
    expect(lock.locked).toBe(true)
    expect(lock.pending).toBe(1)
    const b = lock.runExclusive(() => order.push('b'))
    gate.resolve()
    await Promise.all([a, b])
    expect(order).toEqual(['a', 'b'])
    expect(ran).toBe(0)
    expect(lock.locked).toBe(false)
    expect(lock.pending).toBe(0)
  })
})
