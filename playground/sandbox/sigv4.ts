/**
 * AWS Signature Version 4 verification for S3 requests (header and presigned-query forms).
 *
 * s3rver 3.7.1 only checks that a SigV4 request names a registered access key; it never computes
 * the signature ("Signature version 4 calculation is unimplemeneted"). The sandbox verifies it
 * here, against the secret s3rver's account registry holds for that key, the way S3 does:
 * canonical request → string to sign → HMAC with the derived signing key.
 *
 * S3 specifics: the canonical URI is the request path exactly as sent (S3 does not normalise or
 * double-encode it), and the payload hash is the `x-amz-content-sha256` header
 * (`UNSIGNED-PAYLOAD` for presigned URLs). The payload itself is not re-hashed (see README).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256'

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
}

export type ParsedAuth =
  | { kind: 'anonymous' }
  /** Signature Version 2 (header `AWS key:sig` or `?Signature=`); s3rver verifies those itself. */
  | { kind: 'v2' }
  | { kind: 'malformed'; code: string; message: string }
  | { kind: 'v4'; request: SigV4Request }

interface RawRequest {
  method: string
  /** Path and query exactly as received (`req.url`). */
  url: string
  headers: IncomingHttpHeaders
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
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

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded. */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

function splitUrl(url: string): { path: string; rawQuery: string } {
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
    if (scheme === 'AWS') return { kind: 'v2' }
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

  if (query.has('Signature')) return { kind: 'v2' }
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
    return {
      kind: 'v4',
      request: {
        kind: 'query',
        credential,
        amzDate,
        signedHeaders: signedHeaders.split(';').map((name) => name.trim().toLowerCase()),
        signature,
        sessionToken: query.get('X-Amz-Security-Token'),
      },
    }
  }
  return { kind: 'anonymous' }
}

/** The canonical request S3 signs (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html). */
export function canonicalRequest(req: RawRequest, signed: SigV4Request): string {
  const { path, rawQuery } = splitUrl(req.url)
  const query = parseQuery(rawQuery)
    .map(([key, value]) => [uriEscape(key), uriEscape(value)] as const)
    .filter(([key]) => !(signed.kind === 'query' && key === 'X-Amz-Signature'))
    .sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
  const headers = signed.signedHeaders
    .map((name) => `${name}:${(headerValue(req.headers, name) ?? '').trim().replace(/\s+/g, ' ')}`)
    .join('\n')
  const payloadHash =
    signed.kind === 'query'
      ? (parseQuery(rawQuery).find(([key]) => key.toLowerCase() === 'x-amz-content-sha256')?.[1] ??
        'UNSIGNED-PAYLOAD')
      : (headerValue(req.headers, 'x-amz-content-sha256') ?? 'UNSIGNED-PAYLOAD')
  return [
    req.method.toUpperCase(),
    path,
    query,
    `${headers}\n`,
    signed.signedHeaders.join(';'),
    payloadHash,
  ].join('\n')
}

export function credentialScope(credential: SigV4Credential): string {
  return `${credential.date}/${credential.region}/${credential.service}/aws4_request`
}

export function stringToSign(signed: SigV4Request, canonical: string): string {
  return [
    SIGV4_ALGORITHM,
    signed.amzDate,
    credentialScope(signed.credential),
    createHash('sha256').update(canonical, 'utf8').digest('hex'),
  ].join('\n')
}

export function computeSignature(
  secretAccessKey: string,
  credential: SigV4Credential,
  toSign: string,
): string {
  const hmac = (key: string | Buffer, data: string) =>
    createHmac('sha256', key).update(data, 'utf8').digest()
  const dateKey = hmac(`AWS4${secretAccessKey}`, credential.date)
  const regionKey = hmac(dateKey, credential.region)
  const serviceKey = hmac(regionKey, credential.service)
  const signingKey = hmac(serviceKey, 'aws4_request')
  return createHmac('sha256', signingKey).update(toSign, 'utf8').digest('hex')
}

export interface VerifyResult {
  ok: boolean
  canonicalRequest: string
  stringToSign: string
}

/** Recomputes the request's signature with `secretAccessKey` and compares (constant time). */
export function verifySignature(
  req: RawRequest,
  signed: SigV4Request,
  secretAccessKey: string,
): VerifyResult {
  const canonical = canonicalRequest(req, signed)
  const toSign = stringToSign(signed, canonical)
  const expected = Buffer.from(computeSignature(secretAccessKey, signed.credential, toSign))
  const provided = Buffer.from(signed.signature.toLowerCase())
  const ok = expected.length === provided.length && timingSafeEqual(expected, provided)
  return { ok, canonicalRequest: canonical, stringToSign: toSign }
}
