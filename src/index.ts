/**
 * aws-client-cache: cached AWS SDK v3 clients for browsers and Node.
 *
 * @example
 * ```ts
 * import { S3Client } from '@aws-sdk/client-s3'
 * import { client } from 'aws-client-cache'
 *
 * const s3 = client(S3Client, { region: 'us-east-1' })
 * s3 === client(S3Client, { region: 'us-east-1' }) // true
 * ```
 * @module
 */
export { Session } from './session/Session.js'
export type { SessionCache } from './session/SessionCache.js'
export type { ResourceCallOptions, ResourceLoader } from './session/resourceCallTypes.js'
export type {
  ClientLoader,
  ClientClassOrLoader,
  ClientClassLike,
  ClientExportName,
  NamespaceClientClass,
  LoadedClientClass,
  ClientClassOf,
  ClientOf,
} from './session/clientLoaderTypes.js'
export type { SessionConfig } from './session/SessionConfig.js'
export type { SessionClock } from './session/SessionClock.js'
export type { SessionSnapshot, CacheSnapshot, EntrySnapshot } from './session/SessionSnapshot.js'
export type { CredentialsReason } from './session/SharedCredentials.js'
export { listSessions } from './session/sessionRegistry.js'
export {
  client,
  resource,
  setupDefaultSession,
  getDefaultSession,
} from './session/defaultSession.js'

export { ClientCacheKey } from './keys/ClientCacheKey.js'
export { ResourceCacheKey } from './keys/ResourceCacheKey.js'
export { CacheKey } from './keys/CacheKey.js'

export { LRUClientCache } from './caches/LRUClientCache.js'
export { LFUClientCache } from './caches/LFUClientCache.js'
export { LRUResourceCache } from './caches/LRUResourceCache.js'
export { LFUResourceCache } from './caches/LFUResourceCache.js'
export { createClientCache } from './caches/createClientCache.js'
export { createResourceCache } from './caches/createResourceCache.js'
export type { CacheConstructorOptions } from './caches/CacheConstructorOptions.js'

export { PromiseChainLock } from './lock/PromiseChainLock.js'
export type { RunExclusiveOptions } from './lock/PromiseChainLock.js'

export { defineResource } from './resources/defineResource.js'
export type { ResourceDefinition } from './resources/defineResource.js'

export {
  CacheError,
  ClientCacheError,
  ClientCacheExistsError,
  ClientCacheNotFoundError,
  ResourceCacheError,
  ResourceCacheExistsError,
  ResourceCacheNotFoundError,
} from './errors.js'
export type { CacheErrorCode, CacheErrorOptions } from './errors.js'

export type {
  CacheEvent,
  CacheEventBase,
  CacheEventListener,
  EntryEventBase,
  HitEvent,
  MissEvent,
  CreateEvent,
  EvictEvent,
  DisposeEvent,
  ResizeEvent,
  ClearEvent,
  RequestEvent,
  ResponseEvent,
  CredentialsEvent,
  WarningEvent,
  MissCause,
} from './events.js'

export type {
  EvictionPolicy,
  CacheType,
  CacheOptions,
  EvictReason,
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  AwsClientLike,
  ClientConstructor,
  ClientConfigOf,
} from './types.js'

export { createDevtoolsHandle } from './session/createDevtoolsHandle.js'
export type { DevtoolsHandle, DevtoolsHook } from './session/DevtoolsHandle.js'
