import type { FrequencyBucket } from './FrequencyBucket.js'

/**
 * One cache entry, linked into its eviction order. Every field is assigned in the constructor,
 * in the same order, so all nodes share one hidden class and the hot path stays monomorphic.
 * LRU nodes leave `bucket` at `null`.
 * @internal
 */
export class CacheNode<K, V> {
  // Not readonly: a full cache reuses its victim's node for the entry that replaces it (`reuse`).
  key: K
  value: V
  /** The key's exact identity (the map key); never shown anywhere. */
  identity: string
  /** Uses recorded (`get`, `getOrThrow`, a session hit). The LFU frequency is `hits + 1`. */
  hits: number
  createdAt: number
  lastUsedAt: number
  /** Towards the next victim. */
  prev: CacheNode<K, V> | null
  /** Away from the next victim. */
  next: CacheNode<K, V> | null
  /** LFU only: the frequency bucket holding this node. */
  bucket: FrequencyBucket<K, V> | null

  constructor(
    key: K,
    value: V,
    identity: string,
    hits: number,
    createdAt: number,
    lastUsedAt: number,
  ) {
    this.key = key
    this.value = value
    this.identity = identity
    this.hits = hits
    this.createdAt = createdAt
    this.lastUsedAt = lastUsedAt
    this.prev = null
    this.next = null
    this.bucket = null
  }

  /** Turns an unlinked node into a new, unused entry and returns it. */
  reuse(key: K, value: V, identity: string, at: number): this {
    this.key = key
    this.value = value
    this.identity = identity
    this.hits = 0
    this.createdAt = at
    this.lastUsedAt = at
    return this
  }
}
