/**
 * Koa middleware put in front of s3rver's own stack: counts S3 requests and authenticates them
 * the way S3 does for a private bucket, which s3rver 3.7.1 does not (it lets anonymous requests
 * through and never computes SigV4 signatures).
 *
 * - OPTIONS (CORS preflight): passed to s3rver's CORS handling, not counted, not authenticated.
 * - No credentials: 403 AccessDenied.
 * - SigV4 (header or presigned query): the access key must be in s3rver's account registry and the
 *   signature must match its secret (403 InvalidAccessKeyId / SignatureDoesNotMatch). For keys the
 *   sandbox issued: expired → 400 ExpiredToken, missing session token → 403 InvalidAccessKeyId,
 *   wrong session token → 400 InvalidToken (as S3 answers for temporary credentials).
 * - SigV2: left to s3rver, which verifies V2 signatures itself.
 * - Presigned URLs past `X-Amz-Date` + `X-Amz-Expires`: 403 AccessDenied "Request has expired".
 * - Then authorization (`s3Access.ts`): keys the sandbox issued act for their Cognito identity
 *   (403 AccessDenied outside its prefixes); s3rver's own keys are the bucket owner.
 *
 * Errors are thrown as s3rver's S3Error so its error handler renders S3's XML; it keeps
 * Access-Control-* headers, which are set here so a browser can read the error.
 */
import type { IncomingHttpHeaders } from 'node:http'
import type { CorsPolicy } from './cors.js'
import { applyCorsHeaders, S3_EXPOSE_HEADERS } from './cors.js'
import type { CredentialIssuer } from './credentials.js'
import type { S3Principal } from './s3Access.js'
import { isAllowed } from './s3Access.js'
import type { KoaMiddleware } from './s3rver.js'
import { AWSAccounts, S3Error } from './s3rver.js'
import { parseAmzDate, parseAuth } from './sigv4.js'
import { verifySignature } from './verifySignature.js'

export interface S3AuthDeps {
  issuer: CredentialIssuer
  cors: CorsPolicy
  /** Called for every S3 request served except CORS preflights. */
  count(): void
  /** Called for every request signed with a key issued to `identityId` (whatever the outcome). */
  countIdentity(identityId: string): void
}

export function createS3AuthMiddleware(deps: S3AuthDeps): KoaMiddleware {
  return async (ctx, next) => {
    const { req } = ctx
    if (req.method === 'OPTIONS') return next()
    deps.count()
    try {
      const request = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers }
      const principal = await authenticate(deps, request.method, request.url, request.headers)
      if (!isAllowed(principal, request)) {
        throw new S3Error('AccessDenied', 'Access Denied')
      }
    } catch (err) {
      applyCorsHeaders(deps.cors, req, (name, value) => ctx.set(name, value), S3_EXPOSE_HEADERS)
      throw err
    }
    return next()
  }
}

async function authenticate(
  deps: S3AuthDeps,
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
): Promise<S3Principal> {
  const request = { method, url, headers }
  const auth = parseAuth(request)
  switch (auth.kind) {
    case 'anonymous':
      throw new S3Error('AccessDenied', 'Access Denied')
    case 'v2': {
      const issued = deps.issuer.status(auth.accessKeyId)
      if (issued.state === 'unknown') return { kind: 'owner' }
      deps.countIdentity(issued.identity.identityId)
      // A revoked key stays in s3rver's registry for a while (credentials.ts): refuse it here.
      if (issued.state === 'expired')
        throw new S3Error('ExpiredToken', 'The provided token has expired.')
      return { kind: 'identity', ...issued.identity }
    }
    case 'malformed':
      throw new S3Error(auth.code, auth.message)
    case 'v4':
      break
  }
  const signed = auth.request
  const { accessKeyId } = signed.credential

  if (signed.credential.date !== signed.amzDate.slice(0, 8)) {
    throw new S3Error(
      signed.kind === 'header'
        ? 'AuthorizationHeaderMalformed'
        : 'AuthorizationQueryParametersError',
      'Invalid credential date. Date is not the same as X-Amz-Date.',
    )
  }
  if (signed.credential.service !== 's3') {
    throw new S3Error(
      signed.kind === 'header'
        ? 'AuthorizationHeaderMalformed'
        : 'AuthorizationQueryParametersError',
      `The authorization header is malformed; incorrect service "${signed.credential.service}". This endpoint belongs to "s3".`,
    )
  }

  const issued = deps.issuer.status(accessKeyId)
  if (issued.state !== 'unknown') deps.countIdentity(issued.identity.identityId)
  if (issued.state === 'expired') {
    throw new S3Error('ExpiredToken', 'The provided token has expired.', {
      'Token-0': signed.sessionToken ?? '',
    })
  }
  const account = AWSAccounts.registry.get(accessKeyId)
  const secret = account?.accessKeys.get(accessKeyId)
  if (secret === undefined) {
    throw new S3Error(
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      { AWSAccessKeyId: accessKeyId },
    )
  }
  if (issued.state === 'active') {
    if (signed.sessionToken === undefined) {
      // What S3 says when temporary credentials are used without their session token.
      throw new S3Error(
        'InvalidAccessKeyId',
        'The AWS Access Key Id you provided does not exist in our records.',
        { AWSAccessKeyId: accessKeyId },
      )
    }
    if (signed.sessionToken !== issued.sessionToken) {
      throw new S3Error('InvalidToken', 'The provided token is malformed or otherwise invalid.', {
        'Token-0': signed.sessionToken,
      })
    }
  }

  const result = await verifySignature(request, signed, secret)
  if (!result.ok) {
    throw new S3Error(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. ' +
        'Check your key and signing method.',
      {
        AWSAccessKeyId: accessKeyId,
        StringToSign: result.stringToSign,
        SignatureProvided: signed.signature,
        CanonicalRequest: result.canonicalRequest,
      },
    )
  }
  if (signed.kind === 'query') {
    const expiresAt = parseAmzDate(signed.amzDate).getTime() + (signed.expiresSeconds ?? 0) * 1000
    if (expiresAt < Date.now()) {
      throw new S3Error('AccessDenied', 'Request has expired', {
        'X-Amz-Expires': String(signed.expiresSeconds),
        Expires: new Date(expiresAt).toISOString(),
        ServerTime: new Date().toISOString(),
      })
    }
  }
  return issued.state === 'active' ? { kind: 'identity', ...issued.identity } : { kind: 'owner' }
}
