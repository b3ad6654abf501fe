/**
 * Type tests (checked by `tsc --noEmit`): `resource()` and `resourceAsync()` check `config` as the
 * config of the definition's client class, as `client()` does.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, type TranslateConfig } from '@aws-sdk/lib-dynamodb'
import { expectTypeOf } from 'vitest'
import { Session, defineResource, resource, type ResourceDefinition } from '../index.js'

const session = new Session({ region: 'us-east-1' })

const documentClient = defineResource({
  name: 'DynamoDBDocumentClient',
  client: DynamoDBClient,
  create: (client, options?: TranslateConfig) => DynamoDBDocumentClient.from(client, options),
})
expectTypeOf(documentClient).toEqualTypeOf<
  ResourceDefinition<
    DynamoDBClient,
    DynamoDBDocumentClient,
    TranslateConfig | undefined,
    typeof DynamoDBClient
  >
>()
// Any definition is still a plain `ResourceDefinition` (what caches and keys accept).
expectTypeOf(documentClient).toExtend<ResourceDefinition>()

const asyncDefinition = defineResource({
  name: 'Tables',
  client: DynamoDBClient,
  create: async (client) => ({ client, tables: [] as string[] }),
})

// A valid config passes, and the resource is inferred.
expectTypeOf(
  session.resource(documentClient, { region: 'eu-west-1' }),
).toEqualTypeOf<DynamoDBDocumentClient>()
expectTypeOf(
  session.resource(
    documentClient,
    { region: 'eu-west-1', endpoint: 'http://localhost:8000' },
    { resourceOptions: { marshallOptions: { removeUndefinedValues: true } } },
  ),
).toEqualTypeOf<DynamoDBDocumentClient>()
expectTypeOf(session.resourceAsync(documentClient, { region: 'eu-west-1' })).toEqualTypeOf<
  Promise<DynamoDBDocumentClient>
>()
expectTypeOf(session.resourceAsync(asyncDefinition, { maxAttempts: 3 })).toEqualTypeOf<
  Promise<{ client: DynamoDBClient; tables: string[] }>
>()
// Loaders: the definition, or `{ default: definition }`.
expectTypeOf(
  session.resourceAsync(async () => documentClient, { region: 'eu-west-1' }),
).toEqualTypeOf<Promise<DynamoDBDocumentClient>>()
expectTypeOf(
  session.resourceAsync(async () => ({ default: documentClient }), { region: 'eu-west-1' }),
).toEqualTypeOf<Promise<DynamoDBDocumentClient>>()

// @ts-expect-error -- a known config field with the wrong type
session.resource(documentClient, { region: 42 })
// @ts-expect-error -- misspelled config key
session.resource(documentClient, { regoin: 'eu-west-1' })
// @ts-expect-error -- a known config field with the wrong type
void session.resourceAsync(documentClient, { region: 42 })
// @ts-expect-error -- a known config field with the wrong type, definition loader
void session.resourceAsync(async () => documentClient, { region: 42 })
// @ts-expect-error -- a known config field with the wrong type, { default } loader
void session.resourceAsync(async () => ({ default: documentClient }), { region: 42 })
// @ts-expect-error -- resourceOptions of the wrong type
session.resource(documentClient, undefined, { resourceOptions: { marshallOptions: 1 } })

// The default session's top-level resource() checks the same way.
expectTypeOf(
  resource(documentClient, { region: 'eu-west-1' }),
).toEqualTypeOf<DynamoDBDocumentClient>()
// @ts-expect-error -- a known config field with the wrong type, default session
resource(documentClient, { region: 42 })
