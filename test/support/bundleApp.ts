/**
 * Builds a one-file app with a real bundler, as a user's production or development build would,
 * and returns the code of every output chunk, joined. For tests that look for what a build keeps
 * or drops (`process.env.NODE_ENV` is defined as bundlers do). Node only.
 */
import { dirname } from 'node:path'
import { build as esbuild } from 'esbuild'
import { build as viteBuild, type Rollup } from 'vite'

export type BuildEnv = 'production' | 'development'

export interface BundleOptions {
  /** Bare specifiers left external, with their subpaths (`'react'` also keeps `react/jsx-runtime`). */
  readonly external: readonly string[]
}

const isExternal = (names: readonly string[]) => (id: string) =>
  names.some((name) => id === name || id.startsWith(`${name}/`))

/** esbuild: minified ESM for the browser, resolving the repo's `source` condition. */
export async function bundleWithEsbuild(
  entry: string,
  env: BuildEnv,
  { external }: BundleOptions,
): Promise<string> {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    conditions: ['source'],
    external: external.flatMap((name) => [name, `${name}/*`]),
    define: { 'process.env.NODE_ENV': JSON.stringify(env) },
    logLevel: 'silent',
  })
  return result.outputFiles.map((file) => file.text).join('\n')
}

/** Vite's own bundler (rolldown), minified, in the entry's folder. */
export async function bundleWithVite(
  entry: string,
  env: BuildEnv,
  { external }: BundleOptions,
): Promise<string> {
  const output = (await viteBuild({
    configFile: false,
    root: dirname(entry),
    mode: env,
    logLevel: 'silent',
    resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
    define: { 'process.env.NODE_ENV': JSON.stringify(env) },
    build: {
      write: false,
      minify: true,
      rollupOptions: { input: entry, external: isExternal(external) },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[]
  const outputs = Array.isArray(output) ? output : [output]
  return outputs
    .flatMap((out) => out.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('\n')
}
