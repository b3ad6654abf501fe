import { CacheError, invalidArgument } from '../errors.js'

/**
 * Per-key single flight: concurrent {@link SingleFlight.run} calls with one key share the first
 * call's promise, so its `fn` runs once. The key is forgotten as soon as that promise settles —
 * before any caller resumes — so a failure caches nothing and the next call runs `fn` again.
 * Keys are independent: a slow flight for one key never delays another key.
 *
 * It deduplicates work in progress only; caching results is the caller's job.
 *
 * @example
 * ```ts
 * const flights = new SingleFlight<Client>()
 * const [a, b] = await Promise.all([
 *   flights.run('s3|us-east-1', () => buildClient()),
 *   flights.run('s3|us-east-1', () => buildClient()), // shares the first call; not run
 * ])
 * a === b // true
 * ```
 * @internal
 */
export class SingleFlight<V> {
  readonly #flights = new Map<string, Promise<V>>()

  /**
   * The pending promise for `key` if there is one, else `fn()`'s, shared until it settles.
   * A `fn` that throws synchronously rejects this call only; nothing is kept.
   *
   * @example
   * ```ts
   * const flights = new SingleFlight<string>()
   * const first = flights.run('k', () => load())
   * flights.run('k', () => load()) === first // true while `first` is pending
   * ```
   */
  run(key: string, fn: () => Promise<V>): Promise<V> {
    const pending = this.#flights.get(key)
    if (pending !== undefined) return pending
    if (typeof fn !== 'function') throw invalidArgument(CacheError, 'fn', 'a function', fn)
    let started: Promise<V>
    try {
      started = Promise.resolve(fn())
    } catch (error) {
      // Whatever `fn` threw, unchanged, as if it had rejected.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error)
    }
    // Forget the key inside the settle handlers, so it is gone before any caller resumes.
    const flight = started.then(
      (value) => {
        this.#flights.delete(key)
        return value
      },
      (error: unknown) => {
        this.#flights.delete(key)
        throw error
      },
    )
    this.#flights.set(key, flight)
    return flight
  }

  /**
   * `true` while a flight for `key` is pending.
   *
   * @example
   * ```ts
   * const done = flights.run('k', () => load())
   * flights.has('k') // true
   * await done
   * flights.has('k') // false
   * ```
   */
  has(key: string): boolean {
    return this.#flights.has(key)
  }

  /**
   * The number of keys with a pending flight.
   *
   * @example
   * ```ts
   * void flights.run('a', () => load('a'))
   * void flights.run('b', () => load('b'))
   * flights.size // 2
   * ```
   */
  get size(): number {
    return this.#flights.size
  }
}
