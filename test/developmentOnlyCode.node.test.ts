/**
 * What the core keeps for developers — the `UNSTABLE_CONFIG` warning's advice and the browser
 * extension's hook — must be in a development build and out of a production build (where the
 * bundler replaces `process.env.NODE_ENV`). Builds one app that creates and disposes a session,
 * once per bundler (esbuild, Vite's own) and environment, and looks for both in each build.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleWithEsbuild, bundleWithVite, type BuildEnv } from './support/bundleApp.js'

const coreIndex = fileURLToPath(new URL('../src/index.ts', import.meta.url))
/** Text only the development branch of the warning holds. */
const ADVICE = ['Create it once and reuse it', 'compared by identity']
/** The hook's name, and the message its failures are reported with. */
const HOOK_CODE = ['aws-client-cache.devtools', 'the devtools hook']

let dir: string
let entry: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aws-client-cache-dev-only-build-'))
  entry = join(dir, 'app.ts')
  await writeFile(
    entry,
    `import { Session } from ${JSON.stringify(coreIndex)}\n` +
      `const session = new Session({ region: 'us-east-1' })\n` +
      `;(globalThis as Record<string, unknown>).session = session\n` +
      `void session.dispose()\n`,
  )
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const EXTERNAL = ['@aws-sdk']
const bundlers = {
  esbuild: (env: BuildEnv) => bundleWithEsbuild(entry, env, { external: EXTERNAL }),
  Vite: (env: BuildEnv) => bundleWithVite(entry, env, { external: EXTERNAL }),
}

describe.each(Object.entries(bundlers))('the core built with %s', (_name, bundle) => {
  const found = (code: string, texts: readonly string[]) => texts.filter((t) => code.includes(t))

  it('carries the warning advice and the devtools hook in a development build', async () => {
    const code = await bundle('development')
    expect(found(code, ADVICE)).toEqual(ADVICE)
    expect(found(code, HOOK_CODE)).toEqual(HOOK_CODE)
  })

  it('carries neither in a production build', async () => {
    const code = await bundle('production')
    expect(found(code, ADVICE)).toEqual([])
    expect(found(code, HOOK_CODE)).toEqual([])
    // The warning itself is still there, reduced to its code.
    expect(code).toContain('UNSTABLE_CONFIG')
  })
})
