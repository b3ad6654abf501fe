import { invalidArgument, type CacheError } from '../errors.js'
import type { CacheEvent, CacheEventListener } from '../events.js'
import { keyIdentity, type CacheKey } from '../keys/CacheKey.js'
import { reportError } from '../reportError.js'
import { Subscribable } from '../Subscribable.js'
import type { CacheType, EvictReason, EvictionPolicy } from '../types.js'
import type { CacheConstructorOptions } from './CacheConstructorOptions.js'
import { CacheNode } from './CacheNode.js'
import type { CacheSide } from './CacheSide.js'
import type { EvictionOrder } from './EvictionOrder.js'
import { LFUOrder } from './LFUOrder.js'
import { LRUOrder } from './LRUOrder.js'
import { validateCacheOptions } from './validateCacheOptions.js'
import { validateMaxSize } from './validateMaxSize.js'
import type { AnyCacheOf, CacheInternals } from './cacheInternals.js'

/**
 * The session's hit path: the value for an exact key identity, recording a use and emitting `hit`
 * (only when someone listens); `undefined` and no event when absent. O(1), and it allocates
 * nothing when nobody listens. Set by the static block of {@link CacheBase}, which alone sees its
 * private fields.
 * @internal
 */
export let hitByIdentity: <V>(cache: AnyCacheOf<V>, identity: string) => V | undefined

/** The rest of what a session uses of its caches; set by the same static block. @internal */
export let internals: CacheInternals

/**
 * What the four low-level caches share: a Map-like store of keys to values, bounded by `maxSize`,
 * that evicts its next victim (least recently used for LRU, least frequently used for LFU) when
 * full. Every operation is O(1) except the snapshots (`keys()`, `values()`, `entries()`,
 * iteration, `toString()`) and `copy()`.
 *
 * Not exported from the package: use {@link LRUClientCache}, {@link LFUClientCache},
 * {@link LRUResourceCache} or {@link LFUResourceCache}.
 *
 * Hot path: `get()` and the session's `hitByIdentity()` do one Map lookup and relink one node;
 * they allocate nothing (no closure, no array, no event object) unless someone is subscribed.
 *
 * @typeParam K - the key class (`ClientCacheKey` or `ResourceCacheKey`)
 * @typeParam V - the value type
 * @typeParam T - the `cacheType`
 * @typeParam P - the `evictionPolicy`
 *
 * @example
 * ```ts
 * const cache = new LRUClientCache({ maxSize: 2 })
 * cache.set(keyA, clientA).set(keyB, clientB)
 * cache.get(keyA) // clientA, now the most recently used
 * cache.set(keyC, clientC) // evicts keyB (reason 'capacity')
 * cache.keys() // [keyA, keyC]: next victim first
 * ```
 */
export abstract class CacheBase<
  K extends CacheKey,
  V,
  T extends CacheType,
  P extends EvictionPolicy,
> {
  readonly #side: CacheSide<T>
  /** `side.cacheType`, kept at hand: every key lookup checks it. */
  readonly #cacheType: T
  readonly #policy: P
  /** Key identity → node. Owned here, not by the order, so every lookup is one monomorphic call. */
  readonly #nodes = new Map<string, CacheNode<K, V>>()
  readonly #order: EvictionOrder<K, V>
  readonly #events: Subscribable<CacheEvent>
  /**
   * Live subscriptions. A plain counter, so the hot path's "does anyone listen?" is one field
   * read instead of a getter on another object.
   */
  #listeners = 0
  readonly #onEvict: ((value: V, key: K, reason: EvictReason) => void) | undefined
  readonly #now: () => number
  #maxSize: number
  /**
   * Whether entries keep `hits`, `createdAt` and `lastUsedAt`. Only a session's snapshot reads
   * them, so a cache used alone does not pay a clock read per use; a session turns them on
   * ({@link keepEntryStats}) before it adds anything.
   */
  #stats = false

  /** @internal */
  protected constructor(options: unknown, side: CacheSide<T>, policy: P) {
    const valid = validateCacheOptions<K, V>(options, side.errors.Base)
    this.#side = side
    this.#cacheType = side.cacheType
    this.#policy = policy
    this.#order = policy === 'LFU' ? new LFUOrder<K, V>() : new LRUOrder<K, V>()
    this.#events = new Subscribable<CacheEvent>(side.errors.Base)
    this.#onEvict = valid.onEvict
    this.#now = valid.now
    this.#maxSize = valid.maxSize
  }

  static {
    // What a session uses of its caches: module exports (below the imports), not
    // `cache._something` members any caller could reach. Plain assignments, so a bundler can
    // still drop the class when nothing uses it.
    hitByIdentity = (cache, identity) => {
      const node = cache.#nodes.get(identity)
      if (node === undefined) return undefined
      cache.#use(node)
      return node.value
    }
    internals = {
      peek: (cache, identity) => cache.#nodes.get(identity)?.value,
      emit: (cache, event) => cache.#events.emit(event),
      hasListeners: (cache) => cache.#listeners > 0,
      removeAll: (cache, reason) => void cache.#removeAll(reason),
      keepStats: (cache) => {
        cache.#stats = true
      },
      entryStats: (cache) =>
        cache.#inOrder().map((node: CacheNode<CacheKey, unknown>) => ({
          key: node.key,
          value: node.value,
          hits: node.hits,
          frequency: cache.#order.frequencyOf(node),
          createdAt: node.createdAt,
          lastUsedAt: node.lastUsedAt,
        })),
    }
  }

  /** `'LRU'` or `'LFU'`; read-only. */
  get evictionPolicy(): P {
    return this.#policy
  }

  /** `'client'` or `'resource'`; read-only. */
  get cacheType(): T {
    return this.#side.cacheType
  }

  /**
   * The most entries the cache holds. Setting it validates the new size (a positive safe
   * integer, else the side's base error and nothing changes); a different size evicts next
   * victims until the cache fits (reason `'resize'`, one `evict` event each) and then emits one
   * `resize` event. Setting the current size does nothing.
   */
  get maxSize(): number {
    return this.#maxSize
  }

  set maxSize(value: number) {
    const maxSize = validateMaxSize(value, this.#side.errors.Base)
    const previousMaxSize = this.#maxSize
    if (maxSize === previousMaxSize) return
    this.#maxSize = maxSize
    const victims: Array<CacheNode<K, V>> = []
    while (this.#nodes.size > maxSize) {
      const victim = this.#order.first() as CacheNode<K, V>
      this.#detach(victim)
      victims.push(victim)
    }
    // Notify only once every victim is out, so hooks and listeners see the final state.
    for (const victim of victims) this.#evicted(victim.key, victim.value, 'resize')
    if (this.#listeners > 0) {
      this.#events.emit({
        type: 'resize',
        at: this.#now(),
        cacheType: this.#side.cacheType,
        evictionPolicy: this.#policy,
        maxSize,
        previousMaxSize,
      })
    }
  }

  /** How many entries the cache holds. */
  get size(): number {
    return this.#nodes.size
  }

  /**
   * `true` when an entry for `key` is present. Records no use and emits nothing.
   * @throws the side's base error when `key` is not this cache's key class
   */
  has(key: K): boolean {
    return this.#nodes.get(this.#identityOf(key)) !== undefined
  }

  /**
   * The value for `key`, or `undefined`. A hit records a use (LRU: most recent; LFU: frequency
   * +1) and emits `hit`; a miss emits `miss`.
   * @throws the side's base error when `key` is not this cache's key class
   */
  get(key: K): V | undefined {
    const node = this.#nodes.get(this.#identityOf(key))
    if (node === undefined) {
      if (this.#listeners > 0) this.#emitEntry('miss', key, this.#now())
      return undefined
    }
    this.#use(node)
    return node.value
  }

  /**
   * The value for `key`, or `undefined`, without recording a use or emitting anything.
   * @throws the side's base error when `key` is not this cache's key class
   */
  peek(key: K): V | undefined {
    const node = this.#nodes.get(this.#identityOf(key))
    return node === undefined ? undefined : node.value
  }

  /**
   * The value for `key`, recording a use like {@link CacheBase.get | get()}.
   * @throws `…CacheNotFoundError` (code `KEY_NOT_FOUND`) when absent (after a `miss` event);
   *   the side's base error when `key` is not this cache's key class
   */
  getOrThrow(key: K): V {
    const node = this.#nodes.get(this.#identityOf(key))
    if (node === undefined) {
      if (this.#listeners > 0) this.#emitEntry('miss', key, this.#now())
      throw this.#notFound(key)
    }
    this.#use(node)
    return node.value
  }

  /**
   * Adds an entry and returns the cache. When the cache is full, the next victim is evicted
   * first (reason `'capacity'`), so a new LFU entry is never its own victim. Emits `evict` (if
   * one was evicted) and then `create`. A new entry counts as not yet used (`hits` 0, LFU
   * frequency 1).
   * @throws `…CacheExistsError` (code `KEY_EXISTS`) when `key` is present; the side's base error
   *   when `key` is not this cache's key class or `value` is not accepted (client caches:
   *   code `NOT_A_CLIENT` unless it has `send` and `destroy` methods). Nothing changes on a throw.
   */
  set(key: K, value: V): this {
    const identity = this.#identityOf(key)
    if (!this.#side.isValue(value)) throw this.#side.valueError(value)
    const nodes = this.#nodes
    if (nodes.has(identity)) throw this.#exists(key)
    const at = this.#stats || this.#listeners > 0 ? this.#now() : 0
    if (nodes.size < this.#maxSize) {
      const node = new CacheNode(key, value, identity, 0, at, at)
      nodes.set(identity, node)
      this.#order.add(node)
    } else this.#replaceVictim(key, value, identity, at)
    if (this.#listeners > 0) this.#emitEntry('create', key, at)
    return this
  }

  /**
   * Removes the entry for `key` (reason `'delete'`).
   * @returns `true` if there was one
   * @throws the side's base error when `key` is not this cache's key class
   */
  delete(key: K): boolean {
    const node = this.#nodes.get(this.#identityOf(key))
    if (node === undefined) return false
    this.#detach(node)
    this.#evicted(node.key, node.value, 'delete')
    return true
  }

  /**
   * Removes the entry for `key` (reason `'delete'`) and returns its value.
   * @throws `…CacheNotFoundError` (code `KEY_NOT_FOUND`) when absent; the side's base error when
   *   `key` is not this cache's key class
   */
  pop(key: K): V {
    const node = this.#nodes.get(this.#identityOf(key))
    if (node === undefined) throw this.#notFound(key)
    this.#detach(node)
    this.#evicted(node.key, node.value, 'delete')
    return node.value
  }

  /**
   * Removes the next victim (reason `'delete'`) and returns `[key, value]`.
   * @throws `…CacheNotFoundError` (code `KEY_NOT_FOUND`) when the cache is empty
   */
  popItem(): [K, V] {
    const node = this.#order.first()
    if (node === null) {
      throw new this.#side.errors.NotFound('popItem() found no entry: the cache is empty', {
        code: 'KEY_NOT_FOUND',
      })
    }
    this.#detach(node)
    this.#evicted(node.key, node.value, 'delete')
    return [node.key, node.value]
  }

  /**
   * Removes every entry, in eviction order: each gets an `evict` event and `onEvict` with reason
   * `'clear'`; then one `clear` event with the `count` removed (also when that is 0).
   */
  clear(): void {
    const count = this.#removeAll('clear')
    if (this.#listeners > 0) {
      this.#events.emit({
        type: 'clear',
        at: this.#now(),
        cacheType: this.#side.cacheType,
        evictionPolicy: this.#policy,
        count,
      })
    }
  }

  /**
   * A new cache of the same class with the same `maxSize`, clock, order, LFU frequencies and
   * entry statistics. Values are shared, not cloned; after the copy the two caches change
   * independently.
   *
   * The copy gets no `onEvict` and no subscribers: its values are the same objects the original
   * holds, so an eviction hook running in both caches would dispose (e.g. `destroy()`) a client
   * the other cache still hands out. Pass a hook to a new cache yourself if the copy should own
   * its values.
   *
   * A subclass must accept the same constructor options for `copy()` to work.
   */
  copy(): this {
    const Class = this.constructor as new (options: CacheConstructorOptions<K, V>) => this
    const copy = new Class({ maxSize: this.#maxSize, now: this.#now })
    copy.#stats = this.#stats
    const source = this.#order
    for (let node = source.first(); node !== null; node = source.after(node)) {
      const clone = new CacheNode(
        node.key,
        node.value,
        node.identity,
        node.hits,
        node.createdAt,
        node.lastUsedAt,
      )
      copy.#nodes.set(clone.identity, clone)
      copy.#order.append(clone, source.frequencyOf(node))
    }
    return copy
  }

  /** The keys (the very objects passed to `set()`), next victim first. A fresh array. */
  keys(): K[] {
    return this.#inOrder().map((node) => node.key)
  }

  /** The values, next victim first. A fresh array. */
  values(): V[] {
    return this.#inOrder().map((node) => node.value)
  }

  /** `[key, value]` pairs, next victim first. A fresh array. */
  entries(): Array<[K, V]> {
    return this.#inOrder().map((node) => [node.key, node.value])
  }

  /**
   * Iterates `[key, value]` pairs, next victim first, over a snapshot taken when iteration
   * starts: using or removing entries inside the loop is safe and does not change what it visits.
   */
  [Symbol.iterator](): IterableIterator<[K, V]> {
    return this.entries()[Symbol.iterator]()
  }

  /**
   * `ClientCache:` (or `ResourceCache:`), then one line `- <label>` per entry, next victim first.
   * Labels are secret-free.
   */
  toString(): string {
    return [this.#side.header, ...this.#inOrder().map((node) => `- ${node.key.label}`)].join('\n')
  }

  /** Node's `util.inspect` (so `console.log`) prints `toString()`, never the clients' internals. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString()
  }

  /**
   * Listens to this cache's events (`hit`, `miss`, `create`, `evict`, `resize`, `clear`, and
   * those a session emits through it). A listener that throws is reported and never disturbs
   * the cache.
   * @returns an idempotent unsubscribe function
   * @throws the side's base error when `listener` is not a function
   */
  subscribe(listener: CacheEventListener): () => void {
    const unsubscribe = this.#events.subscribe(listener)
    this.#listeners++
    let subscribed = true
    return () => {
      if (!subscribed) return
      subscribed = false
      this.#listeners--
      unsubscribe()
    }
  }

  /**
   * Adds an entry to a full cache in its next victim's place. The victim's node is reused for
   * the new entry: steady churn then allocates nothing, and the node stays where its neighbours
   * are (old generation, warm in cache). The victim is reported once the new entry is in.
   */
  #replaceVictim(key: K, value: V, identity: string, at: number): void {
    const order = this.#order
    const victim = order.first() as CacheNode<K, V>
    const evictedKey = victim.key
    const evictedValue = victim.value
    const nodes = this.#nodes
    nodes.delete(victim.identity)
    nodes.set(identity, victim.reuse(key, value, identity, at))
    order.renew(victim)
    this.#evicted(evictedKey, evictedValue, 'capacity')
  }

  #exists(key: K): CacheError {
    return new this.#side.errors.Exists(
      `key ${key.label} is already in the cache; delete() it first or get() the cached value`,
      { code: 'KEY_EXISTS', param: 'key', details: { keyId: key.id, label: key.label } },
    )
  }

  /** The exact identity of a key of this cache's class; the side's base error otherwise. */
  #identityOf(key: K): string {
    return keyIdentity(key, this.#cacheType) ?? this.#notAKey(key)
  }

  #notAKey(key: unknown): never {
    throw invalidArgument(this.#side.errors.Base, 'key', `a ${this.#side.keyName}`, key)
  }

  /** Records a use of a present node. */
  #use(node: CacheNode<K, V>): void {
    this.#order.touch(node)
    const listened = this.#listeners > 0
    if (!this.#stats && !listened) return // a cache used alone, unobserved: no clock read
    const at = this.#now()
    if (this.#stats) {
      node.hits++
      node.lastUsedAt = at
    }
    if (listened) this.#emitEntry('hit', node.key, at)
  }

  /** Takes a present node out of the map and the order. */
  #detach(node: CacheNode<K, V>): void {
    this.#nodes.delete(node.identity)
    this.#order.remove(node)
  }

  #emitEntry(type: 'hit' | 'miss' | 'create', key: K, at: number): void {
    this.#events.emit({
      type,
      at,
      cacheType: this.#side.cacheType,
      evictionPolicy: this.#policy,
      keyId: key.id,
      label: key.label,
    })
  }

  /**
   * Reports a node that has already left the order: first its `evict` event, then `onEvict`
   * (so a hook that disposes the value, and emits `dispose`, comes after `evict`).
   */
  #evicted(key: K, value: V, reason: EvictReason): void {
    if (this.#listeners > 0) {
      this.#events.emit({
        type: 'evict',
        at: this.#now(),
        cacheType: this.#side.cacheType,
        evictionPolicy: this.#policy,
        keyId: key.id,
        label: key.label,
        reason,
      })
    }
    const onEvict = this.#onEvict
    if (onEvict === undefined) return
    try {
      onEvict(value, key, reason)
    } catch (error) {
      reportError(error, 'onEvict')
    }
  }

  /** Empties the order, then reports each removed node in eviction order. */
  #removeAll(reason: EvictReason): number {
    const removed = this.#inOrder()
    this.#nodes.clear()
    this.#order.clear()
    for (const node of removed) this.#evicted(node.key, node.value, reason)
    return removed.length
  }

  /** The entries' nodes in eviction order, next victim first. */
  #inOrder(): Array<CacheNode<K, V>> {
    const nodes: Array<CacheNode<K, V>> = []
    const order = this.#order
    for (let node = order.first(); node !== null; node = order.after(node)) nodes.push(node)
    return nodes
  }

  #notFound(key: K): CacheError {
    return new this.#side.errors.NotFound(`key ${key.label} is not in the cache`, {
      code: 'KEY_NOT_FOUND',
      param: 'key',
      details: { keyId: key.id, label: key.label },
    })
  }
}
