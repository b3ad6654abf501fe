/**
 * The Node platform: profile names from the shared config and credentials files, and the SDK's
 * default credential chain, loaded lazily from the optional peer `@aws-sdk/credential-providers`.
 *
 * Environment variables and the home directory are read at call time, never at import, so a
 * change to `AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE` or `HOME` is seen by the next call.
 *
 * @module
 */
import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { CacheError } from '../errors.js'
import type { AwsCredentialIdentityProvider } from '../types.js'
import type { Platform } from './Platform.js'
import { watchNodeBody } from './watchNodeBody.js'

/**
 * The home directory the SDK's shared-ini loader uses: `HOME`, `USERPROFILE`,
 * `HOMEDRIVE` + `HOMEPATH`, then `os.homedir()`. Same order, so we read the files the SDK reads.
 */
function homeDir(): string {
  const { HOME, USERPROFILE, HOMEPATH, HOMEDRIVE = 'C:\\' } = process.env
  if (HOME) return HOME
  if (USERPROFILE) return USERPROFILE
  if (HOMEPATH) return `${HOMEDRIVE}${HOMEPATH}`
  return homedir()
}

/** `AWS_CONFIG_FILE` (or `AWS_SHARED_CREDENTIALS_FILE`) or its default, with `~/` expanded as the SDK does. */
function sharedFilePath(variable: string, fileName: string): string {
  // `||`, not `??`: the SDK treats an empty variable as unset.
  const configured = process.env[variable] || join(homeDir(), '.aws', fileName)
  return configured.startsWith('~/') ? join(homeDir(), configured.slice(2)) : configured
}

/** A file's text, or `''` when it is missing or unreadable (as the SDK treats it). */
async function readOrEmpty(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return ''
  }
}

/** The section names of an ini file, comments (`#`, `;`) stripped as the SDK strips them. */
function sectionNames(text: string): string[] {
  const names: string[] = []
  for (const rawLine of text.split(/\r?\n/)) {
    const line = (rawLine.split(/(?:^|\s)[;#]/)[0] ?? '').trim()
    if (line.length > 2 && line.startsWith('[') && line.endsWith(']')) {
      names.push(line.slice(1, -1).trim())
    }
  }
  return names
}

/** `[profile NAME]` (NAME optionally quoted, without whitespace) → NAME. */
const PROFILE_SECTION = /^profile\s+(["']?)([^\s"']+)\1$/

/**
 * Profile names of the config file: `[default]` and `[profile NAME]`. Other sections
 * (`[sso-session x]`, `[services x]`, a bare `[name]`) are not profiles there.
 */
function configProfiles(text: string): string[] {
  const profiles: string[] = []
  for (const section of sectionNames(text)) {
    if (section === 'default') profiles.push(section)
    else {
      const name = PROFILE_SECTION.exec(section)?.[2]
      if (name !== undefined) profiles.push(name)
    }
  }
  return profiles
}

/**
 * Profile names of the credentials file: every `[NAME]`. A name with whitespace (such as
 * `[profile x]`) is skipped: the SDK for JavaScript files it as a typed section, not a profile.
 */
function credentialsProfiles(text: string): string[] {
  return sectionNames(text).filter((section) => !/\s/.test(section))
}

type ProviderModule = { readonly [name: string]: unknown }

/** Imports a module by a specifier bundlers cannot see, so they never try to resolve it. */
async function importOptional(specifier: string): Promise<ProviderModule> {
  return (await import(
    /* @vite-ignore */ /* webpackIgnore: true */ /* turbopackIgnore: true */ specifier
  )) as ProviderModule
}

/** Builds the SDK's default chain: `@aws-sdk/credential-providers`, else `@aws-sdk/credential-provider-node`. */
async function loadDefaultChain(
  profile: string | undefined,
): Promise<AwsCredentialIdentityProvider> {
  const init = profile === undefined ? {} : { profile }
  let cause: unknown
  try {
    // The optional peer dependency, imported at run time by Node itself: the magic comments keep
    // webpack and Turbopack (Next.js) from resolving it at build time, where a missing optional
    // peer is a "Can't resolve" warning in every Node build. (Vite needs no comment: it replaces
    // an optional peer that is not installed with a module that throws when imported.)
    const { fromNodeProviderChain } = await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ '@aws-sdk/credential-providers'
    )
    return fromNodeProviderChain(init)
  } catch (error) {
    cause = error
  }
  try {
    // Every SDK v3 client depends on this package, so it is usually installed (hoisted) anyway.
    const { defaultProvider } = await importOptional('@aws-sdk/credential-provider-node')
    if (typeof defaultProvider === 'function') {
      return (defaultProvider as (init: object) => AwsCredentialIdentityProvider)(init)
    }
  } catch {
    // Report the first failure: the peer dependency is the one we ask users to install.
  }
  throw new CacheError(
    'No default AWS credential provider is available in this Node runtime: install ' +
      '@aws-sdk/credential-providers (npm install @aws-sdk/credential-providers) or pass ' +
      '`credentials` in the session config',
    {
      code: 'UNSUPPORTED_RUNTIME',
      param: 'credentials',
      details: {
        tried: ['@aws-sdk/credential-providers', '@aws-sdk/credential-provider-node'],
        ...(profile === undefined ? {} : { profile }),
      },
      cause,
    },
  )
}

/**
 * The Node platform: profiles are supported, {@link Platform.listProfiles} reads the shared
 * config and credentials files, and {@link Platform.defaultCredentialProvider} returns the SDK's
 * default credential chain for a profile.
 *
 * `listProfiles()` reads `AWS_CONFIG_FILE` (default `~/.aws/config`; sections `[default]` and
 * `[profile NAME]`) and `AWS_SHARED_CREDENTIALS_FILE` (default `~/.aws/credentials`; sections
 * `[NAME]`), and resolves the sorted, unique names. A section counts even when it is empty (as in
 * `aws configure list-profiles`); a missing or unreadable file counts as empty.
 *
 * `defaultCredentialProvider(profile)` returns a provider that, on its first call, imports
 * `@aws-sdk/credential-providers` and delegates to `fromNodeProviderChain({ profile })`, falling
 * back to `@aws-sdk/credential-provider-node`'s `defaultProvider`. The chain is built once per
 * returned provider and memoizes credentials itself. If neither package loads, calls reject with a
 * {@link CacheError} (`UNSUPPORTED_RUNTIME`); a later call tries again.
 *
 * @example
 * ```ts
 * import { platform } from '#platform' // this module under the `node` condition
 *
 * await platform.listProfiles() // ['default', 'dev']
 * const provider = platform.defaultCredentialProvider('dev')
 * const { accessKeyId } = await provider!()
 * ```
 */
export const platform: Platform = {
  name: 'node',
  supportsProfiles: true,

  async listProfiles() {
    const [config, credentials] = await Promise.all([
      readOrEmpty(sharedFilePath('AWS_CONFIG_FILE', 'config')),
      readOrEmpty(sharedFilePath('AWS_SHARED_CREDENTIALS_FILE', 'credentials')),
    ])
    const names = new Set([...configProfiles(config), ...credentialsProfiles(credentials)])
    return [...names].sort()
  },

  defaultCredentialProvider(profile) {
    let chain: Promise<AwsCredentialIdentityProvider> | undefined
    return async (options) => {
      chain ??= loadDefaultChain(profile).catch((error: unknown) => {
        chain = undefined // nothing loaded: let the next call try again
        throw error
      })
      const provider = await chain
      return provider(options)
    }
  },

  watchBody: watchNodeBody,
} satisfies Platform
