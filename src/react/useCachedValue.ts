import { useRef } from 'react'
import type { CacheKey } from '../keys/CacheKey.js'
import type { Session } from '../session/Session.js'
import type { CacheType } from '../types.js'

/** The part of a cache this hook reads; `peek` records no use. */
interface PeekableCache {
  keys(): CacheKey[]
  peek(key: never): unknown
}

interface Memo {
  readonly session: Session
  readonly id: string
  /** Held so that the call key's secret tokens stay interned: equal configs keep one `id`. */
  readonly callKey: CacheKey
  readonly value: unknown
  /** Where the value sits, to tell cheaply (`peek`, no use recorded) when it has been evicted. */
  readonly cache: PeekableCache | undefined
  readonly key: CacheKey | undefined
}

/**
 * The value `get()` returns, memoized on the session and the call's key id (canonical, so a
 * config object with a new identity on every render is the same key). `get()` runs again only
 * when the key changes or when the memoized value has left its cache since (evicted values are
 * destroyed once idle, so a component never keeps one). Looking a value up through the memo
 * records no use and emits no event: re-renders do not count as hits.
 */
export function useCachedValue<V>(
  session: Session,
  cacheType: CacheType,
  callKey: CacheKey,
  options: { evictionPolicy?: unknown; maxSize?: unknown } | undefined,
  get: () => V,
): V {
  const memo = useRef<Memo | undefined>(undefined)
  const id = `${String(options?.evictionPolicy)}|${String(options?.maxSize)}|${callKey.id}`
  const current = memo.current
  if (
    current !== undefined &&
    current.session === session &&
    current.id === id &&
    current.cache !== undefined &&
    current.cache.peek(current.key as never) === current.value
  ) {
    return current.value as V
  }
  const value = get()
  const found = locate(session, cacheType, value)
  // Written during render on purpose: a discarded render leaves a memo that is still correct.
  memo.current = { session, id, callKey, value, cache: found?.cache, key: found?.key }
  return value
}

/** The cache and key holding `value`, searched from the most recently used end. */
function locate(
  session: Session,
  cacheType: CacheType,
  value: unknown,
): { cache: PeekableCache; key: CacheKey } | undefined {
  const side = session.cache[cacheType]
  for (const cache of [side.LRU, side.LFU] as PeekableCache[]) {
    const keys = cache.keys()
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as CacheKey
      if (cache.peek(key as never) === value) return { cache, key }
    }
  }
  return undefined
}
