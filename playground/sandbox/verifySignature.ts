/**
 * Checks an S3 request's SigV4 signature by signing the request again with
 * `@smithy/signature-v4` (the SDK's own signer) and the secret s3rver's registry holds for the key,
 * then comparing signatures in constant time. s3rver 3.7.1 never computes SigV4 signatures.
 *
 * S3's rules, as the S3 client configures the signer: the canonical URI is the path exactly as
 * sent (`uriEscapePath: false`), and the payload hash is the `x-amz-content-sha256` header as sent
 * (`applyChecksum: false`; presigned URLs: the query's `X-Amz-Content-Sha256`, else
 * `UNSIGNED-PAYLOAD`). The payload itself is not re-hashed (see README). Exactly the headers the
 * client signed are signed again: the rest are marked unsignable (and, presigning, unhoistable).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { SignatureV4 } from '@smithy/signature-v4'
import type { RawRequest, SigV4Request } from './sigv4.js'
import { parseAmzDate, parseQuery, splitUrl } from './sigv4.js'

type SignerInit = ConstructorParameters<typeof SignatureV4>[0]

type SourceData = string | ArrayBuffer | ArrayBufferView

const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data)

/** The hash the signer wants (`new Sha256(secret?)`: SHA-256, or HMAC-SHA256 with a secret). */
export class NodeSha256 {
  readonly #hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>

  constructor(secret?: SourceData) {
    this.#hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret))
  }

  update(data: SourceData): void {
    this.#hash.update(bytes(data))
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()))
  }
}

/** Keeps the canonical request and string to sign, which S3 returns in SignatureDoesNotMatch. */
class RecordingSigner extends SignatureV4 {
  canonicalRequest = ''
  stringToSign = ''

  protected override async createStringToSign(
    longDate: string,
    credentialScope: string,
    canonicalRequest: string,
    algorithmIdentifier: string,
  ): Promise<string> {
    this.canonicalRequest = canonicalRequest
    this.stringToSign = await super.createStringToSign(
      longDate,
      credentialScope,
      canonicalRequest,
      algorithmIdentifier,
    )
    return this.stringToSign
  }
}

export interface VerifyResult {
  ok: boolean
  canonicalRequest: string
  stringToSign: string
}

/** Query parameters the signer writes itself when presigning (the signature is skipped anyway). */
const PRESIGN_PARAMETERS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
])

function sameHex(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a.toLowerCase()), Buffer.from(b.toLowerCase())]
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Re-signs `req` as the client must have (same key, date, scope, signed headers) and compares.
 */
export async function verifySignature(
  req: RawRequest,
  signed: SigV4Request,
  secretAccessKey: string,
): Promise<VerifyResult> {
  const { path, rawQuery } = splitUrl(req.url)
  const presigned = signed.kind === 'query'
  const pairs = parseQuery(rawQuery).filter(([key]) => !presigned || !PRESIGN_PARAMETERS.has(key))
  const query: Record<string, string | string[]> = {}
  for (const [key, value] of pairs) {
    const previous = query[key]
    query[key] = previous === undefined ? value : [previous, value].flat()
  }

  const signedHeaders = new Set(signed.signedHeaders)
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value
  }
  if (presigned && !signedHeaders.has('x-amz-content-sha256')) {
    headers['x-amz-content-sha256'] =
      parseQuery(rawQuery).find(([key]) => key.toLowerCase() === 'x-amz-content-sha256')?.[1] ??
      'UNSIGNED-PAYLOAD'
  }
  const unsignableHeaders = new Set(Object.keys(headers).filter((n) => !signedHeaders.has(n)))

  const { accessKeyId, region, service } = signed.credential
  const init: SignerInit = {
    service,
    region,
    credentials: {
      accessKeyId,
      secretAccessKey,
      // Only a token the client signed with is signed again (it is then a signed header/param).
      sessionToken:
        signedHeaders.has('x-amz-security-token') || presigned ? signed.sessionToken : undefined,
    },
    sha256: NodeSha256,
    uriEscapePath: false,
    applyChecksum: false,
  }
  const signer = new RecordingSigner(init)
  const request = {
    method: req.method.toUpperCase(),
    protocol: 'http:',
    hostname: '127.0.0.1',
    path,
    query,
    headers,
  }
  const options = {
    signingDate: parseAmzDate(signed.amzDate),
    signingRegion: region,
    signingService: service,
    unsignableHeaders,
    signableHeaders: signedHeaders,
  }

  let expected: string | undefined
  if (presigned) {
    const xAmzHeaders = Object.keys(headers).filter((name) => name.startsWith('x-amz-'))
    const result = await signer.presign(request, {
      ...options,
      expiresIn: signed.expiresSeconds ?? 0,
      unhoistableHeaders: new Set(xAmzHeaders),
    })
    const signature = result.query?.['X-Amz-Signature']
    expected = typeof signature === 'string' ? signature : undefined
  } else {
    const result = await signer.sign(request, options)
    expected = /Signature=([0-9a-f]+)/.exec(result.headers['authorization'] ?? '')?.[1]
  }
  return {
    ok: expected !== undefined && sameHex(expected, signed.signature),
    canonicalRequest: signer.canonicalRequest,
    stringToSign: signer.stringToSign,
  }
}
