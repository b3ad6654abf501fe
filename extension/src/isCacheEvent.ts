import type { CacheEvent } from 'aws-client-cache'
import { isRecord } from './isRecord.js'
import { isCount, isFiniteNumber, isStringOrNull } from './isSessionSnapshot.js'

type Fields = Record<string, unknown>

const isString = (value: unknown): value is string => typeof value === 'string'
const isCacheType = (value: unknown): boolean => value === 'client' || value === 'resource'
const isPolicy = (value: unknown): boolean => value === 'LRU' || value === 'LFU'

/** What the timeline words each `credentials` reason as (`describeEvent`): only these are known. */
const CREDENTIALS_REASONS: ReadonlySet<unknown> = new Set([
  'initial',
  'refresh',
  'switch',
  'invalidate',
  'auth-error',
])

/** An event about one entry: its cache, and the entry's key id and label. */
const entry = (value: Fields): boolean =>
  isCacheType(value.cacheType) &&
  isPolicy(value.evictionPolicy) &&
  isString(value.keyId) &&
  isString(value.label)

/** An event about one whole cache. */
const cache = (value: Fields): boolean =>
  isCacheType(value.cacheType) && isPolicy(value.evictionPolicy)

function isMissCause(cause: unknown): boolean {
  if (cause === undefined) return true
  if (!isRecord(cause)) return false
  switch (cause.kind) {
    case 'new':
      return true
    case 'evicted':
      return isString(cause.reason)
    case 'differs':
      return (
        isRecord(cause.nearest) &&
        isString(cause.nearest.keyId) &&
        isString(cause.nearest.label) &&
        Array.isArray(cause.paths) &&
        cause.paths.every(isString)
      )
    default:
      return false
  }
}

/** Per type, what the panel reads of an event besides `type` and `at`. */
const CHECKS: Readonly<Record<CacheEvent['type'], (value: Fields) => boolean>> = {
  hit: entry,
  miss: (value) => entry(value) && isMissCause(value.cause),
  create: entry,
  evict: (value) => entry(value) && isString(value.reason),
  dispose: entry,
  resize: (value) => cache(value) && isCount(value.maxSize) && isCount(value.previousMaxSize),
  clear: (value) => cache(value) && isCount(value.count),
  request: (value) => entry(value) && isString(value.commandName),
  response: (value) =>
    entry(value) &&
    isString(value.commandName) &&
    isFiniteNumber(value.duration) &&
    typeof value.ok === 'boolean',
  credentials: (value) =>
    value.cacheType === null &&
    value.evictionPolicy === null &&
    typeof value.refresh === 'boolean' &&
    CREDENTIALS_REASONS.has(value.reason) &&
    isStringOrNull(value.expiration),
  warning: (value) =>
    cache(value) &&
    isString(value.code) &&
    isString(value.className) &&
    isString(value.path) &&
    isCount(value.count) &&
    isString(value.message),
}

/**
 * `true` when `value` has the shape of a `CacheEvent` in every field the panel's timeline and
 * entry detail read: a known `type`, a finite `at`, its cache, and that type's own fields (key
 * ids and labels strings, counts finite numbers, a miss's cause well formed, a credentials
 * reason one the timeline can word). What the relay and the service worker check before passing
 * a page's event on, so that a forged or broken one never reaches the panel.
 */
export function isCacheEvent(value: unknown): value is CacheEvent {
  if (!isRecord(value) || !isString(value.type) || !Object.hasOwn(CHECKS, value.type)) return false
  if (!isFiniteNumber(value.at)) return false
  return CHECKS[value.type as CacheEvent['type']](value)
}
