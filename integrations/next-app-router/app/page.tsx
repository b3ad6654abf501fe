/**
 * A server component: it lists the bucket on the server through the core (serverAws.ts), then
 * renders the React bindings' SessionProvider from a serializable config around a client
 * component that lists the bucket again from the browser, and the devtools (development only).
 */
import { ClientCacheDevtools } from 'aws-client-cache/devtools'
import { SessionProvider } from 'aws-client-cache/react'
import { connection } from 'next/server'
import { BrowserBucket } from './BrowserBucket'
import { sandboxConfig } from './sandbox'
import { listKeys } from './serverAws'

export default async function Page() {
  await connection() // rendered per request: the sandbox's endpoints are read at run time
  const sandbox = sandboxConfig()
  const keys = await listKeys()
  return (
    <main>
      <h1>Next.js App Router + aws-client-cache</h1>
      <p id="server-listing">
        Server component: {keys.length} objects in {sandbox.bucket}
      </p>
      <SessionProvider config={{ region: sandbox.region }}>
        <BrowserBucket sandbox={sandbox} />
        <ClientCacheDevtools />
      </SessionProvider>
    </main>
  )
}
