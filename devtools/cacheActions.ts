import type { CacheType, DevtoolsHandle, EvictionPolicy } from 'aws-client-cache'

/** Evicts the entry whose key `id` is `id` (reason `delete`); nothing when it is already gone. */
export function evictEntry(
  handle: DevtoolsHandle,
  type: CacheType,
  policy: EvictionPolicy,
  id: string,
): void {
  handle.evict(type, policy, id)
}

/** Removes every entry (reason `clear`). */
export function clearCache(handle: DevtoolsHandle, type: CacheType, policy: EvictionPolicy): void {
  handle.clear(type, policy)
}

/**
 * Sets `maxSize` (evicting next victims down to it). A handle's `resize` reports nothing (behind
 * the extension's bridge it is a message), so the size is checked here, by the caches' own rule
 * and in their words: returns the message of a refused size (nothing is sent), else `undefined`.
 */
export function resizeCache(
  handle: DevtoolsHandle,
  type: CacheType,
  policy: EvictionPolicy,
  maxSize: number,
): string | undefined {
  if (!(Number.isSafeInteger(maxSize) && maxSize >= 1)) {
    return `maxSize must be a positive integer (at most Number.MAX_SAFE_INTEGER), got ${String(maxSize)} (number)`
  }
  handle.resize(type, policy, maxSize)
  return undefined
}
