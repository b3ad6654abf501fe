import type { CacheNode } from './CacheNode.js'
import type { EvictionOrder } from './EvictionOrder.js'

/**
 * Least-recently-used order: a doubly linked list, least recently used (the next victim) at the
 * head. Every operation is O(1) and allocation-free.
 * @internal
 */
export class LRUOrder<K, V> implements EvictionOrder<K, V> {
  #head: CacheNode<K, V> | null = null
  #tail: CacheNode<K, V> | null = null

  add(node: CacheNode<K, V>): void {
    this.#linkLast(node)
  }

  append(node: CacheNode<K, V>): void {
    this.#linkLast(node)
  }

  frequencyOf(node: CacheNode<K, V>): number {
    return node.hits + 1
  }

  touch(node: CacheNode<K, V>): void {
    // Hot path (every hit): unlink and relink in one go, writing each pointer once.
    const tail = this.#tail as CacheNode<K, V>
    if (node === tail) return
    const { prev } = node
    const next = node.next as CacheNode<K, V> // not the tail, so it has a successor
    if (prev === null) this.#head = next
    else prev.next = next
    next.prev = prev
    node.prev = tail
    node.next = null
    tail.next = node
    this.#tail = node
  }

  renew(node: CacheNode<K, V>): void {
    // A new entry is the most recently used, so renewing is moving to the tail.
    this.touch(node)
  }

  remove(node: CacheNode<K, V>): void {
    this.#unlink(node)
  }

  first(): CacheNode<K, V> | null {
    return this.#head
  }

  after(node: CacheNode<K, V>): CacheNode<K, V> | null {
    return node.next
  }

  clear(): void {
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
