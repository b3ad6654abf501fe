import { describe, expect, it } from 'vitest'
import { awsConfigFromEnv, resolveSandboxOptions, sandboxOptionsFromEnv } from './config.js'

describe('sandbox options', () => {
  it('defaults: free ports, 900 s, us-east-1 demo pool and bucket, any origin', () => {
    expect(resolveSandboxOptions({}, {})).toEqual({
      s3Port: 0,
      cognitoPort: 0,
      credentialTtlSeconds: 900,
      identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000000',
      region: 'us-east-1',
      bucket: 'aws-client-cache-demo',
      userPoolId: 'us-east-1_Sandbox01',
      userPoolClientId: 'sandboxappclient0000000000',
      tokenTtlSeconds: 3600,
      allowedOrigins: ['*'],
    })
  })

  it('environment overrides the defaults; explicit options override the environment', () => {
    const env = {
      SANDBOX_S3_PORT: '4568',
      SANDBOX_COGNITO_PORT: '4569',
      SANDBOX_CREDENTIAL_TTL: '60',
      SANDBOX_ALLOWED_ORIGINS: 'http://localhost:5173, http://127.0.0.1:*',
    }
    expect(resolveSandboxOptions({}, env)).toMatchObject({
      s3Port: 4568,
      cognitoPort: 4569,
      credentialTtlSeconds: 60,
      allowedOrigins: ['http://localhost:5173', 'http://127.0.0.1:*'],
    })
    expect(resolveSandboxOptions({ s3Port: 0, credentialTtlSeconds: 5 }, env)).toMatchObject({
      s3Port: 0,
      cognitoPort: 4569,
      credentialTtlSeconds: 5,
    })
  })

  it('takes the region from the identity pool id', () => {
    expect(resolveSandboxOptions({ identityPoolId: 'eu-west-2:abc-123' }, {})).toMatchObject({
      region: 'eu-west-2',
      identityPoolId: 'eu-west-2:abc-123',
    })
  })

  it('rejects invalid settings with a clear message', () => {
    expect(() => sandboxOptionsFromEnv({ SANDBOX_S3_PORT: 'abc' })).toThrow(/SANDBOX_S3_PORT/)
    expect(() => sandboxOptionsFromEnv({ SANDBOX_CREDENTIAL_TTL: '0' })).toThrow(
      /SANDBOX_CREDENTIAL_TTL/,
    )
    expect(() => resolveSandboxOptions({ bucket: 'Bad_Bucket' }, {})).toThrow(/bucket/)
    expect(() => resolveSandboxOptions({ identityPoolId: 'nope' }, {})).toThrow(/identityPoolId/)
    expect(() => resolveSandboxOptions({ allowedOrigins: [] }, {})).toThrow(/allowedOrigins/)
  })

  it('real AWS mode needs all three VITE_* settings', () => {
    const env = {
      VITE_AWS_REGION: 'eu-west-1',
      VITE_IDENTITY_POOL_ID: 'eu-west-1:abc',
      VITE_S3_BUCKET: 'bucket',
    }
    expect(awsConfigFromEnv(env)).toEqual({
      mode: 'aws',
      region: 'eu-west-1',
      identityPoolId: 'eu-west-1:abc',
      bucket: 'bucket',
    })
    expect(awsConfigFromEnv({ ...env, VITE_S3_BUCKET: ' ' })).toBeUndefined()
  })
})
