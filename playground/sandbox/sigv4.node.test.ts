import { describe, expect, it } from 'vitest'
import { parseAuth } from './sigv4.js'
import { verifySignature } from './verifySignature.js'

// The worked examples of https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
// and sigv4-query-string-auth.html.
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
const CREDENTIAL = 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request'

async function verify(request: { method: string; url: string; headers: Record<string, string> }) {
  const auth = parseAuth(request)
  if (auth.kind !== 'v4') throw new Error(`expected a SigV4 request, got ${auth.kind}`)
  return { auth: auth.request, result: await verifySignature(request, auth.request, SECRET) }
}

describe('SigV4 verification (AWS documentation examples)', () => {
  it('GET object with a Range header', async () => {
    const signature = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'
    const request = {
      method: 'GET',
      url: '/test.txt',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': EMPTY_SHA256,
        'x-amz-date': '20130524T000000Z',
        authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=${signature}`,
      },
    }
    const { auth, result } = await verify(request)
    expect(auth.credential).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      date: '20130524',
      region: 'us-east-1',
      service: 's3',
    })
    expect(result.canonicalRequest).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_SHA256}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    )
    expect(result.ok).toBe(true)

    const tampered = { ...request, headers: { ...request.headers, range: 'bytes=0-99' } }
    expect((await verify(tampered)).result.ok).toBe(false)
  })

  it('GET bucket (list objects) with a query string', async () => {
    const signature = '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'
    const { result } = await verify({
      method: 'GET',
      url: '/?max-keys=2&prefix=J',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        'x-amz-content-sha256': EMPTY_SHA256,
        'x-amz-date': '20130524T000000Z',
        authorization: `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=${signature}`,
      },
    })
    expect(result.ok).toBe(true)
  })

  it('presigned URL (query-string authentication)', async () => {
    const signature = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
    const query =
      'X-Amz-Algorithm=AWS4-HMAC-SHA256' +
      `&X-Amz-Credential=${encodeURIComponent(CREDENTIAL)}` +
      '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
      `&X-Amz-Signature=${signature}`
    const { auth, result } = await verify({
      method: 'GET',
      url: `/test.txt?${query}`,
      headers: { host: 'examplebucket.s3.amazonaws.com' },
    })
    expect(auth.kind).toBe('query')
    expect(result.ok).toBe(true)
  })
})

describe('parseAuth', () => {
  it('tells anonymous, V2 and malformed requests apart', () => {
    expect(parseAuth({ method: 'GET', url: '/b/k', headers: {} })).toEqual({ kind: 'anonymous' })
    expect(
      parseAuth({ method: 'GET', url: '/b/k', headers: { authorization: 'AWS S3RVER:abc' } }),
    ).toEqual({ kind: 'v2', accessKeyId: 'S3RVER' })
    expect(
      parseAuth({ method: 'GET', url: '/b/k?AWSAccessKeyId=K&Signature=x&Expires=1', headers: {} }),
    ).toEqual({ kind: 'v2', accessKeyId: 'K' })
    expect(
      parseAuth({
        method: 'GET',
        url: '/',
        headers: {
          authorization: 'AWS4-HMAC-SHA256 Credential=a/b',
          'x-amz-date': '20130524T000000Z',
        },
      }),
    ).toMatchObject({ kind: 'malformed', code: 'AuthorizationHeaderMalformed' })
    expect(
      parseAuth({ method: 'GET', url: '/', headers: { authorization: 'Bearer token' } }),
    ).toMatchObject({ kind: 'malformed', code: 'InvalidArgument' })
  })

  it('checks X-Amz-Expires of presigned URLs (1 s to a week)', () => {
    const presigned = (expires: string) =>
      parseAuth({
        method: 'GET',
        url:
          `/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(CREDENTIAL)}` +
          `&X-Amz-Date=20130524T000000Z&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host` +
          '&X-Amz-Signature=00',
        headers: { host: 'h' },
      })
    expect(presigned('604800')).toMatchObject({ kind: 'v4', request: { expiresSeconds: 604800 } })
    expect(presigned('604801')).toMatchObject({
      kind: 'malformed',
      code: 'AuthorizationQueryParametersError',
    })
    expect(presigned('soon')).toMatchObject({ kind: 'malformed' })
  })
})
