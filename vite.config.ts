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
 */
import { builtinModules } from 'node:module'
import { fileURLToPath } from 'node:url'
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
      },
    },
  },
})
