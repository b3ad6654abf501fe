/**
 * The seed's low-level example (boto3-client-cache's `cache` module), in TypeScript, for every
 * cache class: set, get by an equal key, and each documented error.
 */
import { describe, expect, it } from 'vitest'
import {
  ClientCacheError,
  ClientCacheExistsError,
  ClientCacheNotFoundError,
  ResourceCacheError,
  ResourceCacheExistsError,
  ResourceCacheNotFoundError,
} from '../errors.js'
import { ClientCacheKey } from '../keys/ClientCacheKey.js'
import { ResourceCacheKey } from '../keys/ResourceCacheKey.js'
import { LFUClientCache } from './LFUClientCache.js'
import { LFUResourceCache } from './LFUResourceCache.js'
import { LRUClientCache } from './LRUClientCache.js'
import { LRUResourceCache } from './LRUResourceCache.js'
import { FakeClient, OtherFakeClient, gadget, widget } from './test-support/cacheFixtures.js'

class S3Client extends FakeClient {}
class EC2Client extends FakeClient {}

describe.each([
  ['LRUClientCache', LRUClientCache],
  ['LFUClientCache', LFUClientCache],
] as const)('seed example: %s', (_name, ClientCache) => {
  it('caches a client by class and config, with the documented errors', () => {
    const cache = new ClientCache({ maxSize: 30 })
    const config = { region: 'us-west-2' }
    const key = new ClientCacheKey(S3Client, config)
    const client = new S3Client(config)
    cache.set(key, client)
    expect(cache.get(new ClientCacheKey(S3Client, { region: 'us-west-2' }))).toBe(client)

    expect(() => cache.set(key, new S3Client(config))).toThrow(ClientCacheExistsError)
    expect(() => cache.getOrThrow(new ClientCacheKey(EC2Client, config))).toThrow(
      ClientCacheNotFoundError,
    )
    expect(cache.get(new ClientCacheKey(EC2Client, config))).toBeUndefined()
    expect(() => cache.get('this is not a ClientCacheKey' as never)).toThrow(ClientCacheError)
    expect(() => cache.set(new ClientCacheKey(S3Client), 'this is not a client' as never)).toThrow(
      ClientCacheError,
    )
    expect(cache.size).toBe(1)
    expect(cache.toString()).toBe("ClientCache:\n- S3Client({ region: 'us-west-2' })")
  })

  it('tells client classes apart, even subclasses with the same config', () => {
    const cache = new ClientCache()
    cache.set(new ClientCacheKey(FakeClient, { region: 'us-west-2' }), new FakeClient())
    expect(cache.has(new ClientCacheKey(OtherFakeClient, { region: 'us-west-2' }))).toBe(false)
  })
})

describe.each([
  ['LRUResourceCache', LRUResourceCache],
  ['LFUResourceCache', LFUResourceCache],
] as const)('seed example: %s', (_name, ResourceCache) => {
  it('caches a resource by definition and config, with the documented errors', () => {
    const cache = new ResourceCache({ maxSize: 30 })
    const config = { region: 'us-west-2' }
    const key = new ResourceCacheKey(widget, config)
    const resource = { client: new FakeClient(config) }
    cache.set(key, resource)
    expect(cache.get(new ResourceCacheKey(widget, { region: 'us-west-2' }))).toBe(resource)

    expect(() => cache.set(key, { client: new FakeClient(config) })).toThrow(
      ResourceCacheExistsError,
    )
    expect(() => cache.getOrThrow(new ResourceCacheKey(gadget, config))).toThrow(
      ResourceCacheNotFoundError,
    )
    expect(cache.get(new ResourceCacheKey(gadget, config))).toBeUndefined()
    expect(() => cache.get('this is not a ResourceCacheKey' as never)).toThrow(ResourceCacheError)
    expect(() => cache.get(new ClientCacheKey(S3Client, config) as never)).toThrow(
      ResourceCacheError,
    )
    expect(() => cache.set(new ResourceCacheKey(widget), 'not a resource')).toThrow(
      ResourceCacheError,
    )
    expect(cache.size).toBe(1)
    expect(cache.toString()).toBe("ResourceCache:\n- Widget({ region: 'us-west-2' })")
  })
})
