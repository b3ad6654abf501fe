/**
 * The server side's AWS: the core of aws-client-cache used directly (no React), by the page (a
 * server component) and the route handler. One session per server process, created on first use.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import { Session } from 'aws-client-cache'
import { sandboxConfig } from './sandbox'

let session: Session | undefined

export function serverSession(): Session {
  if (session) return session
  const sandbox = sandboxConfig()
  session = new Session({
    region: sandbox.region,
    credentials: fromCognitoIdentityPool({
      identityPoolId: sandbox.identityPoolId,
      clientConfig: { region: sandbox.region, endpoint: sandbox.cognitoEndpoint },
    }),
    clientConfig: { endpoint: sandbox.s3Endpoint, forcePathStyle: true },
  })
  return session
}

/** The keys of the sandbox bucket, listed through the session's cached S3 client. */
export async function listKeys(): Promise<string[]> {
  const s3 = serverSession().client(S3Client)
  const { bucket, prefix } = sandboxConfig()
  const { Contents = [] } = await s3.send(
    new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined }),
  )
  return Contents.flatMap((object) => (object.Key === undefined ? [] : [object.Key]))
}
