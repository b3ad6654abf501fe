import type { CacheNode } from './CacheNode.js'

/**
 * The LFU nodes that share one frequency, least recently used at `head`. Buckets form a list in
 * ascending frequency order.
 * @internal
 */
export class FrequencyBucket<K, V> {
  frequency: number
  head: CacheNode<K, V> | null
  tail: CacheNode<K, V> | null
  /** The bucket of the next lower frequency. */
  prev: FrequencyBucket<K, V> | null
  /** The bucket of the next higher frequency. */
  next: FrequencyBucket<K, V> | null

  constructor(frequency: number) {
    this.frequency = frequency
    this.head = null
    this.tail = null
    this.prev = null
    this.next = null
  }
}
