import type { LFUClientCache } from '../caches/LFUClientCache.js'
import type { LFUResourceCache } from '../caches/LFUResourceCache.js'
import type { LRUClientCache } from '../caches/LRUClientCache.js'
import type { LRUResourceCache } from '../caches/LRUResourceCache.js'

/** A session's four caches: `session.cache.client.LRU` is `session.cache['client']['LRU']`. */
export interface SessionCache {
  readonly client: { readonly LRU: LRUClientCache; readonly LFU: LFUClientCache }
  readonly resource: { readonly LRU: LRUResourceCache; readonly LFU: LFUResourceCache }
}
