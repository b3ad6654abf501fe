import { parseSessionAction, type SessionAction } from './HookCommand.js'
import { isRecord } from './isRecord.js'

/**
 * What a panel posts to the service worker: whether it is shown (the tab's hooks send only while
 * some panel of the tab is), or an action for a session of one frame (`frame` is a
 * `FrameInfo.key`).
 */
export type PanelRequest =
  | { readonly type: 'shown'; readonly shown: boolean }
  | { readonly type: 'action'; readonly frame: string; readonly action: SessionAction }

/** `value` when it is a well-formed {@link PanelRequest}, else `undefined`. */
export function parsePanelRequest(value: unknown): PanelRequest | undefined {
  if (!isRecord(value)) return undefined
  if (value.type === 'shown' && typeof value.shown === 'boolean') {
    return { type: 'shown', shown: value.shown }
  }
  if (value.type === 'action' && typeof value.frame === 'string') {
    const action = parseSessionAction(value.action)
    return action === undefined ? undefined : { type: 'action', frame: value.frame, action }
  }
  return undefined
}
