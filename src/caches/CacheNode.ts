import type { FrequencyBucket } from './FrequencyBucket.js'

/**
 * One cache entry, linked into its eviction order. Every field is assigned in the constructor,
 * in the same order, so all nodes share one hidden class and the hot path stays monomorphic.
 * LRU nodes leave `bucket` at `null`.
 * @internal
 */
export class CacheNode<K, V> {
  readonly key: K
  readonly value: V
  /** The key's exact identity (the map key); never shown anywhere. */
  readonly identity: string
  /** Uses recorded (`get`, `getOrThrow`, a session hit). The LFU frequency is `hits + 1`. */
  hits: number
  readonly createdAt: number
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
}
