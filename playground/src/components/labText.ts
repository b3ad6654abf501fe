/** How the cache lab words keys, events and miss causes. */
import type { CacheEvent, MissCause } from 'aws-client-cache'

/**
 * A key's label without the session's defaults every entry shares (credentials, the sandbox
 * endpoint, path-style, the no-store request handler options), with nested objects (a logger)
 * folded to `{…}`, so what differs between entries stands out. Show the full label as the title.
 */
export function shortLabel(label: string): string {
  return label
    .replace(/credentials: \*\*\*(, )?/, '')
    .replace(/endpoint: '[^']*'(, )?/, '')
    .replace(/forcePathStyle: true(, )?/, '')
    .replace(/(, )?requestHandler: \{ cache: 'no-store' \}/, '')
    .replace(/: \{ [^{}]* \}/g, ': {…}')
    .replace(/\(\{ {1,2}\}\)$/, '()')
}

/**
 * The short label in a line: `S3Client({ maxAttempts: 5, region: 'eu-west-1' })` →
 * `S3Client · eu-west-1, maxAttempts: 5` (the region first).
 */
export function compactLabel(label: string): string {
  const short = shortLabel(label)
  const match = /^([\w$]+)\(\{ (.*) \}\)$/.exec(short)
  if (match === null) return short.replace(/'/g, '')
  const [, name = '', body = ''] = match
  const region = /(?:^|, )region: '([^']*)'/.exec(body)
  const rest = body.replace(/(^|, )region: '[^']*'/, '').replace(/^, /, '')
  const parts = [region?.[1], rest].filter(Boolean)
  // A folded object stays on the line of its property name.
  return (parts.length === 0 ? name : `${name} · ${parts.join(', ')}`)
    .replace(/'/g, '')
    .replace(/: \{…\}/g, ':\u00a0{…}')
}

const EVICT_REASONS: Record<string, string> = {
  capacity: 'capacity: the cache was full',
  resize: 'resize: maxSize shrank',
  clear: 'clear: the cache was cleared',
  delete: 'delete: it was removed',
  dispose: 'dispose: the session was disposed',
}

/** Why a call missed, in words: new / evicted (reason) / differs from <label> in <paths>. */
export function describeCause(cause: MissCause | undefined): string {
  if (cause === undefined) return 'miss'
  switch (cause.kind) {
    case 'new':
      return 'new: nothing of this class was cached'
    case 'evicted':
      return `evicted (${EVICT_REASONS[cause.reason] ?? cause.reason}): this very config was cached before`
    case 'differs':
      return `differs from ${compactLabel(cause.nearest.label)} in ${cause.paths.join(', ')}`
  }
}

/** A short line for an event of the lab's event log. */
export function describeEvent(event: CacheEvent): string {
  switch (event.type) {
    case 'evict':
      return `${compactLabel(event.label)} (${event.reason})`
    case 'resize':
      return `maxSize ${event.previousMaxSize} → ${event.maxSize}`
    case 'clear':
      return `${event.count} ${event.count === 1 ? 'entry' : 'entries'} removed`
    case 'miss':
      return event.cause === undefined
        ? compactLabel(event.label)
        : `${compactLabel(event.label)} — ${event.cause.kind === 'differs' ? `differs in ${event.cause.paths.join(', ')}` : event.cause.kind}`
    case 'warning':
      return `${event.code} ${event.className} config.${event.path}`
    case 'hit':
    case 'create':
    case 'dispose':
      return compactLabel(event.label)
    default:
      return ''
  }
}
