import { hitByIdentity, internals } from '../caches/CacheBase.js'
import { invalidArgument, ResourceCacheError, resourceErrors } from '../errors.js'
import { encodePart } from '../keys/CacheKey.js'
import { identityPrefixOf } from '../keys/objectIds.js'
import { ResourceCacheKey } from '../keys/ResourceCacheKey.js'
import { SingleFlight } from '../lock/SingleFlight.js'
import { callOptions } from '../session/callOptions.js'
import { destroyQuietly } from '../session/destroyQuietly.js'
import type { ResourceCall } from '../session/resourceCallTypes.js'
import type { SessionParts } from '../session/SessionParts.js'
import type { AwsClientLike } from '../types.js'
import type { ResourceDefinition } from './defineResource.js'

/** The key of a resource entry's `resourceOptions`, compared like a top-level config property. */
const RESOURCE_OPTIONS = 'resourceOptions'

/** One single flight per session, for `resourceAsync()`. */
const flights = new WeakMap<SessionParts, SingleFlight<unknown>>()

/**
 * A session's `resource()` and `resourceAsync()`. They live here, with `defineResource()`, and
 * not in `Session`: a session reaches them only through a definition, so an app that never
 * defines a resource never ships them. Both go through the session's one miss path
 * (`SessionParts.commit`).
 * @internal
 */
export interface ResourceCalls {
  resource(
    parts: SessionParts,
    definition: ResourceDefinition,
    config: unknown,
    options: unknown,
  ): unknown
  resourceAsync(
    parts: SessionParts,
    definition: ResourceDefinition,
    config: unknown,
    options: unknown,
  ): Promise<unknown>
}

/** @internal */
export const resourceCalls: ResourceCalls = {
  resource(parts, definition, config, options) {
    const call = resourceCall(parts, definition, config, options)
    const hit = cachedHit(parts, call)
    if (hit !== undefined) return hit
    const { client, key } = build(parts, definition, call)
    let created: unknown
    try {
      created = definition.create(client, call.resourceOptions)
    } catch (error) {
      destroyQuietly(client)
      throw error
    }
    if (isPromiseLike(created)) {
      created.then(noop, noop)
      destroyQuietly(client)
      throw new ResourceCacheError(
        `definition.create of '${definition.name}' returned a promise; use session.resourceAsync() for definitions whose create is async`,
        { code: 'ASYNC_CREATE', param: 'definition.create' },
      )
    }
    return insert(parts, key, created, client, call)
  },

  resourceAsync(parts, definition, config, options) {
    const call = resourceCall(parts, definition, config, options)
    const hit = cachedHit(parts, call)
    if (hit !== undefined) return Promise.resolve(hit)
    let flight = flights.get(parts)
    if (flight === undefined) flights.set(parts, (flight = new SingleFlight()))
    return flight.run(`${call.policy}|${call.identity}`, async () => {
      const ready = cachedHit(parts, call) // built by the flight this one waited on
      if (ready !== undefined) return ready
      const { client, key } = build(parts, definition, call)
      let created: unknown
      try {
        created = await definition.create(client, call.resourceOptions)
        parts.assertOpen(resourceErrors)
      } catch (error) {
        destroyQuietly(client)
        throw error
      }
      const raced = internals.peek(call.cache, call.identity)
      if (raced !== undefined) {
        // A synchronous resource() call built the same key meanwhile: keep that one.
        destroyQuietly(client)
        return raced
      }
      return insert(parts, key, created, client, call)
    })
  },
}

/** Validates a call and finds its cache and identity. Nothing changes on a throw. */
function resourceCall(
  parts: SessionParts,
  definition: ResourceDefinition,
  config: unknown,
  options: unknown,
): ResourceCall {
  let policy = parts.defaultPolicy
  let maxSize: number | undefined
  let resourceOptions: unknown
  if (options !== undefined) {
    ;({ policy, maxSize } = callOptions(options, resourceErrors, policy))
    resourceOptions = (options as { resourceOptions?: unknown }).resourceOptions
  }
  const encodedConfig = parts.encode(identityPrefixOf(definition), config, resourceErrors)
  const effective =
    config === undefined ? parts.base.values : parts.base.overlay(config as Record<string, unknown>)
  const encodedOptions = encodePart(
    resourceOptions,
    'options.resourceOptions',
    resourceErrors,
    false,
  )
  const identity = `${encodedConfig}|${encodedOptions}`
  const cache = parts.caches[policy]
  if (maxSize !== undefined && maxSize !== cache.maxSize) cache.maxSize = maxSize
  return { policy, cache, effective, identity, resourceOptions }
}

/** The cached resource of this call, counted as a hit; `undefined` when it is not cached. */
function cachedHit(parts: SessionParts, { cache, identity }: ResourceCall): unknown {
  const hit = hitByIdentity(cache, identity)
  if (hit !== undefined) parts.hit()
  return hit
}

/** Counts the miss (throwing if the session is disposed), then builds the resource's client. */
function build(
  parts: SessionParts,
  definition: ResourceDefinition,
  { effective, resourceOptions }: ResourceCall,
): { client: AwsClientLike; key: ResourceCacheKey } {
  parts.miss(resourceErrors)
  const client = parts.construct(definition.client, effective, resourceErrors)
  return { client, key: new ResourceCacheKey(definition, effective, resourceOptions) }
}

function insert(
  parts: SessionParts,
  key: ResourceCacheKey,
  value: unknown,
  client: AwsClientLike,
  { cache, effective, resourceOptions }: ResourceCall,
): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    destroyQuietly(client)
    throw invalidArgument(ResourceCacheError, 'definition.create', 'to return an object', value)
  }
  // The diagnosis compares `resourceOptions` like one more top-level config property.
  const compared =
    resourceOptions === undefined
      ? effective
      : { ...effective, [RESOURCE_OPTIONS]: resourceOptions }
  parts.commit(key.definition, key, value, client, cache, effective, compared)
  parts.named(key.definition.name)
  return value
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  )
}

function noop(): void {}
