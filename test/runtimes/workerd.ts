/**
 * Runs the smoke suite under Cloudflare's `workerd` (the devDependency `workerd`; its binary ships
 * in the platform package, `@cloudflare/workerd-linux-64/bin/workerd`, …): the runtime of
 * Cloudflare Workers, serving `worker.ts` bundled as an ES module Worker.
 *
 * Each run writes `config.capnp` next to the bundle and starts `workerd serve` on it as a child
 * process in its own process group, its one HTTP socket on `127.0.0.1:0`: the system picks a free
 * port, and workerd reports it on its control descriptor (`--control-fd`, a pipe) once it listens.
 * So there is no port to guess, nothing to poll, and no race; and readiness is bounded by
 * {@link READY_TIMEOUT}, or cut short by workerd exiting (a Worker that throws at load does). One
 * GET runs the checks and answers with the report; then exactly that process group is stopped
 * (SIGTERM, then SIGKILL), whatever happened.
 *
 * The compatibility date is the newest the installed workerd supports (what a Worker created
 * today gets). The core needs `WeakRef` and `FinalizationRegistry` (`src/keys/secretTokens.ts`),
 * which Workers have from compatibility date 2025-05-05 (flag `enable_weak_ref`): with an earlier
 * date the Worker fails at load with `ReferenceError: FinalizationRegistry is not defined`.
 *
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Readable } from 'node:stream'
import type { SmokeRun } from './runtimes.js'
import type { SmokeReport } from './smoke.js'

/** How long workerd may take to listen. */
const READY_TIMEOUT = 15_000
/** How long the checks may take once it listens. */
const RUN_TIMEOUT = 30_000
/** How long workerd may take to exit after each signal. */
const STOP_TIMEOUT = 2_000

/** The config: one ES module Worker, one HTTP socket named `http` on a port the system picks. */
function capnpConfig(worker: string, compatibilityDate: string): string {
  return `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "smoke", worker = .smokeWorker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "smoke")],
);

const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed ${JSON.stringify(worker)})],
  compatibilityDate = ${JSON.stringify(compatibilityDate)},
);
`
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })
}

/**
 * The port of the socket `http`, from workerd's control messages (one JSON object a line, e.g.
 * `{"event":"listen","socket":"http","port":41459}`). Rejects when workerd exits first or does
 * not listen within {@link READY_TIMEOUT}.
 */
function listeningPort(child: ChildProcess): Promise<number> {
  const control = child.stdio[3] as Readable
  return new Promise((resolve, reject) => {
    let pending = ''
    const done = (error: Error | undefined, port?: number) => {
      clearTimeout(timer)
      control.off('data', onData)
      child.off('exit', onExit)
      child.off('error', onError)
      if (error === undefined) resolve(port!)
      else reject(error)
    }
    const onData = (chunk: Buffer) => {
      pending += chunk.toString('utf8')
      const lines = pending.split('\n')
      pending = lines.pop()!
      for (const line of lines) {
        let message: { event?: string; socket?: string; port?: number }
        try {
          message = JSON.parse(line) as typeof message
        } catch {
          return done(new Error(`unexpected control message from workerd: ${line}`))
        }
        if (message.event === 'listen' && message.socket === 'http') done(undefined, message.port)
      }
    }
    const onExit = (code: number | null, signal: string | null) =>
      done(new Error(`workerd exited (${signal ?? `code ${code}`}) before it listened`))
    const onError = (error: Error) => done(error)
    const timer = setTimeout(
      () => done(new Error(`workerd did not listen within ${READY_TIMEOUT} ms`)),
      READY_TIMEOUT,
    )
    control.on('data', onData)
    child.once('exit', onExit)
    child.once('error', onError)
  })
}

/** GETs the report from the Worker, which runs the checks for it within {@link RUN_TIMEOUT}. */
async function fetchReport(port: number): Promise<SmokeReport> {
  const url = `http://127.0.0.1:${port}/`
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(RUN_TIMEOUT) })
    const body = await response.text()
    if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${body}`)
    return JSON.parse(body) as SmokeReport
  } catch (error) {
    throw new Error(`GET ${url} (${RUN_TIMEOUT} ms allowed): ${String(error)}`, { cause: error })
  }
}

/** Stops the child's process group, if the child still runs: SIGTERM, then SIGKILL. */
async function stop(child: ChildProcess): Promise<void> {
  const running = () => child.pid !== undefined && child.exitCode === null && !child.signalCode
  if (!running()) return
  const exited = new AbortController()
  child.once('exit', () => exited.abort())
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    if (!running()) return
    try {
      process.kill(-child.pid!, signal)
    } catch (error) {
      // It exited since: its 'exit' event is on its way.
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return
      throw error
    }
    await delay(STOP_TIMEOUT, exited.signal)
  }
  if (running()) throw new Error(`workerd (pid ${child.pid}) did not exit on SIGKILL`)
}

/**
 * Serves the Worker bundle `worker` (an ES module) with the workerd binary `binary`, fetches the
 * report from it, and stops workerd.
 */
export async function runInWorkerd(
  binary: string,
  worker: string,
  compatibilityDate: string,
): Promise<SmokeRun> {
  const dir = dirname(worker)
  const config = join(dir, 'config.capnp')
  await writeFile(config, capnpConfig(basename(worker), compatibilityDate))
  const child = spawn(binary, ['serve', config, '--control-fd=3'], {
    cwd: dir,
    // Its own process group, so that stop() signals it and nothing else.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  try {
    const { lines, code } = await fetchReport(await listeningPort(child))
    return { code, stdout: `${lines.join('\n')}\n`, stderr: output }
  } catch (error) {
    return { code: null, stdout: '', stderr: `${output}\n${String(error)}`.trim() }
  } finally {
    await stop(child)
  }
}
