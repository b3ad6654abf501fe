import { platform } from '#platform'
import { LFUClientCache } from '../caches/LFUClientCache.js'
import { LFUResourceCache } from '../caches/LFUResourceCache.js'
import { LRUClientCache } from '../caches/LRUClientCache.js'
import { LRUResourceCache } from '../caches/LRUResourceCache.js'
import {
  CacheError,
  ClientCacheError,
  clientErrors,
  invalidArgument,
  type ErrorFamily,
} from '../errors.js'
import type { CacheEvent, CacheEventListener } from '../events.js'
import type { CacheKey } from '../keys/CacheKey.js'
import { translateCycle } from '../keys/CacheKey.js'
import { ClientCacheKey, isConstructor } from '../keys/ClientCacheKey.js'
import { learnServiceId } from '../keys/clientClassName.js'
import { isPlainObject } from '../keys/isPlainObject.js'
import { identityPrefixOf } from '../keys/objectIds.js'
import { reportError } from '../reportError.js'
import type { ResourceDefinition } from '../resources/defineResource.js'
import { isResourceDefinition, resourceCallsFor } from '../resources/definitionRegistry.js'
import { Subscribable } from '../Subscribable.js'
import type {
  AwsClientLike,
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  CacheOptions,
  ClientConfigOf,
  ClientConstructor,
  EvictionPolicy,
  EvictReason,
} from '../types.js'
import { BaseConfig } from './BaseConfig.js'
import type { AnyCache, Built } from './Built.js'
import { ClientTracker } from './ClientTracker.js'
import { IdentityMemo } from './IdentityMemo.js'
import { MissDiagnostics } from './MissDiagnostics.js'
import type { ClientClassOf, ClientClassOrLoader, ClientOf } from './clientLoaderTypes.js'
import type { ResourceCallOptions, ResourceLoader } from './resourceCallTypes.js'
import type { SessionParts } from './SessionParts.js'
import type { SessionCache } from './SessionCache.js'
import {
  resolveSessionConfig,
  type ResolvedSessionConfig,
  type SessionConfig,
  validateCredentials,
} from './SessionConfig.js'
import type { SessionSnapshot } from './SessionSnapshot.js'
import { createRequestMiddleware, REQUEST_MIDDLEWARE_OPTIONS } from './requestMiddleware.js'
import { registerSession, unregisterSession } from './sessionRegistry.js'
import { SharedCredentials, type CredentialsReason } from './SharedCredentials.js'
import { cacheSnapshot } from './cacheSnapshot.js'
import { callOptions } from './callOptions.js'
import { entryEvent } from './entryEvent.js'
import { destroyQuietly } from './destroyQuietly.js'
import { isClientClass } from './isClientClass.js'
import { lazyDeps } from './lazyDeps.js'
import { startLoader } from './startLoader.js'

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
  readonly #built = new WeakMap<object, Built>()
  readonly #events = new Subscribable<CacheEvent>(CacheError)
  #forwarders: (() => void)[] | undefined
  readonly #services = new Set<string>()
  readonly #resourceNames = new Set<string>()
  readonly #disposals = new Set<Promise<void>>()
  #parts: SessionParts | undefined
  readonly #memo = new IdentityMemo()
  #disposed: Promise<void> | undefined
  readonly #stats = { hits: 0, misses: 0, creates: 0, evictions: 0, disposals: 0 }
  readonly #diagnostics = new MissDiagnostics((warning) => {
    if (this.#events.hasListeners) this.#events.emit(warning)
  })

  /**
   * @param config - see {@link SessionConfig}
   * @throws {@link CacheError} naming the bad field; `profile` outside Node
   */
  constructor(config?: SessionConfig) {
    const resolved = resolveSessionConfig(config, platform.supportsProfiles)
    this.#config = resolved
    this.#credentials = new SharedCredentials(
      resolved.credentials,
      platform.defaultCredentialProvider(resolved.profile),
      (credentials, reason) => this.#credentialsResolved(credentials, reason),
      resolved.credentialsTimeout,
    )
    const base: Record<string, unknown> = { ...resolved.clientConfig }
    if (resolved.region !== undefined) base.region = resolved.region
    // Keys hold the slot (the shared provider), not the credentials: switching changes no key.
    if (resolved.credentials !== undefined) base.credentials = this.#credentials.provider
    if (resolved.profile !== undefined) base.profile = resolved.profile
    this.#base = new BaseConfig(base)

    // Every eviction, whatever the cache or reason, goes to one hook: count it, dispose if ours.
    const options = (side: 'client' | 'resource', policy: EvictionPolicy) => ({
      maxSize: resolved.maxSize,
      onEvict: (value: unknown, key: CacheKey, reason: EvictReason) =>
        this.#evicted(this.cache[side][policy], value, key, reason),
    })
    this.cache = Object.freeze({
      client: Object.freeze({
        LRU: new LRUClientCache(options('client', 'LRU')),
        LFU: new LFUClientCache(options('client', 'LFU')),
      }),
      resource: Object.freeze({
        LRU: new LRUResourceCache(options('resource', 'LRU')),
        LFU: new LFUResourceCache(options('resource', 'LFU')),
      }),
    })
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
        : this.#memo.lookup(ClientClass, config, () =>
            this.#encode(identityPrefixOf(ClientClass), config, clientErrors),
          )
    const cache = this.cache.client[policy]
    if (maxSize !== undefined && maxSize !== cache.maxSize) cache.maxSize = maxSize
    const hit = cache._hitByIdentity(identity)
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
    let ClientClass: ClientConstructor<unknown>
    if (isClientClass(ClientClassOrLoader)) ClientClass = ClientClassOrLoader
    else {
      // The loader runs at once; what it resolves to is read by the loaders' lazy chunk.
      const started =
        typeof ClientClassOrLoader === 'function' ? startLoader(ClientClassOrLoader) : undefined
      const { loadClientClass } = await import('./loaders.js')
      ClientClass = await loadClientClass(ClientClassOrLoader, started, lazyDeps)
    }
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
    let definition: ResourceDefinition
    if (isResourceDefinition(definitionOrLoader)) definition = definitionOrLoader
    else {
      const started =
        typeof definitionOrLoader === 'function' ? startLoader(definitionOrLoader) : undefined
      const { loadResourceDefinition } = await import('./loaders.js')
      definition = await loadResourceDefinition(definitionOrLoader, started, lazyDeps)
    }
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
    const unsubscribe = this.#events.subscribe(listener)
    if (this.#forwarders === undefined) {
      const forward = (event: CacheEvent): void => this.#events.emit(event)
      const { client, resource } = this.cache
      this.#forwarders = [client.LRU, client.LFU, resource.LRU, resource.LFU].map((cache) =>
        cache.subscribe(forward),
      )
    }
    let active = true
    return () => {
      if (!active) return
      active = false
      unsubscribe()
      if (!this.#events.hasListeners && this.#forwarders !== undefined) {
        for (const stop of this.#forwarders) stop()
        this.#forwarders = undefined
      }
    }
  }

  /** The whole session state as plain, secret-free JSON. */
  snapshot(): SessionSnapshot {
    const { client, resource } = this.cache
    const credentials = this.#credentials
    return {
      id: this.#id,
      regionName: this.regionName ?? null,
      profileName: this.profileName ?? null,
      caches: {
        client: {
          LRU: cacheSnapshot(client.LRU, this.#built),
          LFU: cacheSnapshot(client.LFU, this.#built),
        },
        resource: {
          LRU: cacheSnapshot(resource.LRU, this.#built),
          LFU: cacheSnapshot(resource.LFU, this.#built),
        },
      },
      stats: { ...this.#stats },
      warnings: this.#diagnostics.warnings(),
      credentials: credentials.hasSource
        ? {
            expiration: credentials.current?.expiration?.toISOString() ?? null,
            reason: credentials.lastReason ?? null,
          }
        : null,
    }
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
      const { client, resource } = this.cache
      for (const cache of [client.LRU, client.LFU, resource.LRU, resource.LFU])
        cache._removeAll('dispose')
      this.#disposed = Promise.all([...this.#disposals]).then(noop)
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
        this.#construct(ClientClass, effective, family),
      commit: (...args) => this.#commit(...args),
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
    cache: LRUClientCache | LFUClientCache,
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
    const client = this.#construct(ClientClass, effective, clientErrors)
    const key = new ClientCacheKey(ClientClass, effective)
    return this.#commit(ClientClass, key, client, client, cache, effective, effective)
  }

  /**
   * The one miss path of clients and resources: tracks what was built, diagnoses the miss, emits
   * it with its cause, and caches the value (destroying the client if that fails).
   * `compared` is what the diagnosis compares (a resource adds its `resourceOptions`).
   */
  #commit(
    owner: object,
    key: CacheKey,
    value: object,
    client: AwsClientLike,
    cache: AnyCache,
    effective: Record<string, unknown>,
    compared: Record<string, unknown>,
  ): unknown {
    this.#track(value, client, key, cache, effective)
    const cause = this.#diagnostics.diagnose(cache, owner, key, compared)
    if (cache._hasListeners) cache._emit({ ...entryEvent('miss', key, cache), cause })
    try {
      ;(cache as { set(key: CacheKey, value: unknown): unknown }).set(key, value)
    } catch (error) {
      destroyQuietly(client)
      throw error
    }
    this.#diagnostics.created(cache, owner, key, compared)
    this.#stats.creates++
    return value
  }

  #construct(
    ClientClass: ClientConstructor<unknown>,
    effective: Record<string, unknown>,
    family: ErrorFamily,
  ): AwsClientLike {
    const config: Record<string, unknown> = { ...effective }
    if (this.#usesSharedCredentials(effective)) config.credentials = this.#credentials.provider
    const client = new ClientClass(config) as AwsClientLike
    if (
      client === null ||
      typeof client !== 'object' ||
      typeof client.send !== 'function' ||
      typeof client.destroy !== 'function'
    ) {
      throw new family.Base(
        `${ClientClass.name || 'ClientClass'} did not build a client (an object with send() and destroy())`,
        { code: 'NOT_A_CLIENT', param: 'ClientClass' },
      )
    }
    learnServiceId(ClientClass, client)
    const serviceId = (client.config as { serviceId?: unknown } | undefined)?.serviceId
    this.#services.add(typeof serviceId === 'string' && serviceId ? serviceId : ClientClass.name)
    return client
  }

  /** Adds the request-tracking middleware and remembers what the session built. */
  #track(
    value: object,
    client: AwsClientLike,
    key: CacheKey,
    cache: AnyCache,
    effective: Record<string, unknown>,
  ): void {
    const tracker = new ClientTracker(this.#config.bodyIdleTimeout)
    const handler = effective.requestHandler as { handle?: unknown } | undefined
    const built: Built = {
      client,
      tracker,
      key,
      cache,
      ownsHandler: !(
        handler !== null &&
        typeof handler === 'object' &&
        typeof handler.handle === 'function'
      ),
      disposed: false,
    }
    this.#built.set(value, built)
    const stack = client.middlewareStack as
      { add?: (middleware: unknown, options: object) => void } | undefined
    stack?.add?.(
      createRequestMiddleware({
        tracker,
        emitter: () =>
          cache._hasListeners
            ? (data) => cache._emit({ ...entryEvent(data.type, key, cache), ...data })
            : undefined,
        credentials:
          this.#config.refreshOnAuthError && this.#usesSharedCredentials(effective)
            ? this.#credentials
            : undefined,
      }),
      REQUEST_MIDDLEWARE_OPTIONS,
    )
  }

  /** `true` when a client of this effective config signs with the session's credentials slot. */
  #usesSharedCredentials(effective: Record<string, unknown>): boolean {
    return (
      effective.credentials === undefined || effective.credentials === this.#credentials.provider
    )
  }

  #evicted(cache: AnyCache, value: unknown, key: CacheKey, reason: EvictReason): void {
    this.#stats.evictions++
    this.#diagnostics.evicted(cache, key, reason)
    const built =
      typeof value === 'object' || typeof value === 'function'
        ? this.#built.get(value as object)
        : undefined
    // Forget it now: V8 does not shrink a WeakMap's table when keys die, only on delete(), so
    // a session churning through distinct keys would otherwise grow without bound.
    if (built !== undefined) this.#built.delete(value as object)
    if (built === undefined || !this.#config.disposeEvicted || !built.ownsHandler) return
    const done = new Promise<void>((resolve) => {
      built.tracker.whenIdle(() => {
        this.#destroy(built)
        resolve()
      })
    })
    this.#disposals.add(done)
    void done.then(() => this.#disposals.delete(done))
  }

  #destroy(built: Built): void {
    if (built.disposed) return
    built.disposed = true
    try {
      built.client.destroy()
    } catch (error) {
      reportError(error, 'client.destroy()')
    }
    this.#stats.disposals++
    if (built.cache._hasListeners) built.cache._emit(entryEvent('dispose', built.key, built.cache))
  }

  #assertOpen(family: ErrorFamily): void {
    if (this.#disposed !== undefined) {
      throw new family.Base(`session ${this.#id} is disposed; create a new Session`, {
        code: 'SESSION_DISPOSED',
      })
    }
  }

  #credentialsResolved(credentials: AwsCredentialIdentity, reason: CredentialsReason): void {
    if (!this.#events.hasListeners) return
    this.#events.emit({
      type: 'credentials',
      at: Date.now(),
      cacheType: null,
      evictionPolicy: null,
      refresh: reason !== 'initial',
      reason,
      expiration: credentials.expiration?.toISOString() ?? null,
    })
  }
}

function noop(): void {}
