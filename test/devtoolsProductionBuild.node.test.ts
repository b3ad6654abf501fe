/**
 * `aws-client-cache/devtools` renders `null` outside development, and a production build must not
 * ship the panel it never renders. Builds an app that uses both components with two real
 * bundlers (esbuild, and Vite's own bundler) once for production and once for development, and
 * looks for the panel's code in the output. React and the core stay external: the app has them
 * anyway.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build as esbuild } from 'esbuild'
import { build as viteBuild, type Rollup } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const devtoolsIndex = fileURLToPath(new URL('../devtools/index.ts', import.meta.url))
/** Packages left external, with their subpaths. */
const EXTERNAL = ['react', 'react-dom', 'aws-client-cache']
const isExternal = (id: string) => EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`))

/** Text from the floating button (ClientCacheDevtools) and from the embedded panel's content. */
const PANEL_MARKERS = ['Open aws-client-cache devtools', 'next victim']

type Env = 'production' | 'development'

function markersIn(code: string): string[] {
  return PANEL_MARKERS.filter((marker) => code.includes(marker))
}

/** The modules a bundle still imports. */
function imports(code: string): string[] {
  return [...code.matchAll(/\bfrom\s*["']([^"']+)["']/g)].map((match) => match[1] as string)
}

let dir: string
let entry: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aws-client-cache-devtools-build-'))
  entry = join(dir, 'app.ts')
  // Both components are used (a side effect the bundler must keep), so only the NODE_ENV check
  // decides what stays.
  await writeFile(
    entry,
    `import { ClientCacheDevtools, ClientCacheDevtoolsPanel } from ${JSON.stringify(devtoolsIndex)}\n` +
      `;(globalThis as Record<string, unknown>).devtools = [ClientCacheDevtools, ClientCacheDevtoolsPanel]\n`,
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
    external: EXTERNAL.flatMap((name) => [name, `${name}/*`]),
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
    define: { 'process.env.NODE_ENV': JSON.stringify(env) },
    build: {
      write: false,
      minify: true,
      rollupOptions: { input: entry, external: isExternal },
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
])('aws-client-cache/devtools built with %s', (_name, bundle) => {
  it('ships the panel in a development build', async () => {
    const code = await bundle('development')
    expect(markersIn(code)).toEqual(PANEL_MARKERS)
  })

  it('drops the panel from a production build, keeping a component that renders null', async () => {
    const code = await bundle('production')
    // Booleans and marker lists, not the bundle itself, so a failure prints a short diff.
    expect(markersIn(code)).toEqual([])
    // Nothing of the panel is left to import either.
    expect(imports(code)).toEqual([])
    expect(/return\s*null|=>\s*null/.test(code)).toBe(true)
    expect(code.length).toBeLessThan(500)
  })
})
