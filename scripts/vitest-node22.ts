/**
 * `npm test`'s `unit:node22` step: Vitest under Node 22, with the arguments given (`run --project
 * node …`), so the whole Node suite runs on both Node lines the package supports, not only the
 * runtime smoke suite. Node 22 is the release `test/runtimes` pins, fetched and checked the same
 * way. Where that release has no build (platforms other than those pinned), says so and exits 0;
 * where CI runs (linux-x64 with glibc) a missing Node 22 fails the step.
 *
 * `npx tsx scripts/vitest-node22.ts run --project node`
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PLATFORM, extraRuntimesRequired, findRuntimes } from '../test/runtimes/runtimes.js'

const vitestEntry = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url))
if (!existsSync(vitestEntry)) {
  console.error(`vitest-node22: ${vitestEntry} not found; run npm ci`)
  process.exit(1)
}

const { found, missing } = await findRuntimes()
const node22 = found.find((runtime) => runtime.id === 'node22')
if (node22 === undefined) {
  const reason = missing.find((runtime) => runtime.id === 'node22')?.reason ?? 'not found'
  console.log(`vitest-node22: no Node 22 on ${PLATFORM}: ${reason}`)
  process.exit(extraRuntimesRequired() ? 1 : 0)
}

console.log(`vitest-node22: ${node22.label} (${node22.command})`)
const child = spawn(node22.command, [...node22.args, vitestEntry, ...process.argv.slice(2)], {
  stdio: 'inherit',
})
child.on('error', (error) => {
  console.error(`vitest-node22: could not start ${node22.command}: ${error.message}`)
  process.exit(1)
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
