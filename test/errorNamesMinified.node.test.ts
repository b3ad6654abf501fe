/**
 * `name` is the class name of every error class (API.md), also in a minified bundle, where
 * minifiers rename the classes themselves (`class p extends Error`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const errors = fileURLToPath(new URL('../src/errors.ts', import.meta.url))
const CLASSES = [
  'CacheError',
  'ClientCacheError',
  'ClientCacheExistsError',
  'ClientCacheNotFoundError',
  'ResourceCacheError',
  'ResourceCacheExistsError',
  'ResourceCacheNotFoundError',
]

describe('error names in a minified bundle', () => {
  it('are the class names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'aws-client-cache-errors-'))
    try {
      const entry = join(dir, 'entry.ts')
      await writeFile(entry, `export { ${CLASSES.join(', ')} } from ${JSON.stringify(errors)}\n`)
      const out = join(dir, 'bundle.mjs')
      await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'neutral',
        outfile: out,
        logLevel: 'silent',
      })
      const bundle = (await import(pathToFileURL(out).href)) as Record<
        string,
        new (message: string) => Error
      >
      // The minifier did rename the classes: the test would prove nothing otherwise.
      expect(CLASSES.filter((name) => bundle[name]!.name === name)).toEqual([])
      expect(CLASSES.map((name) => new bundle[name]!('m').name)).toEqual(CLASSES)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
