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
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleWithEsbuild, bundleWithVite, type BuildEnv } from './support/bundleApp.js'

const devtoolsIndex = fileURLToPath(new URL('../devtools/index.ts', import.meta.url))
/** Packages left external, with their subpaths. */
const EXTERNAL = ['react', 'react-dom', 'aws-client-cache']

/** Text from the floating button (ClientCacheDevtools) and from the embedded panel's content. */
const PANEL_MARKERS = ['Open aws-client-cache devtools', 'next victim']

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

const withEsbuild = (env: BuildEnv) => bundleWithEsbuild(entry, env, { external: EXTERNAL })
const withVite = (env: BuildEnv) => bundleWithVite(entry, env, { external: EXTERNAL })

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
