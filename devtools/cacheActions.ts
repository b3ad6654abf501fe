import type { CacheKey, CacheType, EvictionPolicy, Session } from 'aws-client-cache'

/** What the panel does to a cache, through the cache's public API only. */
interface ActionableCache {
  maxSize: number
  keys(): CacheKey[]
  delete(key: never): boolean
  clear(): void
}

function cacheOf(session: Session, type: CacheType, policy: EvictionPolicy): ActionableCache {
  return session.cache[type][policy]
}

/** Evicts the entry whose key `id` is `id` (reason `delete`); `false` when it is already gone. */
export function evictEntry(
  session: Session,
  type: CacheType,
  policy: EvictionPolicy,
  id: string,
): boolean {
  const cache = cacheOf(session, type, policy)
  const key = cache.keys().find((candidate) => candidate.id === id)
  return key !== undefined && cache.delete(key as never)
}

/** Removes every entry (reason `clear`). */
export function clearCache(session: Session, type: CacheType, policy: EvictionPolicy): void {
  cacheOf(session, type, policy).clear()
}

/**
 * Sets `maxSize` (evicting next victims down to it). Returns the cache's error message when the
 * size is refused (the cache is then unchanged), else `undefined`.
 */
export function resizeCache(
  session: Session,
  type: CacheType,
  policy: EvictionPolicy,
  maxSize: number,
): string | undefined {
  try {
    cacheOf(session, type, policy).maxSize = maxSize
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
