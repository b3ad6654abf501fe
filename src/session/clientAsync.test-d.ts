/**
 * Type tests of `clientAsync()` (checked by `tsc --noEmit`, npm test's typecheck step): the client
 * it resolves to and the config it checks, for a class and for each loader shape.
 */
import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity'
import type * as s3Module from '@aws-sdk/client-s3'
import { S3Client, type S3ServiceException } from '@aws-sdk/client-s3'
import { expectTypeOf } from 'vitest'
import { Session, type ClientClassOf, type LoadedClientClass } from '../index.js'

const session = new Session({ region: 'us-east-1' })

// A module namespace: the one `…Client` export that is a client class.
expectTypeOf(session.clientAsync(() => import('@aws-sdk/client-s3'))).toEqualTypeOf<
  Promise<S3Client>
>()
expectTypeOf(
  session.clientAsync(() => import('@aws-sdk/client-cognito-identity'), { region: 'eu-west-1' }),
).toEqualTypeOf<Promise<CognitoIdentityClient>>()
expectTypeOf<LoadedClientClass<typeof s3Module>>().toEqualTypeOf<typeof S3Client>()
// `__Client` (the SDK's base class) and `…Exception` classes are not candidates.
expectTypeOf<
  LoadedClientClass<{ __Client: typeof S3Client; S3ServiceException: typeof S3ServiceException }>
>().toBeNever()
// None, or several: `never` (clientAsync rejects with a ClientCacheError).
expectTypeOf<LoadedClientClass<{ helper: number }>>().toBeNever()
expectTypeOf<
  LoadedClientClass<{
    S3Client: typeof S3Client
    CognitoIdentityClient: typeof CognitoIdentityClient
  }>
>().toBeNever()
// A `…Client` export that is not a client class is not a candidate.
expectTypeOf<
  LoadedClientClass<{ S3Client: typeof S3Client; HttpClient: new () => { get(): void } }>
>().toEqualTypeOf<typeof S3Client>()

// `{ default: Class }` and the class itself, from a loader or directly.
expectTypeOf(session.clientAsync(async () => ({ default: S3Client }))).toEqualTypeOf<
  Promise<S3Client>
>()
expectTypeOf(session.clientAsync(async () => S3Client)).toEqualTypeOf<Promise<S3Client>>()
expectTypeOf(session.clientAsync(S3Client)).toEqualTypeOf<Promise<S3Client>>()
expectTypeOf(session.clientAsync(S3Client, { region: 'eu-west-1' })).toEqualTypeOf<
  Promise<S3Client>
>()
expectTypeOf<ClientClassOf<typeof S3Client>>().toEqualTypeOf<typeof S3Client>()

// A loader typed `any`: an unknown client, config unchecked.
declare const untyped: () => Promise<any> // eslint-disable-line @typescript-eslint/no-explicit-any -- the case under test
expectTypeOf(session.clientAsync(untyped, { anything: 1 })).toEqualTypeOf<Promise<unknown>>()

// Config is checked as the loaded client's config.
void session.clientAsync(() => import('@aws-sdk/client-s3'), { region: 'us-east-1' })
void session.clientAsync(() => import('@aws-sdk/client-s3'), { forcePathStyle: true })
// @ts-expect-error -- misspelled config key
void session.clientAsync(() => import('@aws-sdk/client-s3'), { regoin: 'us-east-1' })
// @ts-expect-error -- a known key with the wrong type
void session.clientAsync(() => import('@aws-sdk/client-s3'), { region: 42 })
// @ts-expect-error -- an S3 option, not a Cognito Identity one
void session.clientAsync(() => import('@aws-sdk/client-cognito-identity'), { forcePathStyle: 1 })
// @ts-expect-error -- misspelled config key, { default } loader
void session.clientAsync(async () => ({ default: S3Client }), { regoin: 'us-east-1' })
// @ts-expect-error -- misspelled config key, class
void session.clientAsync(S3Client, { regoin: 'us-east-1' })
// @ts-expect-error -- not a class nor a loader
void session.clientAsync({ S3Client })
// @ts-expect-error -- not a policy
void session.clientAsync(S3Client, undefined, { evictionPolicy: 'lru' })
