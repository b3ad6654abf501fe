/**
 * The smoke suite (`smoke.ts`) as a program, for Node, Bun and Deno: prints the report, one line
 * at a time, and exits with code 1 when a check failed (through `process.exitCode`, or
 * `Deno.exitCode` where there is no `process`).
 *
 *     node --conditions=source --import tsx test/runtimes/cli.ts
 *
 * @module
 */
import { runChecks } from './smoke.js'

interface Exitable {
  process?: { exitCode?: number | string }
  Deno?: { exitCode: number }
}

const { lines, code } = await runChecks().catch((error: unknown) => ({
  lines: [`FAIL harness: ${String(error)}`, '0 passed, 1 failed'],
  code: 1,
}))
for (const line of lines) console.log(line)
const host = globalThis as Exitable
if (host.Deno !== undefined) host.Deno.exitCode = code
else if (host.process !== undefined) host.process.exitCode = code
