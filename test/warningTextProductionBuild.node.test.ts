/**
 * The `UNSTABLE_CONFIG` warning's advice is for developers: a production build of the core (where
 * the bundler replaces `process.env.NODE_ENV`) must carry none of its text, a development build
 * must. Builds an app that calls the core with esbuild and with Vite's own bundler.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build as esbuild } from 'esbuild'
import { build as viteBuild, type Rollup } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const coreIndex = fileURLToPath(new URL('../src/index.ts', import.meta.url))
/** Text only the development branch of the warning holds. */
const ADVICE = ['Create it once and reuse it', 'compared by identity']

type Env = 'production' | 'development'

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

async function withEsbuild(env: Env): Promise<string> {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    conditions: ['source'],
    external: ['@aws-sdk/*'],
    define: { 'process.env.NODE_ENV': JSON.stringify(env) },
    logLevel: 'silent',
  })
  return result.outputFiles.map((file) => file.text).join('\n')
}

async function withVite(env: Env): Promise<string> {
  const output = (await viteBuild({
    configFile: false,
    root: dir,
    mode: env,
    logLevel: 'silent',
    resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
    define: { 'process.env.NODE_ENV': JSON.stringify(env) },
    build: {
      write: false,
      minify: true,
      rollupOptions: { input: entry, external: (id) => id.startsWith('@aws-sdk/') },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[]
  const outputs = Array.isArray(output) ? output : [output]
  return outputs
    .flatMap((out) => out.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('\n')
}

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
