/**
 * AWS partitions and regions, from a copy of the SDK's own partition table
 * (`partitionsData.ts`, generated at build time by `scripts/generate-partitions.mjs`).
 *
 * This module is itself imported lazily, by a session's first partition question, and the table
 * with a dynamic `import()` of its own: bundlers put both in chunks of their own that never weigh
 * on the core's main bundle. It imports types only and receives the error helpers as `deps`, so
 * its chunk shares no module with the core's. The table is loaded once and indexed once.
 *
 * @module
 */
import type { LazyDeps } from '../session/lazyDeps.js'
import type { PartitionData } from './partitionsData.js'

/** The error helpers of the core. */
export type PartitionDeps = Pick<LazyDeps, 'CacheError' | 'invalidArgument'>

/** The table, indexed for lookups. */
interface PartitionIndex {
  /** Partition ids in SDK order. */
  readonly ids: readonly string[]
  /** Known region → the first partition (in SDK order) that lists it, as the SDK resolves it. */
  readonly partitionByRegion: ReadonlyMap<string, string>
  /** Each partition's region pattern, in SDK order. */
  readonly patterns: readonly { readonly id: string; readonly regex: RegExp }[]
  /** Partition id → its real regions (those matching its pattern: no `aws-global`). */
  readonly regionsById: ReadonlyMap<string, readonly string[]>
}

let loading: Promise<PartitionIndex> | undefined

function buildIndex(partitions: readonly PartitionData[]): PartitionIndex {
  const partitionByRegion = new Map<string, string>()
  const patterns: { id: string; regex: RegExp }[] = []
  const regionsById = new Map<string, readonly string[]>()
  for (const { id, regionRegex, regions } of partitions) {
    const regex = new RegExp(regionRegex)
    patterns.push({ id, regex })
    regionsById.set(
      id,
      regions.filter((region) => regex.test(region)),
    )
    for (const region of regions) {
      if (!partitionByRegion.has(region)) partitionByRegion.set(region, id)
    }
  }
  return { ids: partitions.map(({ id }) => id), partitionByRegion, patterns, regionsById }
}

/** The indexed table, imported on first use and memoized; a failed import is retried next call. */
function loadIndex(): Promise<PartitionIndex> {
  loading ??= import('./partitionsData.js').then(
    ({ partitionsData }) => buildIndex(partitionsData),
    (error: unknown) => {
      loading = undefined // e.g. a chunk that failed to download: let the next call try again
      throw error
    },
  )
  return loading
}

/**
 * The ids of the AWS partitions known to the SDK, in the SDK's order.
 *
 * @returns a new array on every call, e.g. `['aws', 'aws-cn', 'aws-eusc', 'aws-iso', …, 'aws-us-gov']`
 *
 * @example
 * ```ts
 * const partitions = await getAvailablePartitions()
 * partitions.includes('aws-cn') // true
 * ```
 */
export async function getAvailablePartitions(): Promise<string[]> {
  const { ids } = await loadIndex()
  return [...ids]
}

/**
 * The partition a region belongs to, resolved as the SDK's `partition()` resolves it: first an
 * exact match against every partition's known regions, then each partition's region pattern, in
 * the SDK's order. So a region newer than the installed SDK still resolves when it follows its
 * partition's naming pattern (`us-west-9` → `aws`, `cn-north-7` → `aws-cn`).
 *
 * Stricter than the SDK: where nothing matches, the SDK falls back to `aws`; this rejects with a
 * {@link CacheError} (`UNKNOWN_REGION`), since a made-up or mistyped region is more likely a bug
 * than a region of the commercial partition.
 *
 * @param region - a region name such as `us-east-1`
 * @throws {@link CacheError} `UNKNOWN_REGION` (param `region`) for a region matching no partition;
 * `INVALID_ARGUMENT` for a non-string or empty region
 *
 * @example
 * ```ts
 * await getPartitionForRegion('eu-west-1', lazyDeps) // 'aws'
 * await getPartitionForRegion('cn-northwest-1', lazyDeps) // 'aws-cn'
 * await getPartitionForRegion('us-gov-west-1', lazyDeps) // 'aws-us-gov'
 * await getPartitionForRegion('mars-1', lazyDeps) // rejects: CacheError, code 'UNKNOWN_REGION'
 * ```
 */
export async function getPartitionForRegion(
  region: string,
  { CacheError, invalidArgument }: PartitionDeps,
): Promise<string> {
  if (typeof region !== 'string' || region === '') {
    throw invalidArgument(CacheError, 'region', 'a region name such as us-east-1', region)
  }
  const { ids, partitionByRegion, patterns } = await loadIndex()
  const known = partitionByRegion.get(region)
  if (known !== undefined) return known
  for (const { id, regex } of patterns) {
    if (regex.test(region)) return id
  }
  throw invalidArgument(
    CacheError,
    'region',
    `a region known to the SDK or matching the region pattern of a partition (${ids.join(', ')})`,
    region,
    'UNKNOWN_REGION',
  )
}

/**
 * The regions of a partition known to the installed SDK's partition data, in the SDK's order.
 *
 * Only real regions are listed: the SDK's table also holds pseudo-regions for global endpoints
 * (`aws-global`, `aws-cn-global`, …), which are not regions a client should be configured with;
 * a name is listed only if it matches its partition's region pattern. A region launched after the
 * installed SDK is not listed (though {@link getPartitionForRegion} still resolves it).
 *
 * @param partition - a partition id from {@link getAvailablePartitions}; default `'aws'`
 * @returns a new array on every call
 * @throws {@link CacheError} `UNKNOWN_PARTITION` (param `partition`, listing the valid ids) for an
 * unknown partition; `INVALID_ARGUMENT` for a non-string
 *
 * @example
 * ```ts
 * const regions = await getAvailableRegions(undefined, lazyDeps) // ['af-south-1', 'ap-east-1', …, 'us-west-2']
 * await getAvailableRegions('aws-cn', lazyDeps) // ['cn-north-1', 'cn-northwest-1']
 * ```
 */
export async function getAvailableRegions(
  partition: string | undefined,
  { CacheError, invalidArgument }: PartitionDeps,
): Promise<string[]> {
  if (partition === undefined) partition = 'aws'
  if (typeof partition !== 'string') {
    throw invalidArgument(CacheError, 'partition', 'a partition id such as aws', partition)
  }
  const { ids, regionsById } = await loadIndex()
  const regions = regionsById.get(partition)
  if (regions === undefined) {
    throw invalidArgument(
      CacheError,
      'partition',
      `one of ${ids.join(', ')}`,
      partition,
      'UNKNOWN_PARTITION',
    )
  }
  return [...regions]
}
