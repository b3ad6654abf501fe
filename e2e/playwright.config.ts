/**
 * End-to-end tests of the playground in Chromium (part of `npm test`).
 *
 * Two dev servers of the playground, each with its own local sandbox:
 * - `app` (port 5183): default credential lifetime (15 min);
 * - `short-ttl` (port 5184): SANDBOX_CREDENTIAL_TTL=5, so credentials lapse during a test.
 *
 * The VITE_* variables are blanked so a developer's `.env.local` (real AWS) never leaks in.
 * Screenshots go to test-results/screenshots/.
 *
 *   npx playwright test -c e2e/playwright.config.ts
 */
import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, resolveChromium } from '../scripts/chromium.js'

const APP_PORT = 5183
const SHORT_TTL_PORT = 5184

const sandboxOnly = {
  VITE_AWS_REGION: '',
  VITE_IDENTITY_POOL_ID: '',
  VITE_S3_BUCKET: '',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
}

function devServer(port: number, env: Record<string, string> = {}) {
  return {
    command: `node node_modules/vite/bin/vite.js --config playground/vite.config.ts --port ${port} --strictPort`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/`,
    env: { ...sandboxOnly, ...env },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5000 },
  }
}

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  reporter: 'list',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: resolveChromium().executablePath, args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'app',
      testIgnore: /credentials-ttl\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${APP_PORT}` },
    },
    {
      name: 'short-ttl',
      testMatch: /credentials-ttl\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${SHORT_TTL_PORT}` },
    },
  ],
  webServer: [devServer(APP_PORT), devServer(SHORT_TTL_PORT, { SANDBOX_CREDENTIAL_TTL: '5' })],
})
