/**
 * Type tests: checked by `tsc --noEmit` (npm test's typecheck step). A wrong inference fails the
 * build, not a runtime assertion.
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { S3Client } from '@aws-sdk/client-s3'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { expectTypeOf } from 'vitest'
import type { LFUClientCache, LRUClientCache } from './index.js'
import {
  Session,
  client,
  createClientCache,
  defineResource,
  resource,
  type CacheEvent,
  type EvictionPolicy,
  type SessionSnapshot,
} from './index.js'

const session = new Session({ region: 'us-east-1' })

expectTypeOf(session.client(S3Client)).toEqualTypeOf<S3Client>()
expectTypeOf(
  client(CognitoIdentityClient, { region: 'eu-west-1' }),
).toEqualTypeOf<CognitoIdentityClient>()
expectTypeOf(session.clientAsync(S3Client)).toEqualTypeOf<Promise<S3Client>>()
expectTypeOf(session.clientAsync(async () => ({ default: S3Client }))).toEqualTypeOf<
  Promise<S3Client>
>()

// @ts-expect-error -- not a policy
session.client(S3Client, undefined, { evictionPolicy: 'lru' })
// @ts-expect-error -- a known config field with the wrong type
session.client(S3Client, { region: 1 })

expectTypeOf(createClientCache('LFU')).toEqualTypeOf<LFUClientCache>()
expectTypeOf(createClientCache()).toEqualTypeOf<LRUClientCache>()

const documentClient = defineResource({
  name: 'DynamoDBDocumentClient',
  client: DynamoDBClient,
  create: (dynamo: DynamoDBClient) => DynamoDBDocumentClient.from(dynamo),
})
expectTypeOf(resource(documentClient)).toEqualTypeOf<DynamoDBDocumentClient>()
expectTypeOf(session.resourceAsync(documentClient)).toEqualTypeOf<Promise<DynamoDBDocumentClient>>()

declare const event: CacheEvent
if (event.type === 'evict')
  expectTypeOf(event.reason).toEqualTypeOf<'capacity' | 'resize' | 'delete' | 'clear' | 'dispose'>()
if (event.type === 'response') expectTypeOf(event.ok).toEqualTypeOf<boolean>()
expectTypeOf(session.snapshot()).toEqualTypeOf<SessionSnapshot>()
expectTypeOf<EvictionPolicy>().toEqualTypeOf<'LRU' | 'LFU'>()
