import type { CacheEvent } from 'aws-client-cache'
import { isRecord } from './isRecord.js'

const TYPES: ReadonlySet<string> = new Set<CacheEvent['type']>([
  'hit',
  'miss',
  'create',
  'evict',
  'dispose',
  'resize',
  'clear',
  'request',
  'response',
  'credentials',
  'warning',
])

/**
 * `true` when `value` looks like a `CacheEvent`: a known `type`, a numeric `at`, and (for entry
 * events) string key ids and labels. The panel renders events as text only, so this guards its
 * rendering against a malformed message, not against a hostile one.
 */
export function isCacheEvent(value: unknown): value is CacheEvent {
  if (!isRecord(value) || typeof value.type !== 'string' || !TYPES.has(value.type)) return false
  if (typeof value.at !== 'number') return false
  if ('keyId' in value && typeof value.keyId !== 'string') return false
  if ('label' in value && typeof value.label !== 'string') return false
  return true
}
