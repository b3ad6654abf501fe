/**
 * One call of the cache lab: `session.client()` with a class, region and `maxAttempts`, and the
 * cache options of the form; the call's own events tell whether it missed.
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity'
import { S3Client } from '@aws-sdk/client-s3'
import type { CacheEvent } from 'aws-client-cache'
import { session } from '../../aws.js'
import { CLASSES, type ClassName, type LabSettings } from './labSettings.js'

/** A logger made on the call: the mistake the toggle demonstrates (a new key every time). */
const newLogger = () => ({
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
})

/** What a call returned, and its client-cache `miss` event (`undefined` on a hit). */
export interface CallResult {
  client: S3Client | CognitoIdentityClient
  miss: CacheEvent | undefined
}

/**
 * Calls `session.client()` for `name` in `region` with `attempts` (passed only when not the
 * default, 3), a new logger when `withLogger`, and `policy` / `maxSize` as cache options.
 */
export function callClient(
  name: ClassName,
  region: string,
  attempts: number,
  { policy, maxSize, withLogger }: Pick<LabSettings, 'policy' | 'maxSize' | 'withLogger'>,
): CallResult {
  const ClientClass = CLASSES[name]
  const clientConfig = {
    region,
    ...(attempts === 3 ? {} : { maxAttempts: attempts }),
    ...(withLogger ? { logger: newLogger() } : {}),
  }
  const options = { evictionPolicy: policy, maxSize: Number(maxSize) }
  // The call's own events (emitted synchronously by session.client()) tell why it missed.
  const seen: CacheEvent[] = []
  const stop = session.subscribe((event) => seen.push(event))
  let client: S3Client | CognitoIdentityClient
  try {
    client =
      ClientClass === S3Client
        ? session.client(S3Client, clientConfig, options)
        : session.client(CognitoIdentityClient, clientConfig, options)
  } finally {
    stop()
  }
  const miss = seen.find((event) => event.type === 'miss' && event.cacheType === 'client')
  return { client, miss }
}
