/**
 * The cache lab's state and what its buttons do: the form's settings, the last call's result,
 * "Your calls", the fill's progress and the error to show.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { useState } from 'react'
import { config, describeError, PUBLIC_PREFIX, session } from '../../aws.js'
import { callClient } from './callClient.js'
import type { CallRecord } from './CallLog.js'
import { FILL_TARGET, fillCache } from './fillCache.js'
import {
  ATTEMPTS,
  initialSettings,
  REGIONS,
  type ClassName,
  type LabSettings,
} from './labSettings.js'

/** Calls the "Your calls" list keeps. */
const CALL_LIMIT = 5

let callSequence = 0

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T
}

/** What {@link useCacheLab} returns. An action that fails shows its error in `error`. */
export interface CacheLabState {
  settings: LabSettings
  /** Changes some of the settings. */
  change: (patch: Partial<LabSettings>) => void
  error: string | null
  dismissError: () => void
  /** What the last call or fill did (the status line). */
  last: string | null
  /** The latest calls, newest first. */
  calls: CallRecord[]
  /** The cache's size while "Fill" runs; `null` otherwise. */
  filling: number | null
  /** "Call client": the call the form describes. */
  call: () => void
  /** "5 random calls". */
  callRandomly: () => void
  /** Grows the selected cache to 1,500 clients (S3Client, one `customUserAgent` each). */
  fill: () => void
  /** Clears the selected cache. */
  clear: () => void
}

/** The cache lab's state, and its actions on the app's session. */
export function useCacheLab(): CacheLabState {
  const [settings, setSettings] = useState(initialSettings)
  const [error, setError] = useState<string | null>(null)
  const [last, setLast] = useState<string | null>(null)
  const [calls, setCalls] = useState<CallRecord[]>([])
  const [filling, setFilling] = useState<number | null>(null)
  const { className, region, maxAttempts, policy, maxSize, sendRequest, withLogger } = settings

  const change = (patch: Partial<LabSettings>) =>
    setSettings((previous) => ({ ...previous, ...patch }))

  const callOnce = async (name: ClassName, r: string, attempts: number) => {
    const { client, miss } = callClient(name, r, attempts, { policy, maxSize, withLogger })
    setLast(`${name} in ${r}: ${miss ? 'miss, built a new client' : 'hit, the cached client'}`)
    const record: CallRecord = {
      seq: ++callSequence,
      className: name,
      region: r,
      logger: withLogger,
      miss: miss?.type === 'miss' ? { cause: miss.cause } : null,
    }
    setCalls((previous) => [record, ...previous].slice(0, CALL_LIMIT))
    if (sendRequest && client instanceof S3Client) {
      await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: PUBLIC_PREFIX }))
    }
  }

  const fill = async () => {
    const size = Math.max(Number(maxSize) || 0, FILL_TARGET)
    change({ maxSize: String(size) })
    try {
      const filled = await fillCache(policy, size, setFilling)
      setLast(`Filled ${policy} with ${filled.toLocaleString('en-US')} clients.`)
    } finally {
      setFilling(null)
    }
  }

  const guarded = (action: () => Promise<void> | void) => async () => {
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(describeError(err))
    }
  }

  return {
    settings,
    change,
    error,
    dismissError: () => setError(null),
    last,
    calls,
    filling,
    call: () => void guarded(() => callOnce(className, region, maxAttempts))(),
    callRandomly: () =>
      void guarded(async () => {
        for (let i = 0; i < 5; i++) {
          await callOnce(
            pick(['S3Client', 'S3Client', 'CognitoIdentityClient']),
            pick(REGIONS),
            pick(ATTEMPTS),
          )
        }
      })(),
    fill: () => void guarded(fill)(),
    clear: () => {
      setError(null)
      session.cache.client[policy].clear()
      setLast(null)
    },
  }
}
