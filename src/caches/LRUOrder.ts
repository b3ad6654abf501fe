import type { CacheNode } from './CacheNode.js'
import type { EvictionOrder } from './EvictionOrder.js'

/**
 * Least-recently-used order: a map from identity to node and a doubly linked list, least
 * recently used (the next victim) at the head. Every operation is O(1) and allocation-free.
 * @internal
 */
export class LRUOrder<K, V> implements EvictionOrder<K, V> {
  readonly #nodes = new Map<string, CacheNode<K, V>>()
  #head: CacheNode<K, V> | null = null
  #tail: CacheNode<K, V> | null = null

  get size(): number {
    return this.#nodes.size
  }

  get(identity: string): CacheNode<K, V> | undefined {
    return this.#nodes.get(identity)
  }

  add(node: CacheNode<K, V>): void {
    this.#nodes.set(node.identity, node)
    this.#linkLast(node)
  }

  append(node: CacheNode<K, V>): void {
    this.add(node)
  }

  touch(node: CacheNode<K, V>): void {
    if (node === this.#tail) return
    this.#unlink(node)
    this.#linkLast(node)
  }

  remove(node: CacheNode<K, V>): void {
    this.#nodes.delete(node.identity)
    this.#unlink(node)
  }

  first(): CacheNode<K, V> | null {
    return this.#head
  }

  after(node: CacheNode<K, V>): CacheNode<K, V> | null {
    return node.next
  }

  clear(): void {
    this.#nodes.clear()
    this.#head = null
    this.#tail = null
  }

  #linkLast(node: CacheNode<K, V>): void {
    node.prev = this.#tail
    node.next = null
    if (this.#tail === null) this.#head = node
    else this.#tail.next = node
    this.#tail = node
  }

  #unlink(node: CacheNode<K, V>): void {
    const { prev, next } = node
    if (prev === null) this.#head = next
    else prev.next = next
    if (next === null) this.#tail = prev
    else next.prev = prev
    node.prev = null
    node.next = null
  }
}
