/**
 * Type tests (checked by `tsc --noEmit`): `useResource()` checks `config` as the config of the
 * definition's client class, like `session.resource()`. Never run: the calls are only typed.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { expectTypeOf } from 'vitest'
import { defineResource } from '../index.js'
import { useResource } from './index.js'

const documentClient = defineResource({
  name: 'DynamoDBDocumentClient',
  client: DynamoDBClient,
  create: (client) => DynamoDBDocumentClient.from(client),
})

export function Valid(): void {
  expectTypeOf(
    useResource(documentClient, { region: 'eu-west-1' }),
  ).toEqualTypeOf<DynamoDBDocumentClient>()
  expectTypeOf(useResource(documentClient)).toEqualTypeOf<DynamoDBDocumentClient>()
}

export function Invalid(): void {
  // @ts-expect-error -- a known config field with the wrong type
  useResource(documentClient, { region: 42 })
  // @ts-expect-error -- misspelled config key
  useResource(documentClient, { regoin: 'eu-west-1' })
}
