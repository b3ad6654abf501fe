/**
 * Child process of `registry.node.test.ts`, run with `--expose-gc`: creates `count` sessions, each
 * building one client, keeps no reference to them, forces collections until every one is gone
 * (bounded in rounds), and prints what `listSessions()` and a devtools hook saw as one JSON line.
 */
import { Session, listSessions } from '../../src/index.js'

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with --expose-gc')
const count = Number(process.argv[2] ?? 1000)

class FakeClient {
  readonly middlewareStack = { add: () => {} }
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

// Counted by finalization, not WeakRef.deref(): a deref keeps its target alive for the rest of
// the current job, so polling with it would keep the very sessions it waits for.
let collected = 0
const finalized = new FinalizationRegistry<number>(() => collected++)

// The browser extension's hook, as a page sees it in development with its panel shown: it keeps
// every handle it is given (strongly), subscribes to each and keeps the stop function, and counts
// the releases. Neither the handle nor the stop function leads back to the session, so the
// sessions are still collected, and each collected one is released.
const handles = new Map<unknown, () => void>()
let released = 0
let eventsSeen = 0
;(globalThis as Record<symbol, unknown>)[Symbol.for('aws-client-cache.devtools')] = {
  register(handle: { subscribe(listener: () => void): () => void }) {
    handles.set(
      handle,
      handle.subscribe(() => eventsSeen++),
    )
    return () => {
      handles.get(handle)?.()
      handles.delete(handle)
      released++
    }
  },
}

const kept = new Session()
const before = listSessions().length
/** In a function of its own, so no register of the suspended module frame holds a session. */
function createUnreferenced(): void {
  for (let i = 0; i < count; i++) {
    const session = new Session({ region: 'us-east-1' })
    session.client(FakeClient)
    finalized.register(session, i)
  }
}
createUnreferenced()
// listSessions() derefs every entry: the sessions stay alive until this job ends.
const listedWhileAlive = listSessions().length - before
let rounds = 0
while (rounds < 50 && (collected < count || released < count)) {
  rounds++
  await new Promise((resolve) => setImmediate(resolve))
  gc()
}
process.stdout.write(
  `${JSON.stringify({
    created: count,
    listedWhileAlive,
    alive: count - collected,
    listedAfter: listSessions().length - before,
    keptListed: listSessions().includes(kept),
    rounds,
    registeredWithHook: count + 1,
    releasedByHook: released,
    hookSawEvents: eventsSeen > 0,
  })}\n`,
)
