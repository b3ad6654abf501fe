/**
 * Types of `clientAsync()`: what it accepts (a client class or a loader) and which client class
 * that names, so `session.clientAsync(() => import('@aws-sdk/client-s3'))` is a
 * `Promise<S3Client>` whose `config` is checked as `S3ClientConfig`. They mirror, at the type
 * level, what `resolveClientModule` does at run time.
 *
 * @module
 */
import type { AwsClientLike, ClientConstructor } from '../types.js'

/**
 * A client class as `clientAsync()` recognises one: a constructor whose instances have `send()`
 * and `destroy()` (`S3Client`, not `S3ServiceException`).
 */
export type ClientClassLike = ClientConstructor<Pick<AwsClientLike, 'send' | 'destroy'>>

/**
 * A loader for `clientAsync()`: resolves to a client class, `{ default: ClientClass }` or a
 * client module's namespace (`() => import('@aws-sdk/client-s3')`), whose one export named
 * `…Client` (not `__Client`) that is a client class is taken.
 *
 * @typeParam C - the client class it loads, e.g. `typeof S3Client`
 */
export type ClientLoader<C extends ClientConstructor<unknown> = ClientConstructor<unknown>> =
  () => Promise<C | { default: C } | Record<string, unknown>>

/** What `clientAsync()` accepts: a client class, or a {@link ClientLoader}. */
export type ClientClassOrLoader = ClientConstructor<unknown> | (() => PromiseLike<unknown>)

/**
 * The names of a module namespace's exports that `clientAsync()` considers: named `…Client`,
 * not `__Client` (the SDK's base class, which every client module re-exports), and client
 * classes (see {@link ClientClassLike}). `'S3Client'` for `typeof import('@aws-sdk/client-s3')`.
 */
export type ClientExportName<M> = {
  [K in keyof M]-?: K extends `${string}Client`
    ? K extends '__Client'
      ? never
      : M[K] extends ClientClassLike
        ? K
        : never
    : never
}[keyof M]

/** `K` when it is exactly one type (not a union, not `never`); otherwise `never`. */
type OnlyOne<K, All = K> = K extends unknown
  ? [Exclude<All, K>] extends [never]
    ? K
    : never
  : never

/**
 * The client class of a module namespace: its one {@link ClientExportName} export
 * (`typeof S3Client` for `typeof import('@aws-sdk/client-s3')`). `never` when the namespace has
 * none or several, where `clientAsync()` rejects with a `ClientCacheError`.
 */
export type NamespaceClientClass<M> = M[OnlyOne<ClientExportName<M>> & keyof M]

/**
 * The client class in what a loader resolved to, picked in the order `clientAsync()` looks: the
 * value itself when it is a client class, else its `default` export when that is one, else the
 * {@link NamespaceClientClass} of a module namespace. A loader typed `any` names an unknown client
 * class (config unchecked, client `unknown`).
 */
export type LoadedClientClass<M> = 0 extends 1 & M
  ? ClientConstructor<unknown>
  : M extends ClientClassLike
    ? M
    : M extends { readonly default: infer D extends ClientClassLike }
      ? D
      : NamespaceClientClass<M>

/**
 * The client class `clientAsync()` builds for its first argument: the class itself, or the one a
 * loader resolves to (see {@link LoadedClientClass}).
 *
 * @example
 * ```ts
 * type S3 = ClientClassOf<() => Promise<typeof import('@aws-sdk/client-s3')>> // typeof S3Client
 * ```
 */
export type ClientClassOf<T> =
  T extends ClientConstructor<unknown>
    ? T
    : T extends () => PromiseLike<infer M>
      ? LoadedClientClass<M>
      : never

/** The client a client class builds: `S3Client` for `typeof S3Client`. */
export type ClientOf<C> = C extends ClientConstructor<infer TClient> ? TClient : never
