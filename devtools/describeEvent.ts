import type { CacheEvent, MissCause } from 'aws-client-cache'

/** How each reason of a `credentials` event is worded. */
const CREDENTIALS_REASON = {
  initial: 'resolved',
  refresh: 'refreshed',
  switch: 'switched identity',
  invalidate: 'resolved after invalidate',
  'auth-error': 'resolved after an auth error',
} as const

/** The type-specific part of an event, in a few words (the timeline's rows, the detail view). */
export function eventDetail(event: CacheEvent): string {
  switch (event.type) {
    case 'miss':
      return event.cause === undefined ? '' : missCauseShort(event.cause)
    case 'warning':
      return `${event.code}: ${event.className} config.${event.path}, ${event.count} misses`
    case 'evict':
      return `reason: ${event.reason}`
    case 'resize':
      return `maxSize ${event.previousMaxSize} → ${event.maxSize}`
    case 'clear':
      return `${event.count} ${event.count === 1 ? 'entry' : 'entries'} removed`
    case 'request':
      return event.commandName
    case 'response':
      return `${event.commandName} ${event.ok ? 'ok' : 'failed'} in ${event.duration} ms`
    case 'credentials':
      return `${CREDENTIALS_REASON[event.reason]}, expires ${event.expiration ?? 'never'}`
    default:
      return ''
  }
}

/** Why a miss happened, in a few words: `new`, `evicted before (capacity)`, `differs in region`. */
export function missCauseShort(cause: MissCause): string {
  switch (cause.kind) {
    case 'new':
      return 'new'
    case 'evicted':
      return `evicted before (${cause.reason})`
    case 'differs':
      return `differs in ${paths(cause.paths)}`
  }
}

/** Why a miss happened, in a sentence (tooltips, the detail view). */
export function missCauseLong(cause: MissCause): string {
  switch (cause.kind) {
    case 'new':
      return 'New: nothing of this class was cached, and this key was not evicted lately.'
    case 'evicted':
      return `This very key was cached before, and evicted (reason: ${cause.reason}).`
    case 'differs':
      return `Differs in ${paths(cause.paths)} from the nearest cached entry, ${cause.nearest.label}.`
  }
}

const paths = (list: readonly string[]) =>
  list.length === 0 ? 'nothing top-level' : list.map((path) => `config.${path}`).join(', ')

/** The whole event in one line (a row's tooltip). */
export function describeEvent(event: CacheEvent): string {
  if (event.type === 'miss' && event.cause !== undefined) {
    return `${event.label}: ${missCauseLong(event.cause)}`
  }
  if (event.type === 'warning') return event.message
  return 'label' in event ? `${event.label} ${eventDetail(event)}`.trim() : eventDetail(event)
}
