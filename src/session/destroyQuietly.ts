import { reportError } from '../reportError.js'
import type { AwsClientLike } from '../types.js'

/** Destroys a client a session built but did not cache (a failed create), reporting a throw. */
export function destroyQuietly(client: AwsClientLike): void {
  try {
    client.destroy()
  } catch (error) {
    reportError(error, 'client.destroy()')
  }
}
