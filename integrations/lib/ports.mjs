/** Free TCP ports on 127.0.0.1, for servers that must know their port before they start. */
import { createServer } from 'node:net'

/**
 * A port that was free a moment ago: the OS picks it (port 0), we close and hand it on. Another
 * process could take it in between; the servers started on it then fail loudly, never silently.
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}
