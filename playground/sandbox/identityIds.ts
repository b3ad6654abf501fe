/**
 * Identity ids of the sandbox's identity pool, stateless and stable across restarts.
 *
 * They look like AWS's (`<region>:<uuid v4>`); the last 6 bytes of the UUID are a MAC of the
 * first 10 under a key derived from the pool id, one key per kind of identity. So an id the SDK
 * cached (the browser SDK keeps it in IndexedDB) stays valid across sandbox restarts, an id this
 * pool never issued is answered with ResourceNotFoundException, as AWS would, and the kind of an
 * identity (guest or a user's) can be told from the id alone.
 *
 * A user's identity id is derived from the login provider and the token's `sub`: the same user
 * gets the same identity id on every call and after a restart, as with Cognito.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export type IdentityKind = 'unauthenticated' | 'authenticated'

const UUID_V4 = /^([\w-]+):([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/

export class IdentityIds {
  readonly #keys: Record<IdentityKind, Buffer>
  readonly #region: string

  constructor(identityPoolId: string) {
    const poolKey = createHmac('sha256', 'aws-client-cache-sandbox').update(identityPoolId).digest()
    this.#keys = {
      unauthenticated: poolKey,
      authenticated: createHmac('sha256', poolKey).update('authenticated').digest(),
    }
    this.#region = identityPoolId.slice(0, identityPoolId.indexOf(':'))
  }

  /** A new guest (unauthenticated) identity. */
  create(): string {
    return this.#format(randomBytes(16), 'unauthenticated')
  }

  /** The identity of `subject` (a token's `sub`) at `providerName`: always the same id. */
  forLogin(providerName: string, subject: string): string {
    const head = createHmac('sha256', this.#keys.authenticated)
      .update(`${providerName}\n${subject}`)
      .digest()
      .subarray(0, 16)
    return this.#format(head, 'authenticated')
  }

  /** The kind of identity an id names, or undefined if this pool never issued it. */
  kind(identityId: string): IdentityKind | undefined {
    const match = UUID_V4.exec(identityId)
    if (!match || match[1] !== this.#region || match[2] === undefined) return undefined
    const bytes = Buffer.from(match[2].replace(/-/g, ''), 'hex')
    for (const kind of ['unauthenticated', 'authenticated'] as const) {
      if (timingSafeEqual(this.#mac(bytes.subarray(0, 10), kind), bytes.subarray(10))) return kind
    }
    return undefined
  }

  #mac(head: Buffer, kind: IdentityKind): Buffer {
    return createHmac('sha256', this.#keys[kind]).update(head).digest().subarray(0, 6)
  }

  #format(bytes: Buffer, kind: IdentityKind): string {
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
    this.#mac(bytes.subarray(0, 10), kind).copy(bytes, 10)
    const hex = bytes.toString('hex')
    const uuid = [
      hex.slice(0, 8),
      hex.slice(8, 12),
      hex.slice(12, 16),
      hex.slice(16, 20),
      hex.slice(20),
    ]
    return `${this.#region}:${uuid.join('-')}`
  }
}
