/**
 * Error codes that mean "these credentials are not (or no longer) valid": S3's XML codes, the
 * JSON-protocol services' and STS-style query services'. `AccessDenied` is absent on purpose: it
 * is authorization (the identity is valid and may not do this), which new credentials of the same
 * identity would not change.
 */
export const AUTH_ERROR_CODES: ReadonlySet<string> = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'InvalidToken',
  'TokenRefreshRequired',
])

/** `true` for an SDK error whose `name` or `Code` is one of {@link AUTH_ERROR_CODES}. */
export function isAuthError(error: unknown): boolean {
  if (error === null || typeof error !== 'object') return false
  const { name, Code } = error as { name?: unknown; Code?: unknown }
  return (
    (typeof name === 'string' && AUTH_ERROR_CODES.has(name)) ||
    (typeof Code === 'string' && AUTH_ERROR_CODES.has(Code))
  )
}
