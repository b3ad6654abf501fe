import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import { Session } from 'aws-client-cache'
import { ClientCacheDevtools } from 'aws-client-cache/devtools'
import { SessionProvider, useClient, useSessionSnapshot } from 'aws-client-cache/react'
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'

const sandbox = JSON.parse(import.meta.env.VITE_SANDBOX)

// One session for the page: shared Cognito credentials, the sandbox's S3 endpoint.
const session = new Session({
  region: sandbox.region,
  credentials: fromCognitoIdentityPool({
    identityPoolId: sandbox.identityPoolId,
    clientConfig: { region: sandbox.region, endpoint: sandbox.cognitoEndpoint },
  }),
  clientConfig: { endpoint: sandbox.s3Endpoint, forcePathStyle: true },
})

function Bucket() {
  const s3 = useClient(S3Client)
  const { stats } = useSessionSnapshot()
  const [keys, setKeys] = useState(null)
  const [error, setError] = useState(null)
  useEffect(() => {
    const listing = new ListObjectsV2Command({
      Bucket: sandbox.bucket,
      Prefix: sandbox.prefix || undefined,
    })
    s3.send(listing).then(
      ({ Contents = [] }) => setKeys(Contents.map((object) => object.Key)),
      (reason) => setError(String(reason)),
    )
  }, [s3])
  return (
    <section>
      <h2>Bucket {sandbox.bucket}</h2>
      {error && <p role="alert">Error: {error}</p>}
      {keys === null ? (
        <p>Listing…</p>
      ) : (
        <ul aria-label="objects">
          {keys.map((key) => (
            <li key={key}>{key}</li>
          ))}
        </ul>
      )}
      <p>Clients built: {stats.creates}</p>
    </section>
  )
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <SessionProvider session={session}>
      <h1>Vite + React + aws-client-cache</h1>
      <Bucket />
      <ClientCacheDevtools initialIsOpen />
    </SessionProvider>
  </StrictMode>,
)
