import type { ErrorFamily } from '../errors.js'
import { learnServiceId } from '../keys/clientClassName.js'
import type { AwsClientLike, ClientConstructor } from '../types.js'
import type { SharedCredentials } from './SharedCredentials.js'

/** `true` when a client of this effective config signs with the session's credentials slot. */
export function usesSharedCredentials(
  effective: Record<string, unknown>,
  credentials: SharedCredentials,
): boolean {
  return effective.credentials === undefined || effective.credentials === credentials.provider
}

/**
 * Builds a client of `effective` config, with the session's shared provider unless the config
 * brings its own `credentials`, and records its service id in `services`.
 * @throws `family.Base` (`NOT_A_CLIENT`) when the class builds no object with `send()` and
 *   `destroy()`
 * @internal
 */
export function buildClient(
  ClientClass: ClientConstructor<unknown>,
  effective: Record<string, unknown>,
  family: ErrorFamily,
  credentials: SharedCredentials,
  services: Set<string>,
): AwsClientLike {
  const config: Record<string, unknown> = { ...effective }
  if (usesSharedCredentials(effective, credentials)) config.credentials = credentials.provider
  const client = new ClientClass(config) as AwsClientLike
  if (
    client === null ||
    typeof client !== 'object' ||
    typeof client.send !== 'function' ||
    typeof client.destroy !== 'function'
  ) {
    throw new family.Base(
      `${ClientClass.name || 'ClientClass'} did not build a client (an object with send() and destroy())`,
      { code: 'NOT_A_CLIENT', param: 'ClientClass' },
    )
  }
  learnServiceId(ClientClass, client)
  const serviceId = (client.config as { serviceId?: unknown } | undefined)?.serviceId
  services.add(typeof serviceId === 'string' && serviceId ? serviceId : ClientClass.name)
  return client
}
