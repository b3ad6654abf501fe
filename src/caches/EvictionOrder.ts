import type { CacheNode } from './CacheNode.js'

/**
 * The order in which a cache's nodes will be evicted. Implemented by {@link LRUOrder} and
 * {@link LFUOrder}. The identity → node map lives in the cache itself, so the lookup every
 * operation starts with is one monomorphic `Map.get`; only the relinking dispatches here, and a
 * call site sees at most these two shapes.
 * @internal
 */
export interface EvictionOrder<K, V> {
  /** Links a new node (LFU: frequency 1) as the last victim among its equals. */
  add(node: CacheNode<K, V>): void
  /**
   * Links a node after every node already present, with `frequency` (LFU; the LRU ignores it).
   * Nodes must come in eviction order (`copy()` appends a source's nodes first to last).
   */
  append(node: CacheNode<K, V>, frequency: number): void
  /** A present node's frequency: LFU its bucket's, LRU `hits + 1`. */
  frequencyOf(node: CacheNode<K, V>): number
  /** Records a use of a linked node. */
  touch(node: CacheNode<K, V>): void
  /**
   * Re-links a linked node whose entry has just been replaced by a new one (a full cache reuses
   * its victim's node), exactly as `remove(node)` then `add(node)` would.
   */
  renew(node: CacheNode<K, V>): void
  /** Unlinks a linked node. */
  remove(node: CacheNode<K, V>): void
  /** The next victim, or `null` when empty. */
  first(): CacheNode<K, V> | null
  /** The node evicted after `node`, or `null`. */
  after(node: CacheNode<K, V>): CacheNode<K, V> | null
  /** Unlinks every node. */
  clear(): void
}
