import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CacheError } from '../errors.js'
import type { AwsCredentialIdentity } from '../types.js'
import { platform } from './node.js'

/** Every variable these tests touch; each test starts with them unset and ends restoring them. */
const ENV_NAMES = [
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_EC2_METADATA_DISABLED',
  'HOME',
] as const

let savedEnv: Map<string, string | undefined>
let tempDir: string

beforeEach(() => {
  savedEnv = new Map(ENV_NAMES.map((name) => [name, process.env[name]]))
  for (const name of ENV_NAMES) delete process.env[name]
  tempDir = mkdtempSync(join(tmpdir(), 'aws-client-cache-platform-'))
  // Never fall through to the real home directory (or to instance metadata) in a test.
  process.env.HOME = join(tempDir, 'home')
  process.env.AWS_EC2_METADATA_DISABLED = 'true'
})

afterEach(() => {
  for (const [name, value] of savedEnv) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  rmSync(tempDir, { recursive: true, force: true })
  vi.doUnmock('@aws-sdk/credential-providers')
  vi.doUnmock('@aws-sdk/credential-provider-node')
})

/** Writes a file under the test's temporary directory and returns its path. */
function tempFile(relativePath: string, text: string): string {
  const path = join(tempDir, relativePath)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
  return path
}

describe('node platform', () => {
  it('identifies itself and supports profiles', () => {
    expect(platform.name).toBe('node')
    expect(platform.supportsProfiles).toBe(true)
  })
})

describe('listProfiles', () => {
  it('lists [default] and [profile NAME] from the config file and [NAME] from the credentials file, sorted and unique', async () => {
    process.env.AWS_CONFIG_FILE = tempFile(
      'config',
      [
        '# a comment: [profile commented]',
        '; another: [profile also-commented]',
        '[default]',
        'region = us-east-1',
        '',
        '[profile dev]   # trailing comment',
        'region = eu-west-1',
        '  [ profile   indented ]  ',
        '[profile "quoted"]',
        '[profile default]',
        '[sso-session corp]',
        'sso_start_url = https://example.awsapps.com/start',
        '[services my-services]',
        'dynamodb =',
        '  endpoint_url = http://localhost:8000',
        '[plain-section-is-not-a-profile-in-config]',
        '[profile with space inside]',
        '[profile]',
        '[]',
      ].join('\r\n'),
    )
    process.env.AWS_SHARED_CREDENTIALS_FILE = tempFile(
      'credentials',
      [
        '[default]',
        'aws_access_key_id = AKIDEXAMPLE',
        '[prod]',
        '[dev]',
        '  [ci]  ; comment',
        '[profile not-in-credentials]',
        '#[hidden]',
      ].join('\n'),
    )
    expect(await platform.listProfiles()).toEqual([
      'ci',
      'default',
      'dev',
      'indented',
      'prod',
      'quoted',
    ])
  })

  it('treats missing and unreadable files as empty', async () => {
    process.env.AWS_CONFIG_FILE = join(tempDir, 'does-not-exist')
    process.env.AWS_SHARED_CREDENTIALS_FILE = tempDir // a directory: reading it fails
    expect(await platform.listProfiles()).toEqual([])
  })

  it('reads either file alone', async () => {
    process.env.AWS_CONFIG_FILE = tempFile('only-config', '[profile a]\n')
    expect(await platform.listProfiles()).toEqual(['a'])
    delete process.env.AWS_CONFIG_FILE
    process.env.AWS_SHARED_CREDENTIALS_FILE = tempFile('only-credentials', '[b]\n')
    expect(await platform.listProfiles()).toEqual(['b'])
  })

  it('reads the environment at call time, not at import', async () => {
    process.env.AWS_CONFIG_FILE = tempFile('first', '[profile first]\n')
    expect(await platform.listProfiles()).toEqual(['first'])
    process.env.AWS_CONFIG_FILE = tempFile('second', '[profile second]\n')
    expect(await platform.listProfiles()).toEqual(['second'])
  })

  it('defaults to ~/.aws/config and ~/.aws/credentials, also when the variables are empty', async () => {
    tempFile('home/.aws/config', '[profile from-home-config]\n')
    tempFile('home/.aws/credentials', '[from-home-credentials]\n')
    const expected = ['from-home-config', 'from-home-credentials']
    expect(await platform.listProfiles()).toEqual(expected)
    process.env.AWS_CONFIG_FILE = ''
    process.env.AWS_SHARED_CREDENTIALS_FILE = ''
    expect(await platform.listProfiles()).toEqual(expected)
  })

  it('expands a leading ~/ in the variables, as the SDK does', async () => {
    tempFile('home/custom/config', '[profile tilde]\n')
    process.env.AWS_CONFIG_FILE = '~/custom/config'
    expect(await platform.listProfiles()).toEqual(['tilde'])
  })
})

describe('defaultCredentialProvider', () => {
  const staticCredentials = (profile: string, id: string) =>
    [
      `[${profile}]`,
      `aws_access_key_id = ${id}`,
      `aws_secret_access_key = secret-of-${id}`,
      '',
    ].join('\n')

  it("resolves a profile's static credentials from the shared credentials file through the SDK chain", async () => {
    process.env.AWS_CONFIG_FILE = join(tempDir, 'no-config')
    process.env.AWS_SHARED_CREDENTIALS_FILE = tempFile(
      'credentials',
      staticCredentials('default', 'AKIDDEFAULT') + staticCredentials('myprofile', 'AKIDMYPROFILE'),
    )
    const provider = platform.defaultCredentialProvider('myprofile')
    expect(provider).toBeTypeOf('function')
    const credentials: AwsCredentialIdentity = await provider!()
    expect(credentials).toMatchObject({
      accessKeyId: 'AKIDMYPROFILE',
      secretAccessKey: 'secret-of-AKIDMYPROFILE',
    })
    expect(await provider!()).toMatchObject({ accessKeyId: 'AKIDMYPROFILE' })
  })

  it('leaves the profile to the SDK when none is given (default profile)', async () => {
    process.env.AWS_CONFIG_FILE = join(tempDir, 'no-config')
    process.env.AWS_SHARED_CREDENTIALS_FILE = tempFile(
      'credentials',
      staticCredentials('default', 'AKIDDEFAULT') + staticCredentials('other', 'AKIDOTHER'),
    )
    expect(await platform.defaultCredentialProvider(undefined)!()).toMatchObject({
      accessKeyId: 'AKIDDEFAULT',
    })
  })

  it('loads nothing until first called', () => {
    const fromNodeProviderChain = vi.fn()
    vi.doMock('@aws-sdk/credential-providers', () => ({ fromNodeProviderChain }))
    platform.defaultCredentialProvider('lazy')
    expect(fromNodeProviderChain).not.toHaveBeenCalled()
  })

  it('builds fromNodeProviderChain({ profile }) once per provider and passes call options through', async () => {
    const inner = vi.fn(async () => ({ accessKeyId: 'AKIDMOCK', secretAccessKey: 'mock' }))
    const fromNodeProviderChain = vi.fn(() => inner)
    vi.doMock('@aws-sdk/credential-providers', () => ({ fromNodeProviderChain }))

    const provider = platform.defaultCredentialProvider('dev')!
    const [a, b] = await Promise.all([provider(), provider({ forceRefresh: true })])
    expect(a).toEqual({ accessKeyId: 'AKIDMOCK', secretAccessKey: 'mock' })
    expect(b).toEqual(a)
    await provider({ callerClientConfig: { region: 'us-east-1' } })
    expect(fromNodeProviderChain).toHaveBeenCalledTimes(1)
    expect(fromNodeProviderChain).toHaveBeenCalledWith({ profile: 'dev' })
    expect(inner.mock.calls).toEqual([
      [undefined],
      [{ forceRefresh: true }],
      [{ callerClientConfig: { region: 'us-east-1' } }],
    ])

    // Each provider has its own chain; without a profile, none is passed.
    await platform.defaultCredentialProvider(undefined)!()
    expect(fromNodeProviderChain).toHaveBeenCalledTimes(2)
    expect(fromNodeProviderChain).toHaveBeenLastCalledWith({})
  })

  it('falls back to @aws-sdk/credential-provider-node when @aws-sdk/credential-providers cannot be loaded', async () => {
    const inner = vi.fn(async () => ({ accessKeyId: 'AKIDFALLBACK', secretAccessKey: 'fallback' }))
    const defaultProvider = vi.fn(() => inner)
    vi.doMock('@aws-sdk/credential-providers', () => {
      throw new Error("Cannot find package '@aws-sdk/credential-providers'")
    })
    vi.doMock('@aws-sdk/credential-provider-node', () => ({ defaultProvider }))

    const provider = platform.defaultCredentialProvider('ops')!
    expect(await provider({ forceRefresh: true })).toEqual({
      accessKeyId: 'AKIDFALLBACK',
      secretAccessKey: 'fallback',
    })
    await provider()
    expect(defaultProvider).toHaveBeenCalledTimes(1)
    expect(defaultProvider).toHaveBeenCalledWith({ profile: 'ops' })
    expect(inner.mock.calls).toEqual([[{ forceRefresh: true }], [undefined]])
  })

  it('rejects with a CacheError (UNSUPPORTED_RUNTIME) when neither package loads, and retries on the next call', async () => {
    vi.doMock('@aws-sdk/credential-providers', () => {
      throw new Error("Cannot find package '@aws-sdk/credential-providers'")
    })
    vi.doMock('@aws-sdk/credential-provider-node', () => {
      throw new Error("Cannot find package '@aws-sdk/credential-provider-node'")
    })
    const provider = platform.defaultCredentialProvider('dev')!
    const error: unknown = await provider().catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(CacheError)
    expect(error).toMatchObject({ code: 'UNSUPPORTED_RUNTIME', param: 'credentials' })
    expect((error as CacheError).message).toContain('install @aws-sdk/credential-providers')
    expect((error as CacheError).message).toContain('`credentials`')
    expect((error as CacheError).cause).toBeInstanceOf(Error)

    const inner = vi.fn(async () => ({ accessKeyId: 'AKIDLATER', secretAccessKey: 'later' }))
    vi.doMock('@aws-sdk/credential-providers', () => ({ fromNodeProviderChain: () => inner }))
    expect(await provider()).toMatchObject({ accessKeyId: 'AKIDLATER' })
  })
})

describe('platform modules', () => {
  const importsOf = (file: string) =>
    [
      ...readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8').matchAll(
        /^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm,
      ),
    ].map(([, type, specifier]) => `${type ? 'type ' : ''}${specifier}`)

  it('node.ts uses only node:fs/promises, node:os and node:path', () => {
    const nodeModules = importsOf('./node.ts').filter((specifier) => specifier.includes('node:'))
    expect(nodeModules.sort()).toEqual(['node:fs/promises', 'node:os', 'node:path'])
  })

  it('node.ts imports the optional peer only lazily, hidden from webpack and Turbopack', () => {
    const source = readFileSync(fileURLToPath(new URL('./node.ts', import.meta.url)), 'utf8')
    // No static import: the peer loads only when a default chain is first needed.
    expect(importsOf('./node.ts').filter((specifier) => specifier.includes('@aws-sdk/'))).toEqual(
      [],
    )
    // Without the comments, a Node build of an app without the peer warns "Can't resolve" (see
    // integrations/webpack); with them, Node resolves the import at run time.
    const dynamicImports = [...source.matchAll(/\bimport\(([^)]*)\)/g)].map(([, args]) => args!)
    const peer = dynamicImports.filter((args) => args.includes("'@aws-sdk/credential-providers'"))
    expect(peer).toHaveLength(1)
    for (const args of [...peer, ...dynamicImports.filter((args) => args.includes('specifier'))]) {
      expect(args).toContain('/* webpackIgnore: true */')
      expect(args).toContain('/* turbopackIgnore: true */')
    }
  })

  it('browser.ts imports no node: module and nothing at run time', () => {
    expect(importsOf('./browser.ts')).toEqual(['type ./Platform.js'])
  })
})
