import { CacheError, invalidArgument } from '../errors.js'

/** Options accepted by {@link PromiseChainLock.runExclusive}. */
export interface RunExclusiveOptions {
  /**
   * Cancels the call while it waits for the lock: the call then rejects with `signal.reason`
   * and `fn` never runs. Once `fn` has started the signal is ignored.
   */
  signal?: AbortSignal
}

/**
 * One queued call. A class (not object literals) keeps every waiter the same shape; `prev` and
 * `next` make the queue a doubly linked list, so enqueue, dequeue and removal on abort are O(1).
 */
class Waiter {
  prev: Waiter | undefined = undefined
  next: Waiter | undefined = undefined
  onAbort: (() => void) | undefined = undefined

  constructor(
    readonly fn: () => unknown,
    readonly resolve: (value: unknown) => void,
    readonly reject: (reason: unknown) => void,
    readonly signal: AbortSignal | undefined,
  ) {}
}

/**
 * A FIFO mutex for async work: {@link PromiseChainLock.runExclusive} runs one function at a
 * time, in call order, and hands each caller its own function's outcome.
 *
 * - A free lock starts `fn` synchronously, before `runExclusive` returns.
 * - Callers wait in FIFO order; the next one starts as soon as the previous `fn` settles.
 * - A `fn` that throws or rejects releases the lock and rejects only its own caller.
 * - A waiter whose `signal` aborts before it starts rejects with `signal.reason` at once, leaves
 *   the queue at once and never runs; aborting after it started has no effect on it.
 *
 * The lock is not reentrant: a `fn` that awaits another `runExclusive` on the same lock waits
 * for itself for ever. Queueing more work without awaiting it is fine: it runs afterwards.
 *
 * @example
 * ```ts
 * const lock = new PromiseChainLock()
 * // Two writers never interleave, whatever their timing:
 * await Promise.all([
 *   lock.runExclusive(async () => writeConfig(a)),
 *   lock.runExclusive(async () => writeConfig(b)),
 * ])
 * ```
 */
export class PromiseChainLock {
  #locked = false
  #pending = 0
  #head: Waiter | undefined = undefined
  #tail: Waiter | undefined = undefined
  /** Bumped for every holder; a release that carries a stale token is ignored (idempotent release). */
  #holder = 0

  /**
   * `true` while a function runs under the lock (including the microtask after a synchronous
   * one returns, until the lock is handed over or freed).
   *
   * @example
   * ```ts
   * const lock = new PromiseChainLock()
   * const done = lock.runExclusive(() => fetchSomething())
   * lock.locked // true
   * await done
   * lock.locked // false
   * ```
   */
  get locked(): boolean {
    return this.#locked
  }

  /**
   * The number of calls waiting for the lock, the running one excluded. An aborted waiter
   * leaves the count as soon as its signal aborts.
   *
   * @example
   * ```ts
   * const lock = new PromiseChainLock()
   * void lock.runExclusive(() => slowTask())   // runs at once
   * void lock.runExclusive(() => otherTask())  // waits
   * lock.pending // 1
   * ```
   */
  get pending(): number {
    return this.#pending
  }

  /**
   * Runs `fn` once every earlier call has settled, and settles as `fn` does. A free lock starts
   * `fn` synchronously; a synchronous `fn` still holds the lock until the next microtask.
   *
   * @param fn - the work to run exclusively; it may return a value, a promise or throw.
   * @param options - `signal` cancels the call while it waits (see {@link RunExclusiveOptions}).
   * @returns a promise of `fn`'s result; it rejects with what `fn` threw or rejected with, or
   *   with `signal.reason` when the signal aborted before `fn` started (`fn` then never runs).
   * @throws {@link CacheError} (`INVALID_ARGUMENT`, synchronously, changing nothing) when `fn` is
   *   not a function, `options` is not an object or `options.signal` is not an `AbortSignal`.
   *
   * @example
   * ```ts
   * const lock = new PromiseChainLock()
   * const controller = new AbortController()
   * const result = lock.runExclusive(() => refreshToken(), { signal: controller.signal })
   * // Give up waiting after 5 s; a refresh that already started is not interrupted.
   * setTimeout(() => controller.abort(), 5_000)
   * const token = await result
   * ```
   */
  runExclusive<T>(fn: () => T | Promise<T>, options?: RunExclusiveOptions): Promise<T> {
    // Validate everything before touching any state.
    if (typeof fn !== 'function') {
      throw invalidArgument(CacheError, 'fn', 'a function', fn)
    }
    let signal: AbortSignal | undefined
    if (options !== undefined) {
      if (typeof options !== 'object' || options === null || Array.isArray(options)) {
        throw invalidArgument(CacheError, 'options', 'an object', options)
      }
      signal = (options as { signal?: unknown }).signal as AbortSignal | undefined
      if (signal !== undefined && !isAbortSignalLike(signal)) {
        throw invalidArgument(
          CacheError,
          'options.signal',
          'an AbortSignal (with `aborted` and `addEventListener`)',
          signal,
        )
      }
    }

    if (signal?.aborted === true) {
      // The caller's own reason, whatever its type, as with AbortSignal-aware platform APIs.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(abortReason(signal))
    }

    if (!this.#locked) {
      // Fast path: no waiter object, no listener.
      return new Promise<T>((resolve, reject) => {
        this.#start(fn, resolve as (value: unknown) => void, reject)
      })
    }

    return new Promise<T>((resolve, reject) => {
      const waiter = new Waiter(fn, resolve as (value: unknown) => void, reject, signal)
      this.#enqueue(waiter)
      if (signal !== undefined) {
        waiter.onAbort = () => {
          // A started (or already cancelled) waiter has dropped its listener; a signal-like
          // object that calls it anyway changes nothing.
          if (waiter.onAbort === undefined) return
          this.#remove(waiter)
          detach(waiter)
          waiter.reject(abortReason(signal))
        }
        try {
          signal.addEventListener('abort', waiter.onAbort, { once: true })
        } catch (error) {
          // A broken signal-like object: leave no trace; the executor turns this into a rejection.
          this.#remove(waiter)
          throw error
        }
      }
    })
  }

  /** Takes the lock and runs `fn`; the lock is released once its outcome has settled. */
  #start(
    fn: () => unknown,
    resolve: (value: unknown) => void,
    reject: (reason: unknown) => void,
  ): void {
    this.#locked = true
    const token = ++this.#holder
    let result: unknown
    try {
      result = fn()
    } catch (error) {
      // Settle in a microtask like every other outcome, so handing the lock on never recurses
      // (10,000 synchronously throwing waiters in a row must not grow the stack).
      queueMicrotask(() => {
        this.#release(token)
        reject(error)
      })
      return
    }
    Promise.resolve(result).then(
      (value) => {
        this.#release(token)
        resolve(value)
      },
      (error: unknown) => {
        this.#release(token)
        reject(error)
      },
    )
  }

  /** Frees the lock and starts the first waiter that is still wanted. */
  #release(token: number): void {
    if (token !== this.#holder || !this.#locked) return
    this.#locked = false
    let waiter: Waiter | undefined
    while (!this.#locked && (waiter = this.#head) !== undefined) {
      this.#remove(waiter)
      detach(waiter)
      // A signal that became aborted without (yet) dispatching `abort` still cancels the waiter.
      if (waiter.signal?.aborted === true) waiter.reject(abortReason(waiter.signal))
      else this.#start(waiter.fn, waiter.resolve, waiter.reject)
    }
  }

  #enqueue(waiter: Waiter): void {
    if (this.#tail === undefined) this.#head = waiter
    else {
      this.#tail.next = waiter
      waiter.prev = this.#tail
    }
    this.#tail = waiter
    this.#pending++
  }

  /** Unlinks a queued waiter in O(1). */
  #remove(waiter: Waiter): void {
    if (waiter.prev === undefined) this.#head = waiter.next
    else waiter.prev.next = waiter.next
    if (waiter.next === undefined) this.#tail = waiter.prev
    else waiter.next.prev = waiter.prev
    waiter.prev = waiter.next = undefined
    this.#pending--
  }
}

/** Drops the waiter's abort listener, so a long-lived signal does not keep it (or its caller) alive. */
function detach(waiter: Waiter): void {
  const { signal, onAbort } = waiter
  if (signal === undefined || onAbort === undefined) return
  waiter.onAbort = undefined
  if (typeof signal.removeEventListener === 'function') {
    signal.removeEventListener('abort', onAbort)
  }
}

function isAbortSignalLike(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { aborted?: unknown }).aborted === 'boolean' &&
    typeof (value as { addEventListener?: unknown }).addEventListener === 'function'
  )
}

/**
 * `signal.reason`; a signal-like object without one gets the `AbortError` a real `AbortSignal`
 * would have carried, so a caller never sees a rejection with `undefined`.
 */
function abortReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason
  if (reason !== undefined) return reason
  return typeof DOMException === 'function'
    ? new DOMException('This operation was aborted', 'AbortError')
    : Object.assign(new Error('This operation was aborted'), { name: 'AbortError' })
}
