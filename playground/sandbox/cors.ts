/**
 * CORS helpers shared by the Cognito endpoint and the S3 endpoint's own error responses.
 *
 * Origins are matched like S3's AllowedOrigin: exact, `*` for any, or one `*` wildcard inside
 * (e.g. `http://localhost:*`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Request headers the browser SDKs send (S3 and Cognito Identity). */
export const SDK_REQUEST_HEADER_PATTERNS: readonly string[] = [
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'authorization',
  'content-type',
  'x-amz-user-agent',
  'x-amz-*',
]

/** Response headers S3 lets a browser read (the SDK needs ETag, checksums, ranges, …). */
export const S3_EXPOSE_HEADERS: readonly string[] = [
  'ETag',
  'Content-Length',
  'Content-Type',
  'Content-Range',
  'Content-Disposition',
  'Content-Encoding',
  'Content-Language',
  'Cache-Control',
  'Expires',
  'Last-Modified',
  'Accept-Ranges',
  'Date',
  'x-amz-request-id',
  'x-amz-id-2',
  'x-amz-version-id',
  'x-amz-delete-marker',
  'x-amz-bucket-region',
  'x-amz-server-side-encryption',
  'x-amz-storage-class',
  'x-amz-checksum-crc32',
  'x-amz-checksum-crc32c',
  'x-amz-checksum-crc64nvme',
  'x-amz-checksum-sha1',
  'x-amz-checksum-sha256',
  'x-amz-checksum-type',
]

/** Response headers the Cognito Identity browser client reads. */
export const COGNITO_EXPOSE_HEADERS: readonly string[] = [
  'x-amzn-requestid',
  'x-amzn-errortype',
  'x-amzn-errormessage',
  'Date',
]

export const CORS_MAX_AGE_SECONDS = 600

function wildcardRegExp(pattern: string, flags = ''): RegExp {
  const parts = pattern.split('*')
  if (parts.length > 2) throw new Error(`CORS pattern "${pattern}" can have at most one wildcard`)
  const escaped = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${escaped.join('.*')}$`, flags)
}

export interface CorsPolicy {
  readonly allowedOrigins: readonly string[]
  /** The Access-Control-Allow-Origin value for `origin`, or undefined if it isn't allowed. */
  allowOrigin(origin: string | undefined): string | undefined
  /** Which of the requested headers (Access-Control-Request-Headers) are allowed. */
  allowHeaders(requested: string | undefined): { allowed: string[]; rejected: string[] }
}

export function createCorsPolicy(allowedOrigins: readonly string[]): CorsPolicy {
  const origins = allowedOrigins.map((origin) => wildcardRegExp(origin))
  const anyOrigin = allowedOrigins.includes('*')
  const headers = SDK_REQUEST_HEADER_PATTERNS.map((pattern) => wildcardRegExp(pattern, 'i'))
  return {
    allowedOrigins,
    allowOrigin(origin) {
      if (origin === undefined || origin === '') return undefined
      if (anyOrigin) return '*'
      return origins.some((re) => re.test(origin)) ? origin : undefined
    },
    allowHeaders(requested) {
      const names = (requested ?? '')
        .split(',')
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== '')
      return {
        allowed: names.filter((name) => headers.some((re) => re.test(name))),
        rejected: names.filter((name) => !headers.some((re) => re.test(name))),
      }
    },
  }
}

/** Sets the headers of an actual (non-preflight) CORS response. Returns false if not allowed. */
export function applyCorsHeaders(
  policy: CorsPolicy,
  req: IncomingMessage,
  setHeader: (name: string, value: string) => void,
  exposeHeaders: readonly string[],
): boolean {
  const allowOrigin = policy.allowOrigin(req.headers.origin)
  setHeader('Vary', 'Origin')
  if (allowOrigin === undefined) return false
  setHeader('Access-Control-Allow-Origin', allowOrigin)
  setHeader('Access-Control-Expose-Headers', exposeHeaders.join(', '))
  return true
}

/** Answers a CORS preflight (OPTIONS) on a plain node:http response. */
export function answerPreflight(
  policy: CorsPolicy,
  req: IncomingMessage,
  res: ServerResponse,
  methods: readonly string[],
): void {
  const allowOrigin = policy.allowOrigin(req.headers.origin)
  const requestedMethod = req.headers['access-control-request-method']
  res.setHeader('Vary', 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method')
  const { allowed, rejected } = policy.allowHeaders(req.headers['access-control-request-headers'])
  if (
    allowOrigin === undefined ||
    (requestedMethod !== undefined && !methods.includes(requestedMethod.toUpperCase())) ||
    rejected.length > 0
  ) {
    res.statusCode = 403
    res.setHeader('Content-Type', 'text/plain; charset=utf-8')
    res.end('CORS request not allowed by the sandbox')
    return
  }
  res.statusCode = 204
  res.setHeader('Access-Control-Allow-Origin', allowOrigin)
  res.setHeader('Access-Control-Allow-Methods', methods.join(', '))
  if (allowed.length > 0) res.setHeader('Access-Control-Allow-Headers', allowed.join(', '))
  res.setHeader('Access-Control-Max-Age', String(CORS_MAX_AGE_SECONDS))
  res.end()
}

function xmlEscape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** The bucket CORS configuration handed to s3rver (`configureBuckets[].configs`). */
export function s3CorsConfigurationXml(allowedOrigins: readonly string[]): string {
  const tag = (name: string, value: string) => `<${name}>${xmlEscape(value)}</${name}>`
  return [
    '<CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">',
    '<CORSRule>',
    ...allowedOrigins.map((origin) => tag('AllowedOrigin', origin)),
    ...['GET', 'PUT', 'POST', 'DELETE', 'HEAD'].map((method) => tag('AllowedMethod', method)),
    tag('AllowedHeader', '*'),
    ...S3_EXPOSE_HEADERS.map((header) => tag('ExposeHeader', header)),
    tag('MaxAgeSeconds', String(CORS_MAX_AGE_SECONDS)),
    '</CORSRule>',
    '</CORSConfiguration>',
  ].join('')
}
