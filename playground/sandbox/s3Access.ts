/**
 * S3 authorization by Cognito identity, as Amplify Storage's access levels set it up with IAM:
 *
 * - every identity (guest or signed in) may read `public/`: GetObject / HeadObject of a key under
 *   it, and ListObjects (V1 or V2) with a `prefix` under it;
 * - a signed-in identity may also read and write `private/<identityId>/` (Get, Head, List, Put,
 *   Post (multipart), Delete; CopyObject also needs read access to its source);
 * - anything else is AccessDenied (403), e.g. listing without a prefix, bucket sub-resources,
 *   DeleteObjects (its keys are in the body), ListBuckets.
 *
 * Requests signed with s3rver's own keys (the bucket owner: S3RVER, or SigV2) are not restricted.
 * Keys with `.` or `..` segments are refused for identities, since s3rver's file store resolves
 * them as paths.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { IssuedIdentity } from './credentials.js'
import { parseQuery } from './sigv4.js'

export const PUBLIC_PREFIX = 'public/'

/** Who signed a request. */
export type S3Principal = { kind: 'owner' } | ({ kind: 'identity' } & IssuedIdentity)

export interface S3AccessRequest {
  method: string
  /** Path and query as received, path style: `/<bucket>/<key>?…`. */
  url: string
  headers: IncomingHttpHeaders
}

/** The private prefix of an identity: `private/<identityId>/`. */
export function privatePrefix(identityId: string): string {
  return `private/${identityId}/`
}

/** Query parameters of a plain object listing (V1 or V2); any other means a sub-resource. */
const LIST_PARAMETERS = new Set([
  'list-type',
  'prefix',
  'delimiter',
  'max-keys',
  'continuation-token',
  'start-after',
  'fetch-owner',
  'encoding-type',
  'marker',
  'x-id',
])

function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

/** True if `principal` may make this request. */
export function isAllowed(principal: S3Principal, request: S3AccessRequest): boolean {
  if (principal.kind === 'owner') return true
  const readable = [PUBLIC_PREFIX]
  const writable: string[] = []
  if (principal.authenticated) {
    readable.push(privatePrefix(principal.identityId))
    writable.push(privatePrefix(principal.identityId))
  }
  const under = (prefixes: readonly string[], key: string | undefined) =>
    key !== undefined &&
    !key.split('/').some((segment) => segment === '.' || segment === '..') &&
    prefixes.some((prefix) => key.startsWith(prefix))

  const q = request.url.indexOf('?')
  const path = q < 0 ? request.url : request.url.slice(0, q)
  const query = new Map(parseQuery(q < 0 ? '' : request.url.slice(q + 1)))
  const slash = path.indexOf('/', 1)
  const bucket = decode(slash < 0 ? path.slice(1) : path.slice(1, slash))
  const key = slash < 0 || slash === path.length - 1 ? undefined : decode(path.slice(slash + 1))
  const method = request.method.toUpperCase()
  if (!bucket) return false

  if (key === undefined) {
    const isListing = method === 'GET' && [...query.keys()].every((k) => LIST_PARAMETERS.has(k))
    return isListing && under(readable, query.get('prefix') ?? '')
  }
  if (method === 'GET' || method === 'HEAD') return under(readable, key)
  if (!under(writable, key)) return false
  const copySource = request.headers['x-amz-copy-source']
  if (typeof copySource === 'string' && method === 'PUT') {
    const source = decode(copySource.replace(/^\//, '').split('?')[0] ?? '')
    return (
      source?.startsWith(`${bucket}/`) === true && under(readable, source.slice(bucket.length + 1))
    )
  }
  return true
}
