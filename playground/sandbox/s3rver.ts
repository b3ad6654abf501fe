/**
 * Typed access to the parts of s3rver (CommonJS, untyped) the sandbox uses.
 *
 * Everything is loaded with `require` from one place so that the account registry we write to is
 * the very module instance s3rver's authentication middleware reads from (Node's CommonJS cache
 * is keyed by resolved file name, so `s3rver/lib/models/account.js` here and `../models/account`
 * inside s3rver are the same object).
 */
import { createRequire } from 'node:module'
import type * as NodeCrypto from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

const require = createRequire(import.meta.url)

/**
 * s3rver makes ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node 17+) no
 * longer has: any truncated listing answered 500. Its `crypto` is Node's shared module object, so
 * the sandbox swaps `'des'` (and only `'des'`) for AES-128-CTR keyed from the same inputs: tokens
 * keep s3rver's layout (8-byte IV, then ciphertext) and decrypt with the same substitution.
 */
function replaceDesForOpenSsl3(): void {
  const crypto = require('node:crypto') as typeof NodeCrypto & { __sandboxDes?: true }
  if (crypto.__sandboxDes) return
  const { createCipheriv, createDecipheriv, createHash } = crypto
  const aes = (key: Buffer, iv: Buffer): [string, Buffer, Buffer] => [
    'aes-128-ctr',
    createHash('sha256').update(key).digest().subarray(0, 16),
    Buffer.concat([iv, Buffer.alloc(8)]),
  ]
  crypto.createCipheriv = ((algorithm: string, key: Buffer, iv: Buffer, options?: unknown) =>
    algorithm === 'des'
      ? createCipheriv(...aes(key, iv))
      : createCipheriv(algorithm, key, iv, options as never)) as typeof crypto.createCipheriv
  crypto.createDecipheriv = ((algorithm: string, key: Buffer, iv: Buffer, options?: unknown) =>
    algorithm === 'des'
      ? createDecipheriv(...aes(key, iv))
      : createDecipheriv(algorithm, key, iv, options as never)) as typeof crypto.createDecipheriv
  crypto.__sandboxDes = true
}
replaceDesForOpenSsl3()

/** The subset of a Koa context the sandbox's middleware touches. */
export interface KoaContext {
  readonly req: IncomingMessage
  readonly res: ServerResponse
  set(field: string, value: string): void
}

export type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>

export interface S3rverBucketConfig {
  name: string
  /** XML documents (CORSConfiguration, WebsiteConfiguration). */
  configs?: string[]
}

export interface S3rverOptions {
  address: string
  port: number
  silent: boolean
  directory: string
  resetOnClose: boolean
  allowMismatchedSignatures: boolean
  vhostBuckets: boolean
  configureBuckets: S3rverBucketConfig[]
}

export interface S3rverStore {
  putObject(object: S3rverObject): Promise<{ size: number; md5: string }>
  getResourcePath(bucket: string, key: string, resource: string): string
}

/** An s3rver (a Koa application). */
export interface S3rverInstance {
  /** Koa's middleware array; composed when `run()` creates the request listener. */
  readonly middleware: KoaMiddleware[]
  readonly store: S3rverStore
  httpServer?: Server
  run(): Promise<AddressInfo>
  close(): Promise<void>
}

export type S3rverObject = object

export interface AWSAccount {
  readonly id: number
  readonly displayName: string
  readonly accessKeys: Map<string, string>
  createKeyPair(accessKeyId: string, secretAccessKey: string): void
  revokeAccessKey(accessKeyId: string): void
}

interface AWSAccountModule {
  /** accessKeyId → account; consulted by s3rver's authentication middleware. */
  readonly registry: Map<string, AWSAccount>
  /** The account s3rver reports as owner; holds the default key pair S3RVER / S3RVER. */
  readonly DUMMY_ACCOUNT: AWSAccount
}

export type S3ErrorConstructor = new (
  code: string,
  message: string,
  detail?: Record<string, string>,
) => Error & { code: string; status: number }

type S3ObjectConstructor = new (
  bucket: string,
  key: string,
  content: Buffer,
  metadata: Record<string, string>,
) => S3rverObject

export const S3rver = require('s3rver') as new (options: S3rverOptions) => S3rverInstance
export const AWSAccounts = require('s3rver/lib/models/account.js') as AWSAccountModule
export const S3Error = require('s3rver/lib/models/error.js') as S3ErrorConstructor
export const S3Object = require('s3rver/lib/models/object.js') as S3ObjectConstructor
