import type { CacheNode } from './CacheNode.js'
import type { EvictionOrder } from './EvictionOrder.js'
import { FrequencyBucket } from './FrequencyBucket.js'

/**
 * Least-frequently-used order in O(1) (frequency buckets): a list of {@link FrequencyBucket}s in
 * ascending frequency, each a list of nodes, least recently used first. The next victim is the
 * head of the lowest bucket: the least frequently used, and among equals the least recently used.
 * A new node has frequency 1; each use moves it to the tail of the next frequency's bucket.
 *
 * A node's frequency is its bucket's `frequency` (`node.hits + 1` when the cache keeps entry
 * statistics).
 * @internal
 */
export class LFUOrder<K, V> implements EvictionOrder<K, V> {
  /** Lowest frequency. */
  #first: FrequencyBucket<K, V> | null = null
  /** Highest frequency. */
  #last: FrequencyBucket<K, V> | null = null
  /** One emptied bucket kept for reuse, so steady get traffic allocates nothing. */
  #spare: FrequencyBucket<K, V> | null = null

  add(node: CacheNode<K, V>): void {
    let bucket = this.#first
    if (bucket === null || bucket.frequency !== 1) bucket = this.#bucketAfter(null, 1)
    linkLast(bucket, node)
  }

  append(node: CacheNode<K, V>, frequency: number): void {
    let bucket = this.#last
    if (bucket === null || bucket.frequency !== frequency) {
      if (bucket !== null && bucket.frequency > frequency) {
        throw new RangeError('LFUOrder.append() needs nodes in eviction order')
      }
      bucket = this.#bucketAfter(bucket, frequency)
    }
    linkLast(bucket, node)
  }

  touch(node: CacheNode<K, V>): void {
    const bucket = node.bucket as FrequencyBucket<K, V>
    const frequency = bucket.frequency + 1
    let target = bucket.next
    if (target === null || target.frequency !== frequency) {
      // Alone in its bucket and no bucket for the next frequency: bump the bucket in place.
      if (bucket.head === node && node.next === null) {
        bucket.frequency = frequency
        return
      }
      target = this.#bucketAfter(bucket, frequency)
    }
    this.#unlink(node)
    linkLast(target, node)
  }

  frequencyOf(node: CacheNode<K, V>): number {
    return (node.bucket as FrequencyBucket<K, V>).frequency
  }

  renew(node: CacheNode<K, V>): void {
    this.#unlink(node)
    this.add(node)
  }

  remove(node: CacheNode<K, V>): void {
    this.#unlink(node)
  }

  first(): CacheNode<K, V> | null {
    return this.#first === null ? null : this.#first.head
  }

  after(node: CacheNode<K, V>): CacheNode<K, V> | null {
    if (node.next !== null) return node.next
    const bucket = node.bucket
    return bucket === null || bucket.next === null ? null : bucket.next.head
  }

  clear(): void {
    this.#first = null
    this.#last = null
  }

  /** A bucket for `frequency`, linked after `prev` (or first when `prev` is `null`). */
  #bucketAfter(prev: FrequencyBucket<K, V> | null, frequency: number): FrequencyBucket<K, V> {
    let bucket = this.#spare
    if (bucket === null) bucket = new FrequencyBucket<K, V>(frequency)
    else {
      this.#spare = null
      bucket.frequency = frequency
    }
    const next = prev === null ? this.#first : prev.next
    bucket.prev = prev
    bucket.next = next
    if (prev === null) this.#first = bucket
    else prev.next = bucket
    if (next === null) this.#last = bucket
    else next.prev = bucket
    return bucket
  }

  /** Unlinks a node from its bucket, dropping the bucket when it empties. */
  #unlink(node: CacheNode<K, V>): void {
    const bucket = node.bucket as FrequencyBucket<K, V>
    const { prev, next } = node
    if (prev === null) bucket.head = next
    else prev.next = next
    if (next === null) bucket.tail = prev
    else next.prev = prev
    node.prev = null
    node.next = null
    node.bucket = null
    if (bucket.head === null) this.#dropBucket(bucket)
  }

  #dropBucket(bucket: FrequencyBucket<K, V>): void {
    const { prev, next } = bucket
    if (prev === null) this.#first = next
    else prev.next = next
    if (next === null) this.#last = prev
    else next.prev = prev
    bucket.prev = null
    bucket.next = null
    this.#spare = bucket
  }
}

function linkLast<K, V>(bucket: FrequencyBucket<K, V>, node: CacheNode<K, V>): void {
  node.bucket = bucket
  node.prev = bucket.tail
  node.next = null
  if (bucket.tail === null) bucket.head = node
  else bucket.tail.next = node
  bucket.tail = node
}
