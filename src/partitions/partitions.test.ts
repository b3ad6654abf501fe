import { partition } from '@aws-sdk/util-endpoints'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CacheError } from '../errors.js'
import { getAvailablePartitions, getAvailableRegions, getPartitionForRegion } from './partitions.js'
import { partitionsData } from './partitionsData.js'
import { lazyDeps } from '../session/lazyDeps.js'

/** The SDK's answer: the name of the partition `partition()` resolves. */
const sdkPartitionOf = (region: string): string => partition(region).name

async function rejection(promise: Promise<unknown>): Promise<CacheError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(CacheError)
  return error as CacheError
}

describe('getAvailablePartitions', () => {
  it('lists the partition ids in the SDK order', async () => {
    const ids = await getAvailablePartitions()
    expect(ids).toEqual(partitionsData.map(({ id }) => id))
    expect(ids[0]).toBe('aws')
    expect(ids).toEqual(expect.arrayContaining(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso']))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('uses the names the SDK gives its partitions', async () => {
    for (const { id, regions } of partitionsData) {
      expect(sdkPartitionOf(regions[0]!)).toBe(id)
    }
  })

  it('returns a new array each time, so callers cannot corrupt the table', async () => {
    const first = await getAvailablePartitions()
    first.length = 0
    const second = await getAvailablePartitions()
    expect(second).not.toBe(first)
    expect(second.length).toBe(partitionsData.length)
  })
})

describe('getPartitionForRegion', () => {
  it('agrees with the SDK for every region of every partition', async () => {
    let checked = 0
    for (const { regions } of partitionsData) {
      for (const region of regions) {
        expect([region, await getPartitionForRegion(region, lazyDeps)]).toEqual([
          region,
          sdkPartitionOf(region),
        ])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(30)
  })

  it('resolves well-known regions', async () => {
    expect(await getPartitionForRegion('us-east-1', lazyDeps)).toBe('aws')
    expect(await getPartitionForRegion('aws-global', lazyDeps)).toBe('aws')
    expect(await getPartitionForRegion('cn-northwest-1', lazyDeps)).toBe('aws-cn')
    expect(await getPartitionForRegion('us-gov-west-1', lazyDeps)).toBe('aws-us-gov')
  })

  it.each([
    ['us-west-9', 'aws'],
    ['eu-central-7', 'aws'],
    ['ap-southeast-42', 'aws'],
    ['mx-north-2', 'aws'],
    ['cn-north-7', 'aws-cn'],
    ['cn-south-1', 'aws-cn'],
    ['us-gov-central-3', 'aws-us-gov'],
    ['us-iso-south-2', 'aws-iso'],
    ['us-isob-south-5', 'aws-iso-b'],
    ['eu-isoe-west-3', 'aws-iso-e'],
    ['us-isof-west-2', 'aws-iso-f'],
    ['eusc-de-west-2', 'aws-eusc'],
  ])(
    'resolves the not-yet-known region %s by pattern, as the SDK does (%s)',
    async (region, id) => {
      expect(await getPartitionForRegion(region, lazyDeps)).toBe(id)
      expect(sdkPartitionOf(region)).toBe(id)
    },
  )

  it('agrees with the SDK on region-shaped names, except where the SDK falls back to aws', async () => {
    const regionLike = fc
      .tuple(
        fc.constantFrom('us', 'eu', 'ap', 'cn', 'eusc', 'sa', 'me', 'xx', 'mars'),
        fc.array(fc.constantFrom('gov', 'iso', 'isob', 'isoe', 'isof', 'de', 'west', 'north'), {
          maxLength: 2,
        }),
        fc.constantFrom('east', 'west', 'central', 'south'),
        fc.integer({ min: 1, max: 99 }),
      )
      .map(([prefix, middle, direction, n]) => [prefix, ...middle, direction, n].join('-'))
    await fc.assert(
      fc.asyncProperty(regionLike, async (region) => {
        const sdk = sdkPartitionOf(region)
        const ours = await getPartitionForRegion(region, lazyDeps).catch((error: unknown) => error)
        if (ours instanceof CacheError) {
          // Ours is stricter only where nothing matched and the SDK fell back to its default.
          expect(ours.code).toBe('UNKNOWN_REGION')
          expect(sdk).toBe('aws')
          expect(
            partitionsData.some(({ regionRegex }) => new RegExp(regionRegex).test(region)),
          ).toBe(false)
        } else {
          expect(ours).toBe(sdk)
        }
      }),
    )
  })

  it('rejects a region that matches no partition (where the SDK would fall back to aws)', async () => {
    // Documented difference: the SDK's partition() answers 'aws' for anything; we reject.
    expect(sdkPartitionOf('mars-1')).toBe('aws')
    const error = await rejection(getPartitionForRegion('mars-1', lazyDeps))
    expect(error.code).toBe('UNKNOWN_REGION')
    expect(error.param).toBe('region')
    expect(error.value).toBe('mars-1')
    expect(error.message).toContain("'mars-1'")
    expect(error.message).toContain('aws-cn')
  })

  it.each(['US-EAST-1', 'us-east-1 ', 'useast1', 'aws', 'eusc-fr-east-1'])(
    'rejects %j as an unknown region',
    async (region) => {
      expect((await rejection(getPartitionForRegion(region, lazyDeps))).code).toBe('UNKNOWN_REGION')
    },
  )

  it.each([[''], [undefined], [null], [42], [{ region: 'us-east-1' }]])(
    'rejects a non-region argument %j as an invalid argument',
    async (value) => {
      const error = await rejection(getPartitionForRegion(value as unknown as string, lazyDeps))
      expect(error.code).toBe('INVALID_ARGUMENT')
      expect(error.param).toBe('region')
      expect(error.message).toMatch(/^region must be a region name such as us-east-1, got /)
    },
  )

  it('serves concurrent first calls from one load', async () => {
    const results = await Promise.all([
      getPartitionForRegion('us-east-1', lazyDeps),
      getPartitionForRegion('cn-north-1', lazyDeps),
      getAvailablePartitions(),
      getAvailableRegions('aws-us-gov', lazyDeps),
    ])
    expect(results).toEqual([
      'aws',
      'aws-cn',
      partitionsData.map(({ id }) => id),
      expect.any(Array),
    ])
  })
})

describe('getAvailableRegions', () => {
  it("defaults to the 'aws' partition", async () => {
    const regions = await getAvailableRegions(undefined, lazyDeps)
    expect(regions).toEqual(await getAvailableRegions('aws', lazyDeps))
    expect(regions).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2']))
    expect(regions).not.toContain('cn-north-1')
  })

  it('lists real regions only: no pseudo-regions such as aws-global', async () => {
    for (const { id, regionRegex, regions } of partitionsData) {
      const listed = await getAvailableRegions(id, lazyDeps)
      expect(listed).toEqual(regions.filter((region) => new RegExp(regionRegex).test(region)))
      expect(listed.length).toBeGreaterThan(0)
      expect(listed.filter((region) => region.endsWith('-global'))).toEqual([])
      for (const region of listed) expect(sdkPartitionOf(region)).toBe(id)
    }
    expect(await getAvailableRegions('aws', lazyDeps)).not.toContain('aws-global')
    expect(await getAvailableRegions('aws-cn', lazyDeps)).toEqual(['cn-north-1', 'cn-northwest-1'])
  })

  it('returns a new array each time', async () => {
    const first = await getAvailableRegions('aws', lazyDeps)
    first.push('mars-1')
    expect(await getAvailableRegions('aws', lazyDeps)).not.toContain('mars-1')
  })

  it.each(['nope', '', 'AWS', 'aws-global'])(
    'rejects the unknown partition %j, listing the valid ones',
    async (id) => {
      const error = await rejection(getAvailableRegions(id, lazyDeps))
      expect(error.code).toBe('UNKNOWN_PARTITION')
      expect(error.param).toBe('partition')
      expect(error.message).toContain('aws, aws-cn')
      expect(error.message).toContain('aws-us-gov')
    },
  )

  it.each([[null], [42], [['aws']]])('rejects the non-string partition %j', async (value) => {
    const error = await rejection(getAvailableRegions(value as unknown as string, lazyDeps))
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.param).toBe('partition')
  })
})
