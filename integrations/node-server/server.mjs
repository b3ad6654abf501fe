/**
 * A plain `node:http` server that answers every request through ONE default session: each
 * request asks `client(S3Client, { …a fresh config object… })` and lists the sandbox bucket.
 * Equal configs must give the same client, and the session's shared Cognito credentials must be
 * fetched once, however many requests arrive at once.
 *
 *   GET /objects  → 200 { keys: [...] }     (500 { error } when the S3 call fails)
 *   GET /session  → 200 { stats, clients, events }: the session's snapshot and event counts
 *
 * Configuration: SANDBOX, the JSON line `npm run sandbox -- --json` prints
 * ({ region, identityPoolId, bucket, s3Endpoint, cognitoEndpoint }) plus `prefix`, where guests
 * may list the bucket (`public/`); PORT (default 0: a free port). Prints `listening on http://127.0.0.1:PORT` once ready.
 */
import { createServer } from 'node:http'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import { client, getDefaultSession, setupDefaultSession } from 'aws-client-cache'

const sandbox = JSON.parse(process.env.SANDBOX ?? 'null')
if (!sandbox)
  throw new Error('SANDBOX is not set: pass the JSON line of `npm run sandbox -- --json`')

setupDefaultSession({
  region: sandbox.region,
  credentials: fromCognitoIdentityPool({
    identityPoolId: sandbox.identityPoolId,
    clientConfig: { region: sandbox.region, endpoint: sandbox.cognitoEndpoint },
  }),
})

/** Every event of the default session, counted by type (`response` split by outcome). */
const events = {}
getDefaultSession().subscribe((event) => {
  const name = event.type === 'response' ? `response:${event.ok ? 'ok' : 'failed'}` : event.type
  events[name] = (events[name] ?? 0) + 1
})

function send(res, status, body) {
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  })
  res.end(json)
}

const server = createServer(async (req, res) => {
  try {
    if (req.url === '/objects') {
      // A new config object per request, as a handler would write it: the cache keys by value.
      const s3 = client(S3Client, { endpoint: sandbox.s3Endpoint, forcePathStyle: true })
      const { Contents = [] } = await s3.send(
        new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: sandbox.prefix || undefined }),
      )
      send(res, 200, { keys: Contents.map((object) => object.Key) })
    } else if (req.url === '/session') {
      const snapshot = getDefaultSession().snapshot()
      const clients = Object.values(snapshot.caches.client).flatMap((cache) => cache.entries)
      send(res, 200, { stats: snapshot.stats, clients, events })
    } else {
      send(res, 404, { error: `no route ${req.url}` })
    }
  } catch (error) {
    send(res, 500, { error: `${error?.name}: ${error?.message}` })
  }
})

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`)
})

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close()
    server.closeAllConnections()
    void getDefaultSession()
      .dispose()
      .finally(() => process.exit(0))
  })
}
