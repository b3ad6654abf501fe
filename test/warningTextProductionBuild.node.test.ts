/**
 * The `UNSTABLE_CONFIG` warning's advice is for developers: a production build of the core (where
 * the bundler replaces `process.env.NODE_ENV`) must carry none of its text, a development build
 * must. Builds an app that calls the core with esbuild and with Vite's own bundler.
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

let dir: string
let entry: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aws-client-cache-warning-build-'))
  entry = join(dir, 'app.ts')
  await writeFile(
    entry,
    `import { Session } from ${JSON.stringify(coreIndex)}\n` +
      `;(globalThis as Record<string, unknown>).session = new Session({ region: 'us-east-1' })\n`,
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
])('the core built with %s', (_name, bundle) => {
  it('carries the warning advice in a development build', async () => {
    const code = await bundle('development')
    expect(ADVICE.filter((text) => code.includes(text))).toEqual(ADVICE)
  })

  it('carries none of it in a production build', async () => {
    const code = await bundle('production')
    expect(ADVICE.filter((text) => code.includes(text))).toEqual([])
    // The warning itself is still there, reduced to its code.
    expect(code).toContain('UNSTABLE_CONFIG')
  })
})
