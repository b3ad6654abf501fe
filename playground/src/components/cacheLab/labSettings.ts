/** What the cache lab's form holds: the call it describes, the choices it offers, how it starts. */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity'
import { S3Client } from '@aws-sdk/client-s3'
import type { EvictionPolicy } from 'aws-client-cache'
import { config } from '../../aws.js'

/** The classes the lab calls, by name. */
export const CLASSES = { S3Client, CognitoIdentityClient } as const
export type ClassName = keyof typeof CLASSES

export const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-northeast-1',
  'ap-southeast-2',
  'sa-east-1',
]
export const ATTEMPTS = [3, 1, 5]
export const POLICIES: EvictionPolicy[] = ['LRU', 'LFU']
/** The lab's maxSize field accepts up to this. */
export const MAX_SIZE_LIMIT = 5000

/** The form's values: which client to call with what config, and the cache options to pass. */
export interface LabSettings {
  className: ClassName
  region: string
  maxAttempts: number
  policy: EvictionPolicy
  /** As typed in its field: may be empty. */
  maxSize: string
  /** Also send `ListObjectsV2` after the call (S3Client only). */
  sendRequest: boolean
  /** Pass a new logger on every call. */
  withLogger: boolean
}

/** The form as the page opens it. */
export const initialSettings = (): LabSettings => ({
  className: 'S3Client',
  region: config.region,
  maxAttempts: 3,
  policy: 'LRU',
  maxSize: '3',
  sendRequest: false,
  withLogger: false,
})
