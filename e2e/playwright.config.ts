/**
 * End-to-end tests of the playground in Chromium (part of `npm test`).
 *
 * Two dev servers of the playground on free ports, each with its own local sandbox:
 * - `app`: default credential lifetime (15 min);
 * - `short-ttl`: SANDBOX_CREDENTIAL_TTL=5, so credentials lapse during a test.
 *
 * The VITE_* variables are blanked so a developer's `.env.local` (real AWS) never leaks in.
 * Screenshots go to test-results/screenshots/.
 *
 *   npx playwright test -c e2e/playwright.config.ts
 */
import { execFileSync } from 'node:child_process'
import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, resolveChromium } from '../scripts/chromium.js'

/**
 * Free ports for the two dev servers, picked once by the runner process and handed to its workers
 * through the environment (workers load this file again, and must agree on the ports).
 */
function freePort(name: string): number {
  const given = process.env[name]
  if (given !== undefined) return Number(given)
  const port = Number(
    execFileSync(process.execPath, [
      '-e',
      "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
    ]).toString(),
  )
  process.env[name] = String(port)
  return port
}

const APP_PORT = freePort('E2E_APP_PORT')
const SHORT_TTL_PORT = freePort('E2E_SHORT_TTL_PORT')

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
  // Upper bounds, not waits: every step waits on state or events and passes as soon as it holds.
  // Generous, so a machine busy with other work (CI, two cores) still passes.
  timeout: 120_000,
  expect: { timeout: 30_000 },
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
