/**
 * node-server: 200 concurrent HTTP requests, each listing the sandbox bucket through the ONE
 * default session, must build one S3 client and fetch Cognito credentials once.
 */
const REQUESTS = 200

export default {
  description: `node:http + default session: ${REQUESTS} concurrent requests → 1 client, 1 credential fetch`,
  sandbox: true,

  async run({ sandbox, server, check, note }) {
    const app = server('node', ['server.mjs'], {
      env: { SANDBOX: sandbox.json },
      ready: /listening on (http:\/\/\S+)/,
    })
    const [, origin] = await app.ready
    await sandbox.reset()

    const started = performance.now()
    const responses = await Promise.all(
      Array.from({ length: REQUESTS }, async () => {
        try {
          const response = await fetch(`${origin}/objects`, { signal: AbortSignal.timeout(30_000) })
          return { status: response.status, body: await response.json() }
        } catch (error) {
          return { status: 0, body: { error: String(error) } }
        }
      }),
    )
    note(
      `${REQUESTS} concurrent requests answered in ${Math.round(performance.now() - started)} ms`,
    )

    const failed = responses.filter(({ status }) => status !== 200)
    check(
      `all ${REQUESTS} requests answered 200`,
      failed.length === 0,
      `${failed.length} failed, e.g. ${JSON.stringify(failed[0])}`,
    )
    const listings = new Set(responses.map(({ body }) => JSON.stringify(body.keys)))
    check(
      `every response lists the seeded bucket (${sandbox.prefix}hello.txt, …)`,
      listings.size === 1 && responses[0].body.keys.includes(`${sandbox.prefix}hello.txt`),
      `listings: ${[...listings].join(' | ')}`,
    )

    const session = await (await fetch(`${origin}/session`)).json()
    check(
      'the default session built exactly 1 S3 client (stats.creates, create events, cache entries)',
      session.stats.creates === 1 && session.events.create === 1 && session.clients.length === 1,
      `stats ${JSON.stringify(session.stats)}, events ${JSON.stringify(session.events)}, clients ${session.clients.map((c) => c.label).join(', ')}`,
    )
    check(
      `1 miss and ${REQUESTS - 1} hits; ${REQUESTS} requests, all ok, 0 failed`,
      session.stats.misses === 1 &&
        session.stats.hits === REQUESTS - 1 &&
        session.events.request === REQUESTS &&
        session.events['response:ok'] === REQUESTS &&
        !session.events['response:failed'] &&
        session.clients[0]?.errors === 0,
      `stats ${JSON.stringify(session.stats)}, events ${JSON.stringify(session.events)}`,
    )
    check(
      'the session resolved credentials once (1 credentials event)',
      session.events.credentials === 1,
      `events ${JSON.stringify(session.events)}`,
    )
    const stats = await sandbox.stats()
    check(
      `the sandbox saw 1 GetId, 1 GetCredentialsForIdentity and ${REQUESTS} S3 requests`,
      stats.GetId === 1 && stats.GetCredentialsForIdentity === 1 && stats.s3Requests === REQUESTS,
      `sandbox stats ${JSON.stringify(stats)}`,
    )
  },
}
