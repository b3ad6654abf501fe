/**
 * A frame of the inspected tab that runs the relay, as the service worker read it from
 * `port.sender` (never from a message). Only the origin is kept: a page's URL may carry tokens in
 * its query or fragment.
 */
export interface FrameInfo {
  /** Unique per document while its port lives: `sender.documentId` (Chrome) or a random id. */
  readonly key: string
  /** `0` for the top frame. */
  readonly frameId: number
  /** `'null'` for opaque origins (sandboxed frames, `data:`). */
  readonly origin: string
}
