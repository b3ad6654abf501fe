import type { CacheNode } from './CacheNode.js'

/**
 * The O(1) structure behind a cache: a map from key identity to node, plus the order in which
 * nodes will be evicted. Implemented by {@link LRUOrder} and {@link LFUOrder}; a cache only ever
 * talks to this interface, so its call sites see at most two shapes.
 * @internal
 */
export interface EvictionOrder<K, V> {
  /** Number of nodes. */
  readonly size: number
  /** The node for a key identity. */
  get(identity: string): CacheNode<K, V> | undefined
  /** Adds a new entry (LFU: frequency 1) as the last victim among its equals. */
  add(node: CacheNode<K, V>): void
  /**
   * Adds a node after every node already present, keeping its `hits` (so its LFU frequency).
   * Only for rebuilding an order from another one's eviction order (`copy()`).
   */
  append(node: CacheNode<K, V>): void
  /** Records a use of a present node. */
  touch(node: CacheNode<K, V>): void
  /** Removes a present node. */
  remove(node: CacheNode<K, V>): void
  /** The next victim, or `null` when empty. */
  first(): CacheNode<K, V> | null
  /** The node evicted after `node`, or `null`. */
  after(node: CacheNode<K, V>): CacheNode<K, V> | null
  /** Removes every node. */
  clear(): void
}
