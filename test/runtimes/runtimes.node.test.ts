/**
 * The runtime-neutral smoke suite (`smoke.ts`, bundled with esbuild) under every JavaScript
 * runtime available here: the Node running the tests, Node 22, Bun and Deno (one program bundle,
 * with the Node build of the core), and Vercel's edge-runtime and Cloudflare's workerd (with the
 * browser build, as an edge deployment). Headless Chromium runs the library's own tests in the
 * vitest `browser` project.
 *
 * One test per runtime found, so a runtime that is missing adds no test rather than a skipped
 * or silently passing one; and one test that fails where all the extra runtimes are expected
 * (linux-x64 with glibc, as in CI) but some are missing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rm } from 'node:fs/promises'
import {
  NODE22_VERSION,
  PLATFORM,
  type SmokeBundle,
  buildSmokeBundle,
  findRuntimes,
  extraRuntimesRequired,
  runSmoke,
} from './runtimes.js'

/** Where CI runs, and so where every extra runtime must be found. */
const EXPECTED_EXTRA = extraRuntimesRequired()
  ? ['node22', 'bun', 'deno', 'edge-runtime', 'workerd']
  : []

const { found, missing } = await findRuntimes()

let bundle: SmokeBundle | undefined

beforeAll(async () => {
  bundle = await buildSmokeBundle()
}, 60_000)

afterAll(async () => {
  if (bundle !== undefined) await rm(bundle.dir, { recursive: true, force: true })
})

describe('the smoke suite runs under every runtime', () => {
  it(`finds ${EXPECTED_EXTRA.length === 0 ? 'the runtimes it can' : EXPECTED_EXTRA.join(', ')} on ${PLATFORM}`, () => {
    const report = missing.map(({ id, reason }) => `${id}: ${reason}`).join('\n')
    expect(
      EXPECTED_EXTRA.filter((id) => !found.some((runtime) => runtime.id === id)),
      `runtimes missing on ${PLATFORM}:\n${report}`,
    ).toEqual([])
    expect(found.map((runtime) => runtime.id)).toContain('node')
    const node22 = found.find((runtime) => runtime.id === 'node22')
    if (node22 !== undefined) expect(node22.version).toBe(NODE22_VERSION)
  })

  for (const runtime of found) {
    it(`passes on ${runtime.label}`, async () => {
      expect(bundle, 'the bundle was built').toBeDefined()
      const { code, stdout, stderr } = await runSmoke(runtime, bundle!)
      const output = `${runtime.label} (${runtime.command}):\n${stdout}\n${stderr}`
      const lines = stdout.trimEnd().split(/\r?\n/)
      const summary = /^(\d+) passed, (\d+) failed$/.exec(lines.at(-1) ?? '')
      expect(summary, output).not.toBeNull()
      expect(
        lines.filter((line) => line.startsWith('FAIL ')),
        output,
      ).toEqual([])
      expect(Number(summary![2]), output).toBe(0)
      expect(Number(summary![1]), output).toBeGreaterThan(30)
      expect(code, output).toBe(0)
    }, 60_000)
  }
})
