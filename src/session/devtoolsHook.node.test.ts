/**
 * The extension hook is for developers: a production build of the core (where the bundler
 * replaces `process.env.NODE_ENV`) must carry none of its code, not even the hook's name; a
 * development build must. Builds an app that creates a session with esbuild and with Vite's own
 * bundler, as test/warningTextProductionBuild.node.test.ts does for the warning's advice.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleWithEsbuild, bundleWithVite, type BuildEnv } from '../../test/support/bundleApp.js'

const coreIndex = fileURLToPath(new URL('../index.ts', import.meta.url))
/** The hook's name, and the message its failures are reported with. */
const HOOK_CODE = ['aws-client-cache.devtools', 'the devtools hook']

let dir: string
let entry: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aws-client-cache-hook-build-'))
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
const withEsbuild = (env: BuildEnv) => bundleWithEsbuild(entry, env, { external: EXTERNAL })
const withVite = (env: BuildEnv) => bundleWithVite(entry, env, { external: EXTERNAL })

describe.each([
  ['esbuild', withEsbuild],
  ['Vite', withVite],
])('the devtools hook built with %s', (_name, bundle) => {
  it('is in a development build', async () => {
    const code = await bundle('development')
    expect(HOOK_CODE.filter((text) => code.includes(text))).toEqual(HOOK_CODE)
  })

  it('is not in a production build', async () => {
    const code = await bundle('production')
    expect(HOOK_CODE.filter((text) => code.includes(text))).toEqual([])
  })
})
