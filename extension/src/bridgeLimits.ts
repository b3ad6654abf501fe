/** How long the hook gathers events before it posts them (React DevTools batches 100 ms too). */
export const BATCH_MS = 100

/**
 * The most characters one bridged message may hold (its JSON text). The hook trims what it
 * posts to fit (oldest events first, down to the newest one, then snapshot entries); the relay
 * drops anything longer.
 */
export const MAX_MESSAGE_CHARS = 256 * 1024

/** The most events of one session one batch carries; older ones are counted as `dropped`. */
export const MAX_EVENTS_PER_BATCH = 500
