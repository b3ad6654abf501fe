import type { AwsCredentialIdentity } from '../types.js'

/**
 * `true` when a command's input can be sent again as it is: no top-level value is a stream (a
 * web `ReadableStream`, a Node `Readable`, or any other async iterable), which the first attempt
 * may have consumed. Strings, `Uint8Array`s and `Blob`s replay.
 */
export function isReplayable(input: unknown): boolean {
  if (input === null || typeof input !== 'object') return true
  for (const value of Object.values(input as Record<string, unknown>)) {
    if (isStream(value)) return false
  }
  return true
}

function isStream(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false
  if (ArrayBuffer.isView(value)) return false
  if (typeof Blob !== 'undefined' && value instanceof Blob) return false
  const candidate = value as {
    getReader?: unknown
    pipe?: unknown
    [Symbol.asyncIterator]?: unknown
  }
  return (
    typeof candidate.getReader === 'function' ||
    typeof candidate.pipe === 'function' ||
    typeof candidate[Symbol.asyncIterator] === 'function'
  )
}

/**
 * The identity a finished request was signed with, as the SDK's auth-scheme middleware records it
 * on the handler context (`__smithy_context.selectedHttpAuthScheme.identity`), if it did.
 */
export function signedWith(context: unknown): AwsCredentialIdentity | undefined {
  const identity = (
    context as
      { __smithy_context?: { selectedHttpAuthScheme?: { identity?: unknown } } } | undefined
  )?.__smithy_context?.selectedHttpAuthScheme?.identity
  if (identity === null || typeof identity !== 'object') return undefined
  return typeof (identity as { accessKeyId?: unknown }).accessKeyId === 'string'
    ? (identity as AwsCredentialIdentity)
    : undefined
}
