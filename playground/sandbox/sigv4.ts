/**
 * Which authentication an S3 request uses, and the parts of a SigV4 one (header or presigned
 * query). The signature itself is checked by `verifySignature` (the SDK's own signer re-signs).
 */
import type { IncomingHttpHeaders } from 'node:http'

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256'
/** The longest a presigned URL may live: a week. */
export const MAX_PRESIGNED_SECONDS = 7 * 24 * 60 * 60

export interface SigV4Credential {
  accessKeyId: string
  /** YYYYMMDD */
  date: string
  region: string
  service: string
}

export interface SigV4Request {
  /** Where the signature came from. */
  kind: 'header' | 'query'
  credential: SigV4Credential
  /** ISO 8601 basic format, e.g. 20240101T000000Z. */
  amzDate: string
  signedHeaders: string[]
  signature: string
  /** The session token sent with the request (x-amz-security-token / X-Amz-Security-Token). */
  sessionToken: string | undefined
  /** Presigned URLs: X-Amz-Expires (1 to 604800 seconds). */
  expiresSeconds?: number
}

export type ParsedAuth =
  | { kind: 'anonymous' }
  /** Signature Version 2 (header `AWS key:sig` or `?Signature=`); s3rver verifies those itself. */
  | { kind: 'v2'; accessKeyId: string }
  | { kind: 'malformed'; code: string; message: string }
  | { kind: 'v4'; request: SigV4Request }

export interface RawRequest {
  method: string
  /** Path and query exactly as received (`req.url`). */
  url: string
  headers: IncomingHttpHeaders
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

/** Splits a raw query string into decoded [key, value] pairs ('+' is taken literally, as S3 does). */
export function parseQuery(rawQuery: string): [string, string][] {
  if (rawQuery === '') return []
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=')
      const key = eq < 0 ? part : part.slice(0, eq)
      const value = eq < 0 ? '' : part.slice(eq + 1)
      return [safeDecode(key), safeDecode(value)]
    })
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** `20130524T000000Z` → Date. */
export function parseAmzDate(amzDate: string): Date {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 9, 11, 13].map((at, i) =>
    Number(amzDate.slice(at, at + (i === 0 ? 4 : 2))),
  ) as [number, number, number, number, number, number]
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s))
}

export function splitUrl(url: string): { path: string; rawQuery: string } {
  const q = url.indexOf('?')
  const path = q < 0 ? url : url.slice(0, q)
  return { path: path === '' ? '/' : path, rawQuery: q < 0 ? '' : url.slice(q + 1) }
}

function parseCredential(value: string): SigV4Credential | undefined {
  const parts = value.split('/')
  if (parts.length !== 5 || parts[4] !== 'aws4_request') return undefined
  const [accessKeyId = '', date = '', region = '', service = ''] = parts
  if (!accessKeyId || !/^\d{8}$/.test(date) || !region || !service) return undefined
  return { accessKeyId, date, region, service }
}

/** Works out which authentication mechanism a request uses and parses a SigV4 one. */
export function parseAuth(req: RawRequest): ParsedAuth {
  const authorization = headerValue(req.headers, 'authorization')
  const query = new Map(parseQuery(splitUrl(req.url).rawQuery))
  const malformed = (message: string): ParsedAuth => ({
    kind: 'malformed',
    code: 'AuthorizationHeaderMalformed',
    message: `The authorization header is malformed; ${message}`,
  })

  if (authorization !== undefined) {
    const space = authorization.indexOf(' ')
    const scheme = space < 0 ? authorization : authorization.slice(0, space)
    if (scheme === 'AWS') {
      const credential = authorization.slice(space + 1)
      return { kind: 'v2', accessKeyId: credential.slice(0, credential.lastIndexOf(':')) }
    }
    if (scheme !== SIGV4_ALGORITHM) {
      return {
        kind: 'malformed',
        code: 'InvalidArgument',
        message: 'Unsupported Authorization Type',
      }
    }
    const components = new Map<string, string>()
    for (const component of authorization.slice(space + 1).split(',')) {
      const eq = component.indexOf('=')
      if (eq > 0) components.set(component.slice(0, eq).trim(), component.slice(eq + 1).trim())
    }
    const credentialValue = components.get('Credential')
    const signedHeaders = components.get('SignedHeaders')
    const signature = components.get('Signature')
    if (credentialValue === undefined || signedHeaders === undefined || signature === undefined) {
      return malformed(
        'the authorization header requires three components: Credential, SignedHeaders, and Signature.',
      )
    }
    const credential = parseCredential(credentialValue)
    if (!credential) return malformed(`incorrect Credential "${credentialValue}".`)
    const amzDate = headerValue(req.headers, 'x-amz-date')
    if (amzDate === undefined || !/^\d{8}T\d{6}Z$/.test(amzDate)) {
      return {
        kind: 'malformed',
        code: 'AccessDenied',
        message: 'AWS authentication requires a valid Date or x-amz-date header',
      }
    }
    return {
      kind: 'v4',
      request: {
        kind: 'header',
        credential,
        amzDate,
        signedHeaders: signedHeaders.split(';').map((name) => name.trim().toLowerCase()),
        signature,
        sessionToken: headerValue(req.headers, 'x-amz-security-token'),
      },
    }
  }

  if (query.has('Signature')) return { kind: 'v2', accessKeyId: query.get('AWSAccessKeyId') ?? '' }
  if (query.has('X-Amz-Algorithm')) {
    const queryError = (message: string): ParsedAuth => ({
      kind: 'malformed',
      code: 'AuthorizationQueryParametersError',
      message,
    })
    if (query.get('X-Amz-Algorithm') !== SIGV4_ALGORITHM) {
      return queryError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"')
    }
    const credentialValue = query.get('X-Amz-Credential')
    const amzDate = query.get('X-Amz-Date')
    const signedHeaders = query.get('X-Amz-SignedHeaders')
    const signature = query.get('X-Amz-Signature')
    if (
      credentialValue === undefined ||
      amzDate === undefined ||
      signedHeaders === undefined ||
      signature === undefined ||
      !query.has('X-Amz-Expires')
    ) {
      return queryError(
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, ' +
          'X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      )
    }
    const credential = parseCredential(credentialValue)
    if (!credential) return queryError(`Error parsing the X-Amz-Credential parameter.`)
    if (!/^\d{8}T\d{6}Z$/.test(amzDate)) {
      return queryError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`)
    }
    const expiresSeconds = Number(query.get('X-Amz-Expires'))
    if (!/^\d+$/.test(query.get('X-Amz-Expires') ?? '') || expiresSeconds < 1) {
      return queryError('X-Amz-Expires should be a number')
    }
    if (expiresSeconds > MAX_PRESIGNED_SECONDS) {
      return queryError(
        `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGNED_SECONDS}`,
      )
    }
    return {
      kind: 'v4',
      request: {
        kind: 'query',
        credential,
        amzDate,
        signedHeaders: signedHeaders.split(';').map((name) => name.trim().toLowerCase()),
        signature,
        sessionToken: query.get('X-Amz-Security-Token'),
        expiresSeconds,
      },
    }
  }
  return { kind: 'anonymous' }
}
