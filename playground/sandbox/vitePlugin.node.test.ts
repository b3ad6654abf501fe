import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ViteDevServer } from 'vite'
import { createServer } from 'vite'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SandboxClientConfig } from './config.js'
import { isListening, rawRequest } from './test-support/http.js'
import { acquireSandbox, sandboxPlugin } from './vitePlugin.js'

let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'aws-client-cache-vite-'))
  for (const name of [
    'VITE_AWS_REGION',
    'VITE_IDENTITY_POOL_ID',
    'VITE_S3_BUCKET',
    'VITE_USER_POOL_ID',
    'VITE_USER_POOL_CLIENT_ID',
    'SANDBOX_S3_PORT',
    'SANDBOX_COGNITO_PORT',
    'SANDBOX_CREDENTIAL_TTL',
    'SANDBOX_ALLOWED_ORIGINS',
  ]) {
    vi.stubEnv(name, undefined)
  }
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await rm(root, { recursive: true, force: true })
})

async function devServer(): Promise<ViteDevServer> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, watch: null, ws: false },
    plugins: [sandboxPlugin()],
  })
  await server.listen()
  return server
}

async function loadConfig(server: ViteDevServer): Promise<SandboxClientConfig> {
  const module = (await server.ssrLoadModule('virtual:sandbox-config')) as {
    default: SandboxClientConfig
  }
  return module.default
}

describe('sandboxPlugin', () => {
  it('runs the sandbox with the dev server: config module, stats routes, cleanup on close', async () => {
    vi.stubEnv('SANDBOX_CREDENTIAL_TTL', '120')
    const sigintListeners = process.listenerCount('SIGINT')
    const server = await devServer()
    let config: SandboxClientConfig
    try {
      expect(process.listenerCount('SIGINT')).toBe(sigintListeners + 1)
      config = await loadConfig(server)
      expect(config).toEqual({
        mode: 'sandbox',
        region: 'us-east-1',
        identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
        bucket: 'aws-client-cache-demo',
        s3Endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        cognitoEndpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        userPoolId: 'us-east-1_Sandbox01',
        userPoolClientId: 'sandboxappclient0000000000',
        userPoolEndpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        demoUsers: [
          { username: 'alice', password: 'alice-password-1' },
          { username: 'bob', password: 'bob-password-1' },
        ],
      })
      expect(config.userPoolEndpoint).toBe(config.cognitoEndpoint)

      const getId = await rawRequest(config.cognitoEndpoint!, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityService.GetId',
        },
        body: JSON.stringify({ IdentityPoolId: config.identityPoolId }),
      })
      expect(getId.status).toBe(200)
      const { IdentityId } = JSON.parse(getId.body) as { IdentityId: string }
      const credentials = await rawRequest(config.cognitoEndpoint!, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityService.GetCredentialsForIdentity',
        },
        body: JSON.stringify({ IdentityId }),
      })
      const { Credentials } = JSON.parse(credentials.body) as {
        Credentials: { Expiration: number }
      }
      // SANDBOX_CREDENTIAL_TTL reaches the sandbox.
      expect(Credentials.Expiration).toBeCloseTo(Date.now() / 1000 + 120, -1)

      const base = server.resolvedUrls!.local[0]!
      const stats = await rawRequest(new URL('__sandbox/stats', base).href)
      expect(JSON.parse(stats.body)).toStrictEqual({
        GetId: 1,
        GetCredentialsForIdentity: 1,
        InitiateAuth: 0,
        s3Requests: 0,
        s3RequestsByIdentity: {},
      })
      const revoke = await rawRequest(new URL('__sandbox/revoke', base).href, { method: 'POST' })
      expect(JSON.parse(revoke.body)).toStrictEqual({ revoked: 1 })
      const reset = await rawRequest(new URL('__sandbox/reset', base).href, { method: 'POST' })
      expect(reset.status).toBe(204)
      const after = await rawRequest(new URL('__sandbox/stats', base).href)
      expect(JSON.parse(after.body)).toMatchObject({ GetId: 0 })
    } finally {
      await server.close()
    }
    expect(await isListening(config.s3Endpoint!)).toBe(false)
    expect(await isListening(config.cognitoEndpoint!)).toBe(false)
    expect(process.listenerCount('SIGINT')).toBe(sigintListeners)
  })

  it('skips the sandbox when real AWS settings are present', async () => {
    vi.stubEnv('VITE_AWS_REGION', 'eu-central-1')
    vi.stubEnv('VITE_IDENTITY_POOL_ID', 'eu-central-1:12345678-1234-4234-8234-123456789012')
    vi.stubEnv('VITE_S3_BUCKET', 'my-real-bucket')
    const server = await devServer()
    try {
      expect(await loadConfig(server)).toStrictEqual({
        mode: 'aws',
        region: 'eu-central-1',
        identityPoolId: 'eu-central-1:12345678-1234-4234-8234-123456789012',
        bucket: 'my-real-bucket',
      })
      const stats = await rawRequest(new URL('__sandbox/stats', server.resolvedUrls!.local[0]).href)
      expect(stats.headers['content-type']).not.toBe('application/json')
    } finally {
      await server.close()
    }
  })

  it('shares one sandbox between overlapping users (as across a Vite restart)', async () => {
    const first = await acquireSandbox({ s3Port: 0, cognitoPort: 0 })
    const second = await acquireSandbox({ s3Port: 0, cognitoPort: 0 })
    expect(second.sandbox).toBe(first.sandbox)
    await first.release()
    await first.release()
    expect(await isListening(second.sandbox.cognitoEndpoint)).toBe(true)
    await second.release()
    expect(await isListening(second.sandbox.cognitoEndpoint)).toBe(false)

    const third = await acquireSandbox({ s3Port: 0, cognitoPort: 0 })
    expect(third.sandbox).not.toBe(first.sandbox)
    await third.release()
  })
})
