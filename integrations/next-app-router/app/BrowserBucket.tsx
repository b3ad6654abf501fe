'use client'
/**
 * Lists the bucket from the browser: useClient(S3Client, …) from the SessionProvider's session,
 * with Cognito credentials fetched by the browser from the sandbox.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import { useClient } from 'aws-client-cache/react'
import { useEffect, useState } from 'react'
import type { SandboxConfig } from './sandbox'

export function BrowserBucket({ sandbox }: { sandbox: SandboxConfig }) {
  // One provider per mount: the client's key includes it (by identity), so it must be stable.
  const [credentials] = useState(() =>
    fromCognitoIdentityPool({
      identityPoolId: sandbox.identityPoolId,
      clientConfig: { region: sandbox.region, endpoint: sandbox.cognitoEndpoint },
    }),
  )
  const s3 = useClient(S3Client, {
    credentials,
    endpoint: sandbox.s3Endpoint,
    forcePathStyle: true,
  })
  const [keys, setKeys] = useState<string[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const listing = new ListObjectsV2Command({
      Bucket: sandbox.bucket,
      Prefix: sandbox.prefix || undefined,
    })
    s3.send(listing).then(
      ({ Contents = [] }) => setKeys(Contents.flatMap((object) => object.Key ?? [])),
      (reason: unknown) => setError(String(reason)),
    )
  }, [s3, sandbox.bucket, sandbox.prefix])
  return (
    <section>
      <h2>Browser: useClient(S3Client)</h2>
      {error !== null && <p role="alert">Error: {error}</p>}
      {keys === null ? (
        <p>Listing…</p>
      ) : (
        <ul id="browser-listing">
          {keys.map((key) => (
            <li key={key}>{key}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
