import type { CacheSnapshot, SessionSnapshot } from 'aws-client-cache'
import { isRecord } from './isRecord.js'

/** A count: finite and not negative (sizes, hits, requests, …). */
export const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0

/** A time in ms since the epoch, or any other finite number. */
export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

export const isStringOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string'

const ENTRY_STRINGS = ['id', 'label', 'className'] as const
const ENTRY_COUNTS = ['hits', 'frequency', 'inFlight', 'requests', 'errors'] as const
const ENTRY_TIMES = ['createdAt', 'lastUsedAt'] as const
const STATS = ['hits', 'misses', 'creates', 'evictions', 'disposals'] as const

function isEntry(value: unknown): boolean {
  return (
    isRecord(value) &&
    ENTRY_STRINGS.every((name) => typeof value[name] === 'string') &&
    isStringOrNull(value.region) &&
    ENTRY_COUNTS.every((name) => isCount(value[name])) &&
    ENTRY_TIMES.every((name) => isFiniteNumber(value[name]))
  )
}

/** A cache of the given side and policy (the panel's actions name it by both). */
function isCache(
  value: unknown,
  cacheType: string,
  evictionPolicy: string,
): value is CacheSnapshot {
  return (
    isRecord(value) &&
    value.cacheType === cacheType &&
    value.evictionPolicy === evictionPolicy &&
    isCount(value.maxSize) &&
    isCount(value.size) &&
    Array.isArray(value.entries) &&
    value.entries.every(isEntry)
  )
}

function isCachePair(value: unknown, cacheType: string): boolean {
  return (
    isRecord(value) && isCache(value.LRU, cacheType, 'LRU') && isCache(value.LFU, cacheType, 'LFU')
  )
}

function isWarning(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.code === 'string' &&
    typeof value.className === 'string' &&
    typeof value.path === 'string' &&
    isCount(value.count)
  )
}

function isCredentials(value: unknown): boolean {
  if (value === null) return true
  return (
    isRecord(value) &&
    isStringOrNull(value.expiration) &&
    (value.reason === undefined || isStringOrNull(value.reason))
  )
}

/**
 * `true` when `value` has the shape of a `SessionSnapshot` in every field the panel reads (each
 * string a string, each count a finite number, each cache the side and policy it is filed
 * under): what the relay and the service worker check before passing a page's snapshot on, so
 * that a forged or broken message never reaches the panel.
 */
export function isSessionSnapshot(value: unknown): value is SessionSnapshot {
  if (!isRecord(value) || typeof value.id !== 'string') return false
  const { caches, stats, warnings, credentials } = value
  return (
    isStringOrNull(value.regionName) &&
    isStringOrNull(value.profileName) &&
    isRecord(caches) &&
    isCachePair(caches.client, 'client') &&
    isCachePair(caches.resource, 'resource') &&
    isRecord(stats) &&
    STATS.every((name) => isCount(stats[name])) &&
    Array.isArray(warnings) &&
    warnings.every(isWarning) &&
    isCredentials(credentials)
  )
}
