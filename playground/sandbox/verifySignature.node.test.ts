import { SignatureV4 } from '@smithy/signature-v4'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from './startSandbox.js'
import { startSandbox } from './startSandbox.js'
import { cognitoCredentials } from './test-support/cognito.js'
import { rawRequest } from './test-support/http.js'
import { NodeSha256 } from './verifySignature.js'

describe('presigned URLs against the sandbox', () => {
  let sandbox: Sandbox
  let credentials: Awaited<ReturnType<ReturnType<typeof cognitoCredentials>>>

  beforeAll(async () => {
    sandbox = await startSandbox({ s3Port: 0, cognitoPort: 0, allowedOrigins: ['*'] })
    credentials = await cognitoCredentials(sandbox)()
  })
  afterAll(async () => {
    await sandbox.close()
  })

  /**
   * A presigned GET URL, signed as `@aws-sdk/s3-request-presigner` does: the payload header is
   * set to UNSIGNED-PAYLOAD and hoisted into the query with the other x-amz-* values.
   */
  async function presign(
    key: string,
    options: { expiresIn?: number; signingDate?: Date; sessionToken?: string } = {},
  ): Promise<string> {
    const { hostname, port } = new URL(sandbox.s3Endpoint)
    const signer = new SignatureV4({
      service: 's3',
      region: sandbox.region,
      credentials: {
        ...credentials,
        sessionToken: options.sessionToken ?? credentials.sessionToken,
      },
      sha256: NodeSha256,
      uriEscapePath: false,
      applyChecksum: false,
    })
    const path = `/${sandbox.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
    const signed = await signer.presign(
      {
        method: 'GET',
        protocol: 'http:',
        hostname,
        port: Number(port),
        path,
        query: { 'x-id': 'GetObject' },
        headers: { host: `${hostname}:${port}`, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      },
      {
        expiresIn: options.expiresIn ?? 300,
        ...(options.signingDate ? { signingDate: options.signingDate } : {}),
      },
    )
    const query = Object.entries(signed.query ?? {})
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
      .join('&')
    return `${sandbox.s3Endpoint}${path}?${query}`
  }

  const code = (body: string) => /<Code>([^<]+)<\/Code>/.exec(body)?.[1]

  it('serves an object to a presigned GET', async () => {
    const url = await presign('public/hello.txt')
    expect(url).toContain('x-amz-content-sha256=UNSIGNED-PAYLOAD')
    const res = await rawRequest(url)
    expect(res.status).toBe(200)
    expect(res.body).toBe('Hello from the aws-client-cache sandbox!\n')
  })

  it('refuses a tampered, an expired and an overlong presigned URL, or a wrong token', async () => {
    const url = await presign('public/hello.txt')
    const tampered = await rawRequest(url.replace('hello.txt', 'hello.txT'))
    expect(tampered.status).toBe(403)
    expect(code(tampered.body)).toBe('SignatureDoesNotMatch')

    const expired = await rawRequest(
      await presign('public/hello.txt', {
        expiresIn: 60,
        signingDate: new Date(Date.now() - 120_000),
      }),
    )
    expect(expired.status).toBe(403)
    expect(expired.body).toContain('Request has expired')

    const overlong = new URL(url)
    overlong.searchParams.set('X-Amz-Expires', '604801')
    const tooLong = await rawRequest(overlong.href)
    expect(tooLong.status).toBe(400)
    expect(code(tooLong.body)).toBe('AuthorizationQueryParametersError')

    const wrongToken = await rawRequest(
      await presign('public/hello.txt', { sessionToken: 'not-the-token' }),
    )
    expect(code(wrongToken.body)).toBe('InvalidToken')
  })
})
