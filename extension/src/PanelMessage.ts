import type { FrameInfo } from './FrameInfo.js'
import type { HookMessage } from './HookMessage.js'

/**
 * What the service worker posts to a panel's port about its tab:
 *
 * - `frames`: every frame connected now (first message on each connection: anything else the
 *   panel knew is gone);
 * - `frame`: a frame's relay connected (a load, a navigation, a reconnect);
 * - `frame-gone`: its port closed (navigation, frame removed);
 * - `hook`: a message from the hook of one frame.
 */
export type PanelMessage =
  | { readonly type: 'frames'; readonly frames: readonly FrameInfo[] }
  | { readonly type: 'frame'; readonly frame: FrameInfo }
  | { readonly type: 'frame-gone'; readonly key: string }
  | { readonly type: 'hook'; readonly key: string; readonly message: HookMessage }
