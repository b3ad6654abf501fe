/**
 * Child processes for the integration run: commands that run to completion, and servers that
 * run until stopped. Every child gets its own process group (`detached: true`), so stopping
 * it stops whatever it started too (npm → node, next → its workers), and nothing is ever
 * stopped by name. Every server started here is tracked: `stopAll()` ends them on any failure.
 */
import { spawn } from 'node:child_process'
import { setTimeout as delay } from 'node:timers/promises'

/** How much of a child's output a failure message quotes. */
const TAIL_CHARS = 4000

/** Servers started and not yet stopped. */
const running = new Set()

/** The last `chars` characters of a text, marked when cut. */
export function tail(text, chars = TAIL_CHARS) {
  return text.length <= chars ? text : `…${text.slice(-chars)}`
}

/** Sends `signal` to the whole process group of `child`; false when it is already gone. */
function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal)
    return true
  } catch {
    return false
  }
}

/**
 * Runs `command args` in `cwd`, with exactly the environment `env`, to completion and resolves
 * with its output; rejects with a message that quotes the output's tail when it exits non-zero,
 * fails to start or outlives `timeoutMs`.
 */
export function run(
  command,
  args,
  { cwd, env = process.env, timeoutMs = 300_000, verbose = false } = {},
) {
  const display = [command, ...args].join(' ')
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    const collect = (chunk) => {
      output += chunk
      if (verbose) process.stdout.write(chunk)
    }
    child.stdout.setEncoding('utf8').on('data', collect)
    child.stderr.setEncoding('utf8').on('data', collect)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      signalGroup(child, 'SIGKILL')
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`could not start \`${display}\` in ${cwd}: ${error.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const ms = performance.now() - started
      if (code === 0) return resolve({ output, ms })
      const why = timedOut
        ? `did not finish within ${timeoutMs / 1000} s`
        : `exited with ${code ?? signal}`
      reject(new Error(`\`${display}\` (in ${cwd}) ${why}. Output:\n${tail(output)}`))
    })
  })
}

/**
 * Starts a long-running process in its own process group, with exactly the environment `env`.
 * `ready` (optional) is a RegExp matched against the output: `started.ready` resolves with the
 * match once it appears, and rejects if the process exits first or `timeoutMs` passes.
 */
export function startServer(
  command,
  args,
  { cwd, env = process.env, ready, timeoutMs = 60_000, name = command } = {},
) {
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let output = ''
  let exit
  const exited = new Promise((resolve) => {
    child.on('close', (code, signal) => {
      exit = code ?? signal
      running.delete(server)
      resolve(exit)
    })
  })
  const server = {
    name,
    pid: child.pid,
    output: () => output,
    exited,
    /** Whether the process has exited (and with what). */
    exitStatus: () => exit,
    /** Ends the process group: SIGTERM, then SIGKILL after `graceMs`. Idempotent. */
    async stop(graceMs = 5000) {
      if (exit !== undefined || child.pid === undefined) return
      signalGroup(child, 'SIGTERM')
      const finished = await Promise.race([exited.then(() => true), delay(graceMs, false)])
      if (!finished) {
        signalGroup(child, 'SIGKILL')
        await Promise.race([exited, delay(2000)])
      }
      // The group may outlive its leader (e.g. a worker that ignores SIGTERM).
      signalGroup(child, 'SIGKILL')
    },
  }
  running.add(server)
  let onOutput = () => {}
  const collect = (chunk) => {
    output += chunk
    onOutput()
  }
  child.stdout.setEncoding('utf8').on('data', collect)
  child.stderr.setEncoding('utf8').on('data', collect)
  child.on('error', (error) => {
    output += `\n[could not start: ${error.message}]`
    exit ??= 'error'
    running.delete(server)
  })
  server.ready = !ready
    ? Promise.resolve(undefined)
    : new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          onOutput = () => {}
          reject(
            new Error(
              `${name} printed no line matching ${ready} within ${timeoutMs / 1000} s. Output:\n${tail(output)}`,
            ),
          )
        }, timeoutMs)
        onOutput = () => {
          const match = ready.exec(output)
          if (match) {
            clearTimeout(timer)
            onOutput = () => {}
            resolve(match)
          }
        }
        onOutput()
        void exited.then((code) => {
          clearTimeout(timer)
          reject(
            new Error(`${name} exited (${code}) before it was ready. Output:\n${tail(output)}`),
          )
        })
      })
  // An unobserved rejection must not crash the run: callers await `ready` where it matters.
  server.ready.catch(() => {})
  return server
}

/** Stops every server started by {@link startServer} that is still running. */
export async function stopAll() {
  await Promise.all([...running].map((server) => server.stop()))
}

/**
 * Polls `probe` (every `intervalMs`) until it returns a truthy value, which it resolves with.
 * Rejects after `timeoutMs` with `what` and the last error, or at once when `server` exits.
 */
export async function waitFor(probe, { what, timeoutMs = 30_000, intervalMs = 200, server } = {}) {
  const deadline = performance.now() + timeoutMs
  let lastError
  for (;;) {
    if (server?.exitStatus() !== undefined) {
      throw new Error(
        `${server.name} exited (${server.exitStatus()}) while waiting for ${what}. Output:\n${tail(server.output())}`,
      )
    }
    try {
      const value = await probe()
      if (value) return value
    } catch (error) {
      lastError = error
    }
    if (performance.now() > deadline) {
      const last = lastError ? ` (last error: ${lastError.message})` : ''
      const out = server ? ` Output of ${server.name}:\n${tail(server.output())}` : ''
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last}.${out}`)
    }
    await delay(intervalMs)
  }
}

/** Waits until `url` answers with status `status` (any status < 500 when omitted). */
export function waitForHttp(url, { status, ...options } = {}) {
  return waitFor(
    async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) })
      await response.arrayBuffer()
      return status === undefined ? response.status < 500 : response.status === status
    },
    { what: `${url} to answer`, ...options },
  )
}
