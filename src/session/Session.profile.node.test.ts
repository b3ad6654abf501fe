/** A Node session's profile: listed from the shared files, and resolved through the SDK chain. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { S3Client } from '@aws-sdk/client-s3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Session } from '../index.js'

let directory: string

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'aws-client-cache-profile-'))
  await writeFile(
    join(directory, 'config'),
    '[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n\n[sso-session corp]\nsso_region = us-east-1\n',
  )
  await writeFile(
    join(directory, 'credentials'),
    '[dev]\naws_access_key_id = AKIDDEVEXAMPLE\naws_secret_access_key = dev-secret-value-123456\n\n[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = ci-secret\n',
  )
  vi.stubEnv('AWS_CONFIG_FILE', join(directory, 'config'))
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(directory, 'credentials'))
  for (const name of [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
  ]) {
    vi.stubEnv(name, undefined)
  }
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true')
})

afterEach(async () => {
  vi.unstubAllEnvs()
  await rm(directory, { recursive: true, force: true })
})

describe('Session profiles (Node)', () => {
  it('lists the profiles of both shared files', async () => {
    await expect(new Session().availableProfiles()).resolves.toEqual(['ci', 'default', 'dev'])
  })

  it("resolves the profile's credentials once, shared by the session's clients", async () => {
    const session = new Session({ profile: 'dev', region: 'eu-west-1' })
    expect(session.profileName).toBe('dev')
    const credentials = await session.getCredentials()
    expect(credentials).toMatchObject({
      accessKeyId: 'AKIDDEVEXAMPLE',
      secretAccessKey: 'dev-secret-value-123456',
    })
    const s3 = session.client(S3Client)
    const fromClient = await (s3.config.credentials as () => Promise<{ accessKeyId: string }>)()
    expect(fromClient.accessKeyId).toBe('AKIDDEVEXAMPLE')
    expect(session.snapshot()).toMatchObject({
      profileName: 'dev',
      credentials: { expiration: null },
    })
    expect(JSON.stringify(session.snapshot())).not.toContain('dev-secret-value-123456')
    expect(session.cache.client.LRU.keys()[0]!.label).toBe(
      "S3Client({ profile: 'dev', region: 'eu-west-1' })",
    )
  })
})
