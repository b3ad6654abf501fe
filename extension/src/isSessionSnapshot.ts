import type { CacheSnapshot, SessionSnapshot } from 'aws-client-cache'
import { isRecord } from './isRecord.js'

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0

function isEntry(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.label === 'string' &&
    typeof value.className === 'string'
  )
}

function isCache(value: unknown): value is CacheSnapshot {
  return (
    isRecord(value) &&
    isCount(value.maxSize) &&
    isCount(value.size) &&
    Array.isArray(value.entries) &&
    value.entries.every(isEntry)
  )
}

function isCachePair(value: unknown): boolean {
  return isRecord(value) && isCache(value.LRU) && isCache(value.LFU)
}

/**
 * `true` when `value` has the shape of a `SessionSnapshot` in every field the panel reads: what
 * the relay and the service worker check before passing a page's snapshot on, so that a forged
 * or broken message never reaches the panel.
 */
export function isSessionSnapshot(value: unknown): value is SessionSnapshot {
  if (!isRecord(value) || typeof value.id !== 'string') return false
  const { caches, stats, warnings, credentials } = value
  return (
    isRecord(caches) &&
    isCachePair(caches.client) &&
    isCachePair(caches.resource) &&
    isRecord(stats) &&
    ['hits', 'misses', 'creates', 'evictions', 'disposals'].every((name) => isCount(stats[name])) &&
    Array.isArray(warnings) &&
    warnings.every(isRecord) &&
    (credentials === null || isRecord(credentials))
  )
}
