import type { MissCause, WarningEvent } from '../events.js'
import type { CacheKey } from '../keys/CacheKey.js'
import { differsOnlyByIdentity, sameCanonical } from '../keys/sameCanonical.js'
import type { EvictReason } from '../types.js'
import type { AnyCache } from './Built.js'
import { unstableConfigMessage } from './unstableConfigWarning.js'

/** How many evicted key ids each cache remembers. */
export const EVICTION_MEMORY = 64

/** Misses of one class and path (new on every call) before the session warns. */
export const UNSTABLE_CONFIG_THRESHOLD = 3

/** A cached entry, as the diagnosis compares it. */
interface Entry {
  readonly key: CacheKey
  /** The client class, or the resource definition. */
  readonly owner: object
  readonly config: Readonly<Record<string, unknown>>
}

/** A warning reported in the session's snapshot. */
export interface UnstableConfigWarning {
  code: 'UNSTABLE_CONFIG'
  className: string
  path: string
  count: number
}

/**
 * Why a session call missed (see `MissCause`), and the `UNSTABLE_CONFIG` warnings. Runs only on
 * misses, which already pay for building a client: the hit path never reaches it. A diagnosis is
 * O(entries of that class in that cache).
 *
 * It keeps the effective config of each cached entry (as the entry's client does, for as long as
 * the entry is cached) and, per cache, the secret-free ids of the last {@link EVICTION_MEMORY}
 * evicted keys. Nothing it reports holds a value, only property names, ids and labels.
 * @internal
 */
export class MissDiagnostics {
  /** Per cache: the cached entries of each class (or definition). */
  readonly #classes = new Map<AnyCache, Map<object, Set<Entry>>>()
  /** Per cache: each cached key's entry, to forget it on eviction. */
  readonly #byKey = new Map<AnyCache, Map<CacheKey, Entry>>()
  /** Per cache: evicted key ids, oldest first. */
  readonly #evictions = new Map<AnyCache, Map<string, EvictReason>>()
  /** Per class name and path: misses that differ only there, only by identity. */
  readonly #unstable = new Map<string, UnstableConfigWarning & { warned: boolean }>()
  readonly #emit: (event: WarningEvent) => void
  readonly #now: () => number

  /**
   * @param emit - receives each warning, once per class and path
   * @param now - the session's clock
   */
  constructor(emit: (event: WarningEvent) => void, now: () => number = Date.now) {
    this.#emit = emit
    this.#now = now
  }

  /**
   * Diagnoses a miss for `key`, whose entry is about to be built with `config`, and counts it
   * towards an `UNSTABLE_CONFIG` warning. `resourceOptions` (resources) is compared as one more
   * property.
   */
  diagnose(
    cache: AnyCache,
    owner: object,
    key: CacheKey,
    config: Readonly<Record<string, unknown>>,
  ): MissCause {
    const reason = this.#evictions.get(cache)?.get(key.id)
    if (reason !== undefined) return { kind: 'evicted', reason }
    let nearest: { entry: Entry; paths: string[] } | undefined
    for (const entry of this.#classes.get(cache)?.get(owner) ?? []) {
      const paths = differingPaths(entry.config, config)
      // On a tie the newest entry wins: with a config new on every call, the previous call's.
      if (nearest === undefined || paths.length <= nearest.paths.length) nearest = { entry, paths }
    }
    if (nearest === undefined) return { kind: 'new' }
    const { entry, paths } = nearest
    if (paths.length === 1) {
      const path = paths[0]!
      if (differsOnlyByIdentity(entry.config[path], config[path])) {
        this.#countUnstable(cache, key.className, path)
      }
    }
    return {
      kind: 'differs',
      nearest: { keyId: entry.key.id, label: entry.key.label },
      paths,
    }
  }

  /** An entry was cached. */
  created(cache: AnyCache, owner: object, key: CacheKey, config: Record<string, unknown>): void {
    const entry: Entry = { key, owner, config }
    let classes = this.#classes.get(cache)
    if (classes === undefined) this.#classes.set(cache, (classes = new Map<object, Set<Entry>>()))
    let entries = classes.get(owner)
    if (entries === undefined) classes.set(owner, (entries = new Set()))
    entries.add(entry)
    let byKey = this.#byKey.get(cache)
    if (byKey === undefined) this.#byKey.set(cache, (byKey = new Map<CacheKey, Entry>()))
    byKey.set(key, entry)
    this.#evictions.get(cache)?.delete(key.id)
  }

  /** An entry left its cache. */
  evicted(cache: AnyCache, key: CacheKey, reason: EvictReason): void {
    const entry = this.#byKey.get(cache)?.get(key)
    if (entry !== undefined) {
      this.#byKey.get(cache)!.delete(key)
      const classes = this.#classes.get(cache)!
      const entries = classes.get(entry.owner)!
      entries.delete(entry)
      if (entries.size === 0) classes.delete(entry.owner)
    }
    let evictions = this.#evictions.get(cache)
    if (evictions === undefined) {
      this.#evictions.set(cache, (evictions = new Map<string, EvictReason>()))
    }
    evictions.delete(key.id)
    evictions.set(key.id, reason)
    if (evictions.size > EVICTION_MEMORY) evictions.delete(evictions.keys().next().value!)
  }

  /** The warnings emitted so far, with their current counts. */
  warnings(): UnstableConfigWarning[] {
    const warnings: UnstableConfigWarning[] = []
    for (const { code, className, path, count, warned } of this.#unstable.values()) {
      if (warned) warnings.push({ code, className, path, count })
    }
    return warnings
  }

  #countUnstable(cache: AnyCache, className: string, path: string): void {
    const id = `${className}\0${path}`
    let counter = this.#unstable.get(id)
    if (counter === undefined) {
      counter = { code: 'UNSTABLE_CONFIG', className, path, count: 0, warned: false }
      this.#unstable.set(id, counter)
    }
    counter.count++
    if (counter.warned || counter.count < UNSTABLE_CONFIG_THRESHOLD) return
    counter.warned = true
    this.#emit({
      type: 'warning',
      at: this.#now(),
      cacheType: cache.cacheType,
      evictionPolicy: cache.evictionPolicy,
      code: 'UNSTABLE_CONFIG',
      className,
      path,
      count: counter.count,
      message: unstableConfigMessage(className, path, counter.count),
    })
  }
}

/** The top-level properties whose values differ between two configs, sorted. */
function differingPaths(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
): string[] {
  const paths: string[] = []
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (!sameCanonical(a[name], b[name])) paths.push(name)
  }
  return paths.sort()
}
