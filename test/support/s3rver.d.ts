/**
 * Types for `s3rver` 3.x, which ships none: the parts the tests, the demo and the playground
 * sandbox use. See node_modules/s3rver/lib/s3rver.js and lib/models/account.js.
 */
declare module 's3rver' {
  import type { IncomingMessage, Server, ServerResponse } from 'node:http'
  import type { AddressInfo } from 'node:net'

  namespace S3rver {
    interface BucketConfig {
      name: string
      /** CORSConfiguration or WebsiteConfiguration XML documents. */
      configs?: (string | Buffer)[]
    }

    interface Options {
      /** Default `'localhost'`. */
      address?: string
      /** Default `4568`; `0` picks a free port. */
      port?: number
      key?: string | Buffer
      cert?: string | Buffer
      /** Default `false`. */
      silent?: boolean
      /** Default `'amazonaws.com'`. */
      serviceEndpoint?: string
      /** Where buckets and objects are stored. Default `os.tmpdir()/s3rver`. */
      directory?: string
      /** Delete every bucket when the server closes. Default `false`. */
      resetOnClose?: boolean
      /**
       * Accept requests whose signature does not match. Default `false`. Note that s3rver 3.7 only
       * checks V2 signatures: a SigV4 request passes whenever its access key id is registered.
       */
      allowMismatchedSignatures?: boolean
      /** Default `true`. */
      vhostBuckets?: boolean
      /** Buckets created by `run()` before the server listens. */
      configureBuckets?: BucketConfig[]
    }
  }

  class S3rver {
    constructor(options?: S3rver.Options)
    static defaultOptions: Required<Omit<S3rver.Options, 'key' | 'cert'>>
    /** Set once `run()` has resolved. */
    httpServer: Server | undefined
    /** Creates the configured buckets, then listens; resolves with the bound address. */
    run(): Promise<AddressInfo>
    close(): Promise<void>
    /** Deletes every bucket and object in the store. */
    reset(): void
    /** The Koa request listener, to mount s3rver inside another server. */
    getMiddleware(): (req: IncomingMessage, res: ServerResponse) => void
  }

  export = S3rver
}

declare module 's3rver/lib/models/account.js' {
  /** s3rver's account registry: every access key it accepts for SigV4, with its secret. */
  class AWSAccount {
    constructor(accountId: number, displayName: string)
    readonly id: number
    readonly displayName: string
    readonly accessKeys: Map<string, string>
    createKeyPair(accessKeyId: string, secretAccessKey: string): void
    revokeAccessKey(accessKeyId: string): void
    static registry: Map<string, AWSAccount>
    /** The built-in account whose key pair is `S3RVER` / `S3RVER`. */
    static DUMMY_ACCOUNT: AWSAccount
  }
  export = AWSAccount
}
