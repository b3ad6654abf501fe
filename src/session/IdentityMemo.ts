import { internString } from '../keys/internString.js'
import { isPlainObject } from '../keys/isPlainObject.js'
import { isSecretContainer, isSecretName } from '../keys/secretNames.js'

/**
 * Trie nodes the memo holds before it starts over: bounds its memory whatever the traffic, paths
 * that end in a value it will not remember (a plain object, a secret) included.
 */
export const MAX_MEMO_NODES = 4096

interface MemoNode {
  /** property name → property value → next node */
  readonly edges: Map<string, Map<unknown, MemoNode>>
  identity: string | undefined
}

/**
 * Remembers the identity string computed for a (class, call config) pair, walking a trie keyed
 * by the call's property names and values themselves. Why: a fresh identity string costs a full
 * hash (and compare) in the cache's Map — about 3 ns a character, 300+ ns for a config with a few
 * fields — while the same string object reuses its cached hash, and the trie's keys are the
 * program's own literals, hashed once. So a hit costs a few small Map lookups, not an encoding.
 *
 * Only configs whose defined values are primitives, functions or non-plain objects (compared by
 * identity anyway) are remembered; anything compared by value in depth (plain objects, arrays,
 * `Date`, `URL`) or holding a secret goes the exact way every time, so the memo never holds a
 * secret. It holds at most {@link MAX_MEMO_NODES} nodes, then starts over.
 * @internal
 */
export class IdentityMemo {
  #roots = new Map<object, MemoNode>()
  #size = 0

  /** Trie nodes held now (at most {@link MAX_MEMO_NODES}). */
  get size(): number {
    return this.#size
  }

  /**
   * The identity of `config` under `owner`, from the memo or from `compute(owner, config)` (then
   * remembered). `compute` takes its inputs as arguments so a caller can pass one function made
   * once, and a hit allocates nothing.
   */
  lookup<O extends object, C extends Record<string, unknown>>(
    owner: O,
    config: C,
    compute: (owner: O, config: C) => string,
  ): string {
    let node: MemoNode | undefined = this.#roots.get(owner)
    if (node === undefined) {
      if (this.#full()) return compute(owner, config)
      this.#roots.set(owner, (node = newNode()))
    }
    for (const name in config) {
      const value = config[name]
      if (value === undefined) continue
      if (
        (typeof value === 'object' &&
          value !== null &&
          (isPlainObject(value) ||
            Array.isArray(value) ||
            value instanceof Date ||
            isUrl(value))) ||
        !Object.hasOwn(config, name)
      ) {
        return compute(owner, config)
      }
      let byValue: Map<unknown, MemoNode> | undefined = node.edges.get(name)
      if (byValue === undefined) {
        // A secret's name never gets an edge, so a name found above is not a secret's: checked
        // once, here, instead of on every hit.
        if (isSecretName(name) || isSecretContainer(name)) return compute(owner, config)
        node.edges.set(name, (byValue = new Map<unknown, MemoNode>()))
      }
      let next: MemoNode | undefined = byValue.get(value)
      if (next === undefined) {
        if (this.#full()) return compute(owner, config)
        byValue.set(value, (next = newNode()))
      }
      node = next
    }
    if (node.identity === undefined) {
      // Interned, so it is the very string the cache's map holds for this key (see internString).
      return (node.identity = internString(compute(owner, config)))
    }
    return node.identity
  }

  /** Forgets everything. */
  clear(): void {
    this.#roots = new Map()
    this.#size = 0
  }

  /** Counts a node about to be made; when the memo is full, starts it over and says so. */
  #full(): boolean {
    if (this.#size < MAX_MEMO_NODES) {
      this.#size++
      return false
    }
    this.clear()
    return true
  }
}

function newNode(): MemoNode {
  return { edges: new Map(), identity: undefined }
}

function isUrl(value: object): boolean {
  return typeof URL === 'function' && value instanceof URL
}
