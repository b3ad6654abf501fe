import { platform } from '#platform'
import { hitByIdentity, internals } from '../caches/CacheBase.js'
import { ClientCacheError, clientErrors, invalidArgument, type ErrorFamily } from '../errors.js'
import type { CacheEventListener } from '../events.js'
import { translateCycle } from '../keys/CacheKey.js'
import { ClientCacheKey, isConstructor } from '../keys/ClientCacheKey.js'
import { isPlainObject } from '../keys/isPlainObject.js'
import { identityPrefixOf } from '../keys/objectIds.js'
import type { ResourceDefinition } from '../resources/defineResource.js'
import { isResourceDefinition, resourceCallsFor } from '../resources/definitionRegistry.js'
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  CacheOptions,
  ClientConfigOf,
  ClientConstructor,
} from '../types.js'
import { BaseConfig } from './BaseConfig.js'
import type { AnyCache } from './Built.js'
import { buildClient } from './buildClient.js'
import { callOptions } from './callOptions.js'
import type { ClientClassOf, ClientClassOrLoader, ClientOf } from './clientLoaderTypes.js'
import { commitEntry, type CommitDeps } from './commitEntry.js'
import { createSessionCaches } from './createSessionCaches.js'
import { Disposer } from './Disposer.js'
import { IdentityMemo } from './IdentityMemo.js'
import { isClientClass } from './isClientClass.js'
import { lazyDeps } from './lazyDeps.js'
import { MissDiagnostics } from './MissDiagnostics.js'
import type { ResourceCallOptions, ResourceLoader } from './resourceCallTypes.js'
import type { SessionCache } from './SessionCache.js'
import {
  resolveSessionConfig,
  type ResolvedSessionConfig,
  type SessionConfig,
  validateCredentials,
} from './SessionConfig.js'
import { SessionEvents } from './SessionEvents.js'
import type { SessionParts } from './SessionParts.js'
import type { SessionSnapshot } from './SessionSnapshot.js'
import type { SessionStats } from './SessionStats.js'
import { registerSession, unregisterSession } from './sessionRegistry.js'
import { SharedCredentials } from './SharedCredentials.js'
import { snapshotSession } from './snapshotSession.js'
import { fromLoader } from './startLoader.js'

// Re-exported for the modules that import it from here.
export type { ResourceCallOptions } from './resourceCallTypes.js'

// `Symbol.asyncDispose` as @types/node and lib.esnext.disposable declare it, so that the emitted
// `[Symbol.asyncDispose]()` compiles in consumers with neither (e.g. lib es2022 and no Node types).
declare global {
  interface SymbolConstructor {
    readonly asyncDispose: unique symbol
  }
}

let sessionCount = 0

/**
 * Hands out cached AWS SDK v3 clients: one client per class and effective config, kept in an LRU
 * or LFU cache, built with one shared credential provider, destroyed when evicted and idle.
 *
 * @example
 * ```ts
 * import { S3Client } from '@aws-sdk/client-s3'
 * import { Session } from 'aws-client-cache'
 *
 * const session = new Session({ region: 'us-east-1' })
 * const s3 = session.client(S3Client)
 * s3 === session.client(S3Client, { region: 'us-east-1' }) // true: same effective config
 * ```
 */
export class Session {
  /** The session's four caches. */
  readonly cache: SessionCache
  readonly #id = `session-${++sessionCount}`
  readonly #config: ResolvedSessionConfig
  /** Session defaults every call's config overlays, with their encoding precomputed. */
  readonly #base: BaseConfig
  /** The session's credentials slot: every client built without its own `credentials` uses it. */
  readonly #credentials: SharedCredentials
  readonly #events = new SessionEvents()
  readonly #services = new Set<string>()
  readonly #resourceNames = new Set<string>()
  readonly #memo = new IdentityMemo()
  /** The exact identity of a `client()` call, for the memo to call on a miss (made once). */
  readonly #encodeCall = (ClientClass: ClientConstructor<unknown>, config: object): string =>
    this.#encode(identityPrefixOf(ClientClass), config, clientErrors)
  readonly #stats: SessionStats = { hits: 0, misses: 0, creates: 0, evictions: 0, disposals: 0 }
  readonly #diagnostics: MissDiagnostics
  readonly #disposer: Disposer
  /** What the miss path uses of the session. */
  readonly #commitDeps: CommitDeps
  #parts: SessionParts | undefined
  #disposed: Promise<void> | undefined

  /**
   * @param config - see {@link SessionConfig}
   * @throws {@link CacheError} naming the bad field; `profile` outside Node
   */
  constructor(config?: SessionConfig) {
    const resolved = resolveSessionConfig(config, platform.supportsProfiles)
    this.#config = resolved
    const clock = resolved.clock
    this.#credentials = new SharedCredentials(
      resolved.credentials,
      platform.defaultCredentialProvider(resolved.profile),
      (credentials, reason) => this.#events.credentialsResolved(credentials, reason, clock.now),
      resolved.credentialsTimeout,
      clock,
    )
    this.#diagnostics = new MissDiagnostics((warning) => this.#events.emit(warning), clock.now)
    this.#disposer = new Disposer(
      this.#stats,
      this.#diagnostics,
      resolved.disposeEvicted,
      clock.now,
    )
    this.#commitDeps = {
      disposer: this.#disposer,
      diagnostics: this.#diagnostics,
      stats: this.#stats,
      credentials: this.#credentials,
      clock,
      bodyIdleTimeout: resolved.bodyIdleTimeout,
      refreshOnAuthError: resolved.refreshOnAuthError,
    }
    const base: Record<string, unknown> = { ...resolved.clientConfig }
    if (resolved.region !== undefined) base.region = resolved.region
    // Keys hold the slot (the shared provider), not the credentials: switching changes no key.
    if (resolved.credentials !== undefined) base.credentials = this.#credentials.provider
    if (resolved.profile !== undefined) base.profile = resolved.profile
    this.#base = new BaseConfig(base)

    // Every eviction goes to the disposer: counted, remembered for diagnostics, disposed if ours.
    this.cache = createSessionCaches(
      resolved.maxSize,
      resolved.clockGiven ? clock.now : undefined,
      (cache, value, key, reason) => this.#disposer.evicted(cache, value, key, reason),
    )
    registerSession(this)
  }

  /** The session's region, or `undefined` when clients resolve their own. */
  get regionName(): string | undefined {
    const region = this.#base.values.region
    return typeof region === 'string' ? region : undefined
  }

  /** The session's shared-config profile (Node), or `undefined`. */
  get profileName(): string | undefined {
    return this.#config.profile
  }

  /**
   * The cached client for this class and effective config (the session's `region`,
   * `credentials`, `profile` and `clientConfig`, overlaid by `config`), built on first use.
   *
   * Hot path: a hit costs one canonical encoding of the config and one map lookup.
   *
   * @example
   * ```ts
   * const s3 = session.client(S3Client, { region: 'eu-west-1' }, { evictionPolicy: 'LFU', maxSize: 20 })
   * ```
   * @throws {@link ClientCacheError} on bad input (nothing changes), or after `dispose()`
   */
  client<C extends ClientConstructor<unknown>>(
    ClientClass: C,
    config?: ClientConfigOf<C>,
    options?: CacheOptions,
  ): InstanceType<C> {
    let policy = this.#config.evictionPolicy
    let maxSize: number | undefined
    if (options !== undefined)
      ({ policy, maxSize } = callOptions(options, clientErrors, this.#config.evictionPolicy))
    if (typeof ClientClass !== 'function') {
      throw invalidArgument(
        ClientCacheError,
        'ClientClass',
        'an AWS SDK client class (e.g. S3Client)',
        ClientClass,
      )
    }
    const identity =
      config === undefined || !isPlainObject(config)
        ? this.#encode(identityPrefixOf(ClientClass), config, clientErrors)
        : this.#memo.lookup(ClientClass, config, this.#encodeCall)
    const cache = this.cache.client[policy]
    if (maxSize !== undefined && maxSize !== cache.maxSize) cache.maxSize = maxSize
    const hit = hitByIdentity(cache, identity)
    if (hit !== undefined) {
      this.#stats.hits++
      return hit as InstanceType<C>
    }
    const effective = config === undefined ? this.#base.values : this.#base.overlay(config)
    return this.#createClient(ClientClass, effective, cache) as InstanceType<C>
  }

  /**
   * Like {@link Session.client}, for a class or a loader, so apps can code-split client modules.
   * The client and its `config` are typed from what the loader resolves to: the class, `{ default:
   * Class }` or a module namespace's one `…Client` class (see {@link ClientClassOf}). Concurrent
   * calls for one key build exactly one client; a failed loader caches nothing.
   *
   * @example
   * ```ts
   * const s3 = await session.clientAsync(() => import('@aws-sdk/client-s3'), { region: 'us-east-1' })
   * ```
   */
  async clientAsync<T extends ClientClassOrLoader>(
    ClientClassOrLoader: T,
    config?: ClientConfigOf<ClientClassOf<T>>,
    options?: CacheOptions,
  ): Promise<ClientOf<ClientClassOf<T>>> {
    const ClientClass = isClientClass(ClientClassOrLoader)
      ? ClientClassOrLoader
      : await fromLoader(ClientClassOrLoader, (loaders) => loaders.loadClientClass)
    // Construction is synchronous, so once the class is known the synchronous path is already
    // single-flight: the first caller builds and caches, every later one hits.
    return this.client(ClientClass, config, options) as ClientOf<ClientClassOf<T>>
  }

  /**
   * The cached resource for this definition, effective config and `resourceOptions`, built on
   * first use over its own client (not shared with the client cache). The definition's `create`
   * must be synchronous here; use {@link Session.resourceAsync} otherwise. `config` is typed as
   * the config of the definition's client class.
   *
   * @example
   * ```ts
   * const docs = session.resource(documentClient, { region: 'us-east-1' }, { resourceOptions: { marshallOptions: { removeUndefinedValues: true } } })
   * ```
   * @throws {@link ResourceCacheError} on bad input, or when `create` returns a promise
   */
  resource<TClient, TResource, TOptions, TClientClass extends ClientConstructor<TClient>>(
    definition: ResourceDefinition<TClient, TResource, TOptions, TClientClass>,
    config?: ClientConfigOf<TClientClass>,
    options?: ResourceCallOptions<TOptions>,
  ): TResource {
    return resourceCallsFor(definition).resource(
      this.#sessionParts(),
      definition,
      config,
      options,
    ) as TResource
  }

  /**
   * Like {@link Session.resource}, for definitions whose `create` is async, or a loader of a
   * definition. Concurrent calls for one key build exactly one resource; a slow `create` for one
   * key never delays another key; a failure caches nothing and the next call retries.
   */
  async resourceAsync<
    TClient,
    TResource,
    TOptions,
    TClientClass extends ClientConstructor<TClient>,
  >(
    definitionOrLoader:
      | ResourceDefinition<TClient, TResource, TOptions, TClientClass>
      | ResourceLoader<ResourceDefinition<TClient, TResource, TOptions, TClientClass>>,
    config?: ClientConfigOf<TClientClass>,
    options?: ResourceCallOptions<TOptions>,
  ): Promise<TResource> {
    const definition: ResourceDefinition = isResourceDefinition(definitionOrLoader)
      ? definitionOrLoader
      : await fromLoader(definitionOrLoader, (loaders) => loaders.loadResourceDefinition)
    return resourceCallsFor(definition).resourceAsync(
      this.#sessionParts(),
      definition,
      config,
      options,
    ) as Promise<TResource>
  }

  /** Profile names in the shared config and credentials files (Node); elsewhere `[]`. */
  availableProfiles(): Promise<string[]> {
    return platform.listProfiles()
  }

  /**
   * Resolves credentials through the session's shared provider: the session's `credentials`,
   * or in Node without them the SDK's default chain for the session's profile. Elsewhere, with
   * no `credentials`, `undefined`.
   */
  async getCredentials(): Promise<AwsCredentialIdentity | undefined> {
    return this.#credentials.hasSource ? this.#credentials.provider() : undefined
  }

  /**
   * Switches the identity of the whole session at once (`undefined`: back to the session's
   * default source — in Node the default chain for its profile, elsewhere none). Builds no client
   * and keeps every entry: every client the session built with its shared credentials, references
   * kept from before included, signs each request that starts after this call with the new
   * credentials. Requests in flight finish as they started; clients built with their own
   * `credentials` are not switched. A `credentials` event (`reason: 'switch'`) follows when the
   * new credentials resolve.
   *
   * @example
   * ```ts
   * // On sign-in and sign-out (e.g. Amplify Hub 'auth' events):
   * session.setCredentials(fromCognitoIdentityPool({ identityPoolId, logins: { [provider]: idToken } }))
   * session.setCredentials(fromCognitoIdentityPool({ identityPoolId })) // back to a guest
   * ```
   * @throws {@link CacheError} naming `credentials` when it is neither static credentials nor a
   *   provider function (the previous identity stays in force)
   */
  setCredentials(credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider): void {
    validateCredentials(credentials, 'credentials')
    this.#credentials.switch(credentials)
  }

  /**
   * Forgets the resolved shared credentials: the next request (or `getCredentials()`) resolves
   * anew, one resolution shared by all. For credentials revoked before their expiry; with
   * `refreshOnAuthError` (default) the session does this itself on an authentication error.
   */
  invalidateCredentials(): void {
    this.#credentials.invalidate()
  }

  /** Partition ids known to the SDK: `['aws', 'aws-cn', 'aws-us-gov', …]`. */
  getAvailablePartitions(): Promise<string[]> {
    return import('../partitions/partitions.js').then((p) => p.getAvailablePartitions())
  }

  /**
   * The partition of a region: known regions first, then each partition's region pattern.
   * @throws {@link CacheError} (`UNKNOWN_REGION`) for a region matching none
   */
  getPartitionForRegion(region: string): Promise<string> {
    return import('../partitions/partitions.js').then((p) =>
      p.getPartitionForRegion(region, lazyDeps),
    )
  }

  /** Regions known to the SDK's partition data for a partition (default `'aws'`). */
  getAvailableRegions(partition?: string): Promise<string[]> {
    return import('../partitions/partitions.js').then((p) =>
      p.getAvailableRegions(partition, lazyDeps),
    )
  }

  /** Service ids (`client.config.serviceId`, e.g. `'S3'`) of the client classes this session has built. */
  getAvailableServices(): string[] {
    return [...this.#services].sort()
  }

  /** Names of the resource definitions this session has built. */
  getAvailableResources(): string[] {
    return [...this.#resourceNames].sort()
  }

  /**
   * Listens to every event of the session's four caches and the session's own (`credentials`).
   * Returns an idempotent unsubscribe.
   *
   * @example
   * ```ts
   * const stop = session.subscribe((event) => console.log(event.type, 'label' in event ? event.label : ''))
   * ```
   */
  subscribe(listener: CacheEventListener): () => void {
    return this.#events.subscribe(listener, this.#caches())
  }

  /** The whole session state as plain, secret-free JSON. */
  snapshot(): SessionSnapshot {
    return snapshotSession({
      id: this.#id,
      regionName: this.regionName,
      profileName: this.profileName,
      cache: this.cache,
      built: this.#disposer.built,
      stats: this.#stats,
      diagnostics: this.#diagnostics,
      credentials: this.#credentials,
    })
  }

  /**
   * Evicts everything (reason `dispose`), destroys each client once it is idle, and resolves
   * when all are destroyed. Later calls for clients or resources throw. Idempotent.
   */
  dispose(): Promise<void> {
    if (this.#disposed === undefined) {
      // Marked first, so a resource finishing its async create meanwhile is not cached.
      this.#disposed = Promise.resolve()
      unregisterSession(this)
      for (const cache of this.#caches()) internals.removeAll(cache, 'dispose')
      this.#disposed = this.#disposer.settled()
    }
    return this.#disposed
  }

  /** `await using session = new Session()` disposes it at the end of the scope. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose()
  }

  /** What the resource path (which travels with `defineResource()`) uses of this session. */
  #sessionParts(): SessionParts {
    return (this.#parts ??= {
      defaultPolicy: this.#config.evictionPolicy,
      base: this.#base,
      caches: this.cache.resource,
      hit: () => void this.#stats.hits++,
      miss: (family) => {
        this.#stats.misses++
        this.#assertOpen(family)
      },
      assertOpen: (family) => this.#assertOpen(family),
      encode: (prefix, config, family) => this.#encode(prefix, config, family),
      construct: (ClientClass, effective, family) =>
        buildClient(ClientClass, effective, family, this.#credentials, this.#services),
      commit: (...args) => commitEntry(this.#commitDeps, ...args),
      named: (name) => void this.#resourceNames.add(name),
    })
  }

  /** The identity of the effective config (session defaults overlaid by the call's). */
  #encode(prefix: string, config: unknown, family: ErrorFamily): string {
    if (config === undefined) return prefix + this.#base.identity
    if (!isPlainObject(config)) {
      throw invalidArgument(family.Base, 'config', 'a plain object or undefined', config)
    }
    try {
      return this.#base.encode(config, prefix)
    } catch (error) {
      throw translateCycle(error, 'config', family)
    }
  }

  #createClient(
    ClientClass: ClientConstructor<unknown>,
    effective: Record<string, unknown>,
    cache: SessionCache['client']['LRU' | 'LFU'],
  ): unknown {
    if (!isConstructor(ClientClass)) {
      throw invalidArgument(
        ClientCacheError,
        'ClientClass',
        'an AWS SDK client class (e.g. S3Client)',
        ClientClass,
      )
    }
    this.#stats.misses++
    this.#assertOpen(clientErrors)
    const client = buildClient(
      ClientClass,
      effective,
      clientErrors,
      this.#credentials,
      this.#services,
    )
    const key = new ClientCacheKey(ClientClass, effective)
    return commitEntry(
      this.#commitDeps,
      ClientClass,
      key,
      client,
      client,
      cache,
      effective,
      effective,
    )
  }

  /** The four caches, in a fixed order. */
  #caches(): AnyCache[] {
    const { client, resource } = this.cache
    return [client.LRU, client.LFU, resource.LRU, resource.LFU]
  }

  #assertOpen(family: ErrorFamily): void {
    if (this.#disposed !== undefined) {
      throw new family.Base(`session ${this.#id} is disposed; create a new Session`, {
        code: 'SESSION_DISPOSED',
      })
    }
  }
}
