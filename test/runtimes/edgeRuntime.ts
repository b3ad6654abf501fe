/**
 * Runs the smoke suite under Vercel's `edge-runtime` (the devDependency `edge-runtime`): the
 * runtime of Vercel Edge Functions and Next.js middleware, a Node `vm` context that has the Web
 * APIs an edge function gets and nothing else (no `process`, no `require`, no `eval`).
 *
 * `EdgeRuntime#evaluate` runs scripts, not ES modules, so the bundle is `smoke.ts` as a script
 * (IIFE) that puts its exports on the global {@link SMOKE_GLOBAL}; a second `evaluate` calls its
 * `runChecks()` and hands back the report as JSON. It all runs in the test's own process: there is
 * no process to start or stop, and the context goes away with the last reference to it. The
 * context's `console` is captured, to show with the report.
 *
 * @module
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { SmokeRun } from './runtimes.js'
import type { SmokeReport } from './smoke.js'

const require = createRequire(import.meta.url)

/** The global the script bundle puts the exports of `smoke.ts` on (esbuild's `globalName`). */
export const SMOKE_GLOBAL = 'awsClientCacheSmoke'

/** How long the checks may take before the run fails. */
const RUN_TIMEOUT = 45_000

/** The version of the installed `edge-runtime`, once a context of it has evaluated a script. */
export async function edgeRuntimeVersion(): Promise<string> {
  const { EdgeRuntime } = await import('edge-runtime')
  const name: unknown = new EdgeRuntime().evaluate('globalThis.EdgeRuntime')
  if (name !== 'edge-runtime') throw new Error(`globalThis.EdgeRuntime is ${String(name)}`)
  return (require('edge-runtime/package.json') as { version: string }).version
}

/** Evaluates the script bundle in a new edge-runtime context and runs its checks there. */
export async function runInEdgeRuntime(script: string): Promise<SmokeRun> {
  const { EdgeRuntime } = await import('edge-runtime')
  const logged: string[] = []
  const log = (...args: unknown[]) => void logged.push(args.map(String).join(' '))
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    const runtime = new EdgeRuntime({
      extend: (context) =>
        Object.assign(context, {
          console: { ...context.console, log, info: log, warn: log, error: log, debug: log },
        }),
    })
    runtime.evaluate(await readFile(script, 'utf8'))
    const json = await Promise.race([
      runtime.evaluate<Promise<string>>(
        `${SMOKE_GLOBAL}.runChecks().then((report) => JSON.stringify(report))`,
      ),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no report after ${RUN_TIMEOUT} ms`)),
          RUN_TIMEOUT,
        )
      }),
    ])
    const { lines, code } = JSON.parse(json) as SmokeReport
    return { code, stdout: `${lines.join('\n')}\n`, stderr: logged.join('\n') }
  } catch (error) {
    // An error from the context is not an `Error` of this realm.
    const stack = (error as { stack?: unknown } | null)?.stack
    const reason = typeof stack === 'string' ? stack : String(error)
    return { code: null, stdout: '', stderr: [...logged, reason].join('\n') }
  } finally {
    clearTimeout(timer)
  }
}
