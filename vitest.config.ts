/**
 * Two Vitest projects run the same core suite on both runtimes the library supports:
 *
 * - `node`: every `src/**`, `test/**` and `playground/**` test file, in Node.
 * - `browser`: every `src/**` test file except `*.node.test.ts`, in headless Chromium (Vitest
 *   browser mode, Playwright provider), plus React/devtools `*.test.tsx` files.
 *
 * A test file is Node-only when its name ends in `.node.test.ts`. Both projects resolve the
 * `source` condition, so `#platform` (package.json `imports`) points at `src/platform/node.ts` in
 * the node project and at `src/platform/browser.ts` in the browser project, without a build.
 *
 * `npx vitest run --project node` / `--project browser` runs one of them.
 */
import { randomInt } from 'node:crypto'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { playwright } from '@vitest/browser-playwright'
import { defaultClientConditions, defaultServerConditions } from 'vite'
import { defineConfig } from 'vitest/config'
import { CHROMIUM_ARGS, resolveChromium } from './scripts/chromium.js'

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * One fast-check seed per run, shared by both projects: `FC_SEED` when given (to replay a failure;
 * fast-check prints the seed of every failing property), a fresh one otherwise.
 * `scripts/test.mjs` prints the seed it passes down. `FC_NUM_RUNS` overrides `numRuns`.
 */
const fastCheckSeed = process.env.FC_SEED ? Number(process.env.FC_SEED) : randomInt(2 ** 31)
if (!Number.isSafeInteger(fastCheckSeed)) {
  throw new Error(`Expected FC_SEED to be an integer, got \`${process.env.FC_SEED}\``)
}
const fastCheckNumRuns = process.env.FC_NUM_RUNS ? Number(process.env.FC_NUM_RUNS) : undefined
if (
  fastCheckNumRuns !== undefined &&
  !(Number.isSafeInteger(fastCheckNumRuns) && fastCheckNumRuns > 0)
) {
  throw new Error(
    `Expected FC_NUM_RUNS to be a positive integer, got \`${process.env.FC_NUM_RUNS}\``,
  )
}

/**
 * Resolving Chromium may fail (no browser on this machine). That must not break `--project node`,
 * so the error is raised by the browser project's global setup instead, only when it runs.
 */
let chromiumPath: string | undefined
try {
  chromiumPath = resolveChromium().executablePath
} catch {
  chromiumPath = undefined
}

/** Vitest drops `module` from the server conditions it also hands to Node (`--conditions`). */
const nodeConditions = ['source', ...defaultServerConditions.filter((c) => c !== 'module')]
const browserConditions = ['source', ...defaultClientConditions]

/** Test files of the library itself; `*.node.test.ts` files are Node-only. */
const SRC_TESTS = 'src/**/*.test.ts'
const NODE_ONLY_TESTS = '**/*.node.test.ts'
const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/dist/**', '**/test-support/**']
/**
 * Tests of what bundlers make of the package (sizes, production builds, minified names). Their
 * output does not depend on the Node that runs the bundler, so `npm test`'s Node 22 run
 * (`AWS_CLIENT_CACHE_SKIP_BUILD_OUTPUT_TESTS=1`) leaves them to the Node 20 run.
 */
const BUILD_OUTPUT_TESTS = [
  'test/sizeBudget.node.test.ts',
  'test/devtoolsProductionBuild.node.test.ts',
  'test/developmentOnlyCode.node.test.ts',
  'test/errorNamesMinified.node.test.ts',
]
const skipBuildOutputTests = process.env.AWS_CLIENT_CACHE_SKIP_BUILD_OUTPUT_TESTS === '1'

export default defineConfig({
  resolve: {
    // devtools/ uses only the public API, imported by the package's own name (no extension here:
    // Vite tries .ts and .tsx).
    alias: [
      { find: /^aws-client-cache$/, replacement: fromRoot('./src/index') },
      { find: /^aws-client-cache\/react$/, replacement: fromRoot('./src/react/index') },
    ],
  },
  test: {
    provide: { fastCheckSeed, fastCheckNumRuns },
    setupFiles: [fromRoot('./test/support/setupFastCheck.ts')],
    teardownTimeout: 10_000,
    // Undo vi.stubEnv / vi.stubGlobal after every test, so no test leaks them into the next.
    unstubEnvs: true,
    unstubGlobals: true,
    projects: [
      {
        extends: true,
        resolve: { conditions: nodeConditions },
        ssr: { resolve: { conditions: nodeConditions } },
        test: {
          name: 'node',
          environment: 'node',
          // The SDK warns once per worker that it will drop Node 20 in 2027: noise in test output.
          env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
          include: [
            SRC_TESTS,
            'test/**/*.test.ts',
            'playground/**/*.test.ts',
            'extension/**/*.test.ts',
          ],
          exclude: [...ALWAYS_EXCLUDED, ...(skipBuildOutputTests ? BUILD_OUTPUT_TESTS : [])],
          // Vitest's default (cores - 1) is a single worker on a 2-core machine; the Node tests
          // mostly wait on sockets, and two workers cut the run by about a third there.
          maxWorkers: Math.max(availableParallelism() - 1, 2),
          // Network tests talk to real servers on 127.0.0.1; generous, but never hangs CI.
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        extends: true,
        resolve: { conditions: browserConditions },
        // Pre-bundled at startup, so that a dependency first seen mid-run (a dynamic import in a
        // test) does not make Vite re-optimize and reload the page under a running test.
        optimizeDeps: {
          include: [
            'fast-check',
            '@aws-sdk/client-s3',
            'react',
            'react/jsx-runtime',
            'react/jsx-dev-runtime',
            'react-dom',
            'react-dom/client',
            // The devtools' SSR test renders in a worker with react-dom/server.
            'react-dom/server',
            '@testing-library/react',
            '@testing-library/dom',
          ],
        },
        test: {
          name: 'browser',
          include: [SRC_TESTS, 'src/**/*.test.tsx', 'devtools/**/*.test.{ts,tsx}'],
          exclude: [...ALWAYS_EXCLUDED, NODE_ONLY_TESTS],
          globalSetup: [fromRoot('./test/support/assertChromium.ts')],
          testTimeout: 15_000,
          hookTimeout: 15_000,
          browser: {
            enabled: true,
            headless: true,
            // Failure screenshots would land in __screenshots__ beside the sources.
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                ...(chromiumPath === undefined ? {} : { executablePath: chromiumPath }),
                args: [...CHROMIUM_ARGS],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fast-check seed of this run (see `FC_SEED`). */
    fastCheckSeed: number
    /** `FC_NUM_RUNS`, when set. */
    fastCheckNumRuns: number | undefined
  }
}
