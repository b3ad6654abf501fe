import { MAX_MESSAGE_CHARS } from './bridgeLimits.js'
import { isRecord } from './isRecord.js'

/**
 * What the hook and the relay post on the page's window: a source tag and the message as JSON
 * text (so only plain data crosses, and its size is known before it is parsed), or a bare
 * `hello` from the hook (a session registered: the relay may connect).
 */
export interface WindowEnvelope {
  readonly source: string
  readonly json?: string
  readonly hello?: true
}

/** What {@link openEnvelope} returns for a hello. */
export const HELLO: unique symbol = Symbol('hello')

/**
 * The parsed message of a window `message` event when it was posted by this very window with
 * `source`'s tag and holds JSON of at most {@link MAX_MESSAGE_CHARS}; {@link HELLO} for a hello;
 * `undefined` for anything else (dropped). Whether the message is well formed is the caller's
 * check.
 */
export function openEnvelope(
  event: { readonly source: unknown; readonly data: unknown },
  self: unknown,
  source: string,
): unknown {
  // Only this window's own posts: not another frame's, not an opener's.
  if (event.source !== self) return undefined
  const data = event.data
  if (!isRecord(data) || data.source !== source) return undefined
  if (data.hello === true) return HELLO
  if (typeof data.json !== 'string' || data.json.length > MAX_MESSAGE_CHARS) return undefined
  try {
    return JSON.parse(data.json) as unknown
  } catch {
    return undefined
  }
}
