/**
 * Temporary credentials issued by the sandbox's Cognito endpoint.
 *
 * Each key pair is registered with s3rver's account registry (so S3 knows the key and the sandbox
 * can verify SigV4 against its secret) and revoked when it expires, by an unref'd timer. Revoked
 * keys are remembered (bounded) so S3 can answer `ExpiredToken` like AWS does, rather than
 * `InvalidAccessKeyId`; the sandbox's own check (s3Auth.ts) answers that before s3rver sees the
 * request. A revoked key leaves s3rver's registry only with its tombstone (or at close): a request
 * the sandbox admitted just before the revocation must not then be refused by s3rver's own lookup,
 * which would answer `403 InvalidAccessKeyId` for a key that was valid when the request arrived. Each key belongs to the identity it was issued for (guest or signed
 * in), which is what S3 authorizes by; `revokeAll()` ends every live key early.
 */
import { randomBytes } from 'node:crypto'
import type { AWSAccount } from './s3rver.js'

/** Whom a key pair was issued to. */
export interface IssuedIdentity {
  identityId: string
  /** True for a signed-in user's identity (authenticated role), false for a guest. */
  authenticated: boolean
}

export interface IssuedCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  expiration: Date
}

export type CredentialStatus =
  | { state: 'unknown' }
  | { state: 'active'; sessionToken: string; identity: IssuedIdentity }
  | { state: 'expired'; identity: IssuedIdentity }

interface ActiveEntry {
  identity: IssuedIdentity
  sessionToken: string
  expiresAt: number
  timer: NodeJS.Timeout
  waiters: (() => void)[]
}

/** How many revoked keys are remembered for `ExpiredToken` answers. */
const MAX_TOMBSTONES = 10_000

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function randomAccessKeyId(): string {
  // Temporary (STS) access key ids start with ASIA and are 20 characters long.
  const bytes = randomBytes(16)
  let id = 'ASIA'
  for (const byte of bytes) id += BASE32.charAt(byte % 32)
  return id
}

export class CredentialIssuer {
  readonly #account: AWSAccount
  readonly #ttlMs: number
  readonly #active = new Map<string, ActiveEntry>()
  /** Revoked keys → whom they were issued to. */
  readonly #tombstones = new Map<string, IssuedIdentity>()
  #closed = false

  constructor(account: AWSAccount, ttlSeconds: number) {
    this.#account = account
    this.#ttlMs = ttlSeconds * 1000
  }

  issue(identity: IssuedIdentity): IssuedCredentials {
    if (this.#closed) throw new Error('The sandbox is closed')
    const accessKeyId = randomAccessKeyId()
    const secretAccessKey = randomBytes(30).toString('base64')
    const sessionToken = `SANDBOX/${randomBytes(96).toString('base64')}`
    const expiresAt = Date.now() + this.#ttlMs
    this.#account.createKeyPair(accessKeyId, secretAccessKey)
    const entry: ActiveEntry = {
      identity: { ...identity },
      sessionToken,
      expiresAt,
      timer: this.#expireAt(accessKeyId, expiresAt),
      waiters: [],
    }
    this.#active.set(accessKeyId, entry)
    return { accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expiresAt) }
  }

  /**
   * Revokes the key at `expiresAt`. Node timers may fire a millisecond before `Date.now()` reaches
   * their due time, so an early firing re-arms for the rest instead of revoking too soon.
   */
  #expireAt(accessKeyId: string, expiresAt: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(
      () => {
        const entry = this.#active.get(accessKeyId)
        if (entry === undefined) return
        if (Date.now() < expiresAt) entry.timer = this.#expireAt(accessKeyId, expiresAt)
        else this.revoke(accessKeyId)
      },
      Math.max(1, expiresAt - Date.now()),
    )
    timer.unref()
    return timer
  }

  /** Where a key stands now. A key whose time is up is revoked on the spot (timers can be late). */
  status(accessKeyId: string): CredentialStatus {
    const entry = this.#active.get(accessKeyId)
    if (entry) {
      if (Date.now() < entry.expiresAt) {
        return { state: 'active', sessionToken: entry.sessionToken, identity: entry.identity }
      }
      this.revoke(accessKeyId)
      return { state: 'expired', identity: entry.identity }
    }
    const identity = this.#tombstones.get(accessKeyId)
    return identity ? { state: 'expired', identity } : { state: 'unknown' }
  }

  /**
   * Ends the key now: from here on S3 answers `ExpiredToken` to it. Its key pair stays in s3rver's
   * registry until its tombstone goes (see the module comment); idempotent.
   */
  revoke(accessKeyId: string): void {
    const entry = this.#active.get(accessKeyId)
    if (!entry) return
    clearTimeout(entry.timer)
    this.#active.delete(accessKeyId)
    this.#tombstones.set(accessKeyId, entry.identity)
    if (this.#tombstones.size > MAX_TOMBSTONES) {
      const oldest = this.#tombstones.keys().next()
      if (!oldest.done) this.#forget(oldest.value)
    }
    for (const resolve of entry.waiters) resolve()
  }

  /** Drops a revoked key for good: its tombstone and its key pair in s3rver's registry. */
  #forget(accessKeyId: string): void {
    this.#tombstones.delete(accessKeyId)
    this.#account.revokeAccessKey(accessKeyId)
  }

  /**
   * Resolves once `accessKeyId` has been revoked (at once if it already was). Rejects for a key
   * this sandbox never issued.
   */
  whenRevoked(accessKeyId: string): Promise<void> {
    const entry = this.#active.get(accessKeyId)
    if (entry) return new Promise((resolve) => entry.waiters.push(resolve))
    if (this.#tombstones.has(accessKeyId)) return Promise.resolve()
    return Promise.reject(new Error(`The sandbox did not issue access key ${accessKeyId}`))
  }

  /** Revokes every live key now (they then get ExpiredToken); returns how many. */
  revokeAll(): number {
    const live = [...this.#active.keys()]
    for (const accessKeyId of live) this.revoke(accessKeyId)
    return live.length
  }

  /** Revokes everything, removes every key pair from s3rver's registry and issues no more. */
  close(): void {
    this.#closed = true
    this.revokeAll()
    for (const accessKeyId of [...this.#tombstones.keys()]) this.#forget(accessKeyId)
  }
}
