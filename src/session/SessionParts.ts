import type { ErrorFamily } from '../errors.js'
import type { AwsClientLike, ClientConstructor, EvictionPolicy } from '../types.js'
import type { BaseConfig } from './BaseConfig.js'
import type { CommitArgs } from './commitEntry.js'
import type { SessionCache } from './SessionCache.js'

/**
 * What a session lends the code that opts into more of it (the resource path, which travels with
 * `defineResource()`): the session's defaults, its resource caches and its one miss path, as
 * closures over the session, never the session's private state itself. Made on first use.
 * @internal
 */
export interface SessionParts {
  readonly defaultPolicy: EvictionPolicy
  readonly base: BaseConfig
  readonly caches: SessionCache['resource']
  /** Counts a hit in the session's stats. */
  hit(): void
  /** Counts a miss in the session's stats. @throws `family.Base` when the session is disposed */
  miss(family: ErrorFamily): void
  /** @throws `family.Base` when the session is disposed */
  assertOpen(family: ErrorFamily): void
  /** The identity of the effective config (session defaults overlaid by `config`). */
  encode(prefix: string, config: unknown, family: ErrorFamily): string
  /** Builds a client of this effective config with the session's shared credentials. */
  construct(
    ClientClass: ClientConstructor<unknown>,
    effective: Record<string, unknown>,
    family: ErrorFamily,
  ): AwsClientLike
  /** The session's one miss path: track, diagnose, emit `miss`, cache. */
  commit(...args: CommitArgs): unknown
  /** Records the name of a resource definition the session has built. */
  named(name: string): void
}
