/**
 * The cache lab's "Fill": S3Clients, one `customUserAgent` each, built into one client cache
 * until it holds {@link FILL_TARGET}, a batch per task so the page keeps painting.
 */
import { S3Client } from '@aws-sdk/client-s3'
import type { EvictionPolicy } from 'aws-client-cache'
import { config, session } from '../../aws.js'

/** How many clients "Fill" puts in the selected cache. */
export const FILL_TARGET = 1500
/** Clients built per task while filling, so the page keeps painting. */
const FILL_BATCH = 50

/** Numbers the filled clients' `customUserAgent`, so every fill builds new keys. */
let fillSequence = 0

/**
 * Grows the `policy` client cache (with `maxSize` as its cache option) to {@link FILL_TARGET}
 * clients; `onProgress` gets the cache's size after each batch. Resolves to the size reached.
 */
export async function fillCache(
  policy: EvictionPolicy,
  maxSize: number,
  onProgress: (size: number) => void,
): Promise<number> {
  const options = { evictionPolicy: policy, maxSize }
  const sizeNow = () => session.cache.client[policy].size
  let built = 0
  // Bounded, in case something else evicts from this cache meanwhile.
  while (sizeNow() < FILL_TARGET && built < 2 * FILL_TARGET) {
    const batch = Math.min(FILL_BATCH, FILL_TARGET - sizeNow())
    for (let i = 0; i < batch; i++, built++) {
      session.client(
        S3Client,
        { region: config.region, customUserAgent: `cache-lab-${++fillSequence}` },
        options,
      )
    }
    onProgress(sizeNow())
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return sizeNow()
}
