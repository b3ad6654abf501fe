/**
 * The library build (`npm run build` runs `vite build`, then `tsc` for the declarations):
 * ESM only, one output file per package entry, shared code and dynamic imports (the partition
 * table) as separate chunks. Not minified (consumers minify), with sourcemaps.
 *
 * Kept as bare imports, resolved by the consumer:
 * - `#platform`: package.json `"imports"` picks dist/platform/node.js or browser.js per runtime;
 * - `aws-client-cache`, `aws-client-cache/*`: devtools/ reaches the core only through the public
 *   entries, so an app has a single copy of the core (and of the default session);
 * - peers and runtimes: `react`, `react-dom`, `react/jsx-runtime`, `@aws-sdk/*`, `node:*`.
 *
 * Every chunk made only of React code (`src/react/`, `devtools/`) begins with `'use client'`, so
 * React Server Components frameworks (Next.js App Router) can import `./react` and `./devtools`
 * from a server component. Bundlers drop module-level directives from sources, so it is added as
 * a banner; the core's chunks carry none. `test/useClientDirective.node.test.ts` checks dist/.
 */
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { RenderedChunk } from 'rolldown'
import { defineConfig } from 'vite'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** Output path (without `.js`) → source, matching package.json `exports` and `imports`. */
const entries = {
  index: fromRoot('./src/index.ts'),
  'react/index': fromRoot('./src/react/index.ts'),
  'devtools/index': fromRoot('./devtools/index.ts'),
  'devtools/production': fromRoot('./devtools/production.ts'),
  'platform/node': fromRoot('./src/platform/node.ts'),
  'platform/browser': fromRoot('./src/platform/browser.ts'),
}

/** Source folders whose code runs only on the client: a chunk made only of them gets the directive. */
const clientOnlyDirs = [fromRoot('./src/react/'), fromRoot('./devtools/')]

/** A chunk made only of client-only sources; an entry chunk that merely re-exports counts its facade. */
function isClientOnlyChunk({ facadeModuleId, moduleIds }: RenderedChunk): boolean {
  const ids = facadeModuleId === null ? moduleIds : [facadeModuleId, ...moduleIds]
  const sources = ids.filter((id) => !id.startsWith('\0'))
  return (
    sources.length > 0 && sources.every((id) => clientOnlyDirs.some((dir) => id.startsWith(dir)))
  )
}

const external: (string | RegExp)[] = [
  '#platform',
  /^aws-client-cache(\/|$)/,
  /^react(\/|$)/,
  /^react-dom(\/|$)/,
  /^@aws-sdk\//,
  /^node:/,
  ...builtinModules,
]

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    reportCompressedSize: false,
    lib: {
      entry: entries,
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      external,
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        banner: (chunk) => (isClientOnlyChunk(chunk) ? "'use client';" : ''),
      },
    },
  },
})
