/**
 * Headless Chromium through the root's `playwright` package, found as scripts/chromium.ts finds
 * it (CHROMIUM_PATH, then Playwright's own browser, then /usr/bin/chromium), launched once per run
 * and shared by the apps.
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright'

/** The flags scripts/chromium.ts `CHROMIUM_ARGS` uses (kept in step by hand: that file is TS). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv}: no such file`)
    return fromEnv
  }
  try {
    const own = chromium.executablePath()
    if (own && existsSync(own)) return own
  } catch {
    // Playwright names no browser of its own: fall through to the system one.
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  throw new Error(
    'No Chromium: set CHROMIUM_PATH, run `npx playwright install chromium`, or apt-get install chromium',
  )
}

let launched

/** The shared browser, launched on first use. */
function browser() {
  launched ??= chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  return launched
}

/**
 * Opens `url` in a fresh context, waits until `waitForText` (a string or RegExp) shows in the
 * page's body text (at most `timeoutMs`) and the network is idle, then reports what a person
 * would see plus every console error, uncaught page error and failed request along the way.
 * `inspect(page)`, when given, runs last; its result is returned as `inspected`.
 */
export async function visit(url, { waitForText, timeoutMs = 30_000, inspect } = {}) {
  const context = await (await browser()).newContext()
  const page = await context.newPage()
  const consoleErrors = []
  const pageErrors = []
  const failedRequests = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const { url: source } = message.location()
    consoleErrors.push(source ? `${message.text()} (${source})` : message.text())
  })
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  page.on('requestfailed', (request) =>
    failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  )
  try {
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs })
    let waitError
    if (waitForText !== undefined) {
      await page
        .locator('body')
        .filter({ hasText: waitForText })
        .waitFor({ timeout: timeoutMs })
        .catch((error) => (waitError = error))
    }
    // Late console messages (React's hydration warnings, failed fetches) come before idle.
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => {})
    const text = await page.locator('body').innerText()
    const inspected = inspect ? await inspect(page) : undefined
    return { text, consoleErrors, pageErrors, failedRequests, waitError, inspected }
  } finally {
    await context.close()
  }
}

/** Closes the shared browser if it was launched. */
export async function closeBrowser() {
  if (!launched) return
  const pending = launched
  launched = undefined
  await (await pending.catch(() => undefined))?.close()
}
