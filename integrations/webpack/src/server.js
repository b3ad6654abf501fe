// The Node bundle (target: 'node'): a session, which reaches `#platform` → dist/platform/node.js
// and its lazy import of the optional peer @aws-sdk/credential-providers (not installed here).
// Loading the bundle must work; only asking for default credentials reports the missing peer.
import { Session } from 'aws-client-cache'

const session = new Session({ region: 'eu-west-1' })
const result = { region: session.regionName }
try {
  await session.getCredentials()
  result.credentials = 'resolved'
} catch (error) {
  result.credentials = { name: error.name, code: error.code }
}
await session.dispose()
console.log(JSON.stringify(result))
