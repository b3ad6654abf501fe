/**
 * The playground: a Vite + React app that shows aws-client-cache at work against a local AWS
 * (the sandbox, started by `sandboxPlugin()`) or, with `VITE_*` settings in `.env.local`, real AWS.
 *
 *   npx vite --config playground/vite.config.ts
 *
 * The library is imported by its package name and resolved to the sources here, so the app runs
 * without a build; the `source` and `browser` conditions make the package's `#platform` import
 * resolve to src/platform/browser.ts.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'
import { sandboxPlugin } from './sandbox/vitePlugin.js'

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // `.env.local` lives at the repository root, next to package.json.
  envDir: fromRoot(''),
  publicDir: false,
  plugins: [react(), sandboxPlugin()],
  resolve: {
    alias: [
      { find: /^aws-client-cache$/, replacement: fromRoot('src/index.ts') },
      { find: /^aws-client-cache\/react$/, replacement: fromRoot('src/react/index.ts') },
      {
        find: /^aws-client-cache\/devtools\/production$/,
        replacement: fromRoot('devtools/production.ts'),
      },
      { find: /^aws-client-cache\/devtools$/, replacement: fromRoot('devtools/index.ts') },
    ],
    conditions: ['source', 'browser', ...defaultClientConditions],
  },
  optimizeDeps: {
    // Pre-bundled at startup, so the first page load never triggers a re-optimize and reload.
    include: [
      'react',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'react-dom/client',
      '@aws-sdk/client-s3',
      '@aws-sdk/credential-providers',
    ],
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
})
