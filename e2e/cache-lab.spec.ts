/**
 * The cache lab under load and its miss diagnostics:
 * - with 1,500 clients in one cache, the page stays idle-cheap: no long task over 50 ms while
 *   the lab ticks (its list is windowed; only "used … ago" texts follow the clock);
 * - "New logger every call" makes every call miss, says why (differs … in logger), and shows the
 *   session's UNSTABLE_CONFIG warning with how to fix it; turned off, calls hit again;
 * - the page says what the package does, and the comparison shows its last result on load.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, horizontalOverflow, openPlayground, test } from './fixtures.js'

/** Long tasks the page has had, recorded from its first script on (`PerformanceObserver`). */
interface LongTask {
  start: number
  duration: number
}

async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = []
    ;(window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        tasks.push({ start: entry.startTime, duration: entry.duration })
      }
    }).observe({ type: 'longtask', buffered: true })
  })
}

const longTasksSince = (page: Page, since: number): Promise<LongTask[]> =>
  page.evaluate(
    (from) =>
      (window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((t) => t.start >= from),
    since,
  )

/** Serious or critical accessibility violations inside the cache lab. */
async function labViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include('#lab').analyze()
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`)
}

/** The lab's clock: how many times it has ticked (once a second). */
async function ticks(page: Page): Promise<number> {
  return Number(await page.getByTestId('lab-tick').getAttribute('data-tick'))
}

/** Waits until the lab's clock has ticked `count` more times. */
async function waitTicks(page: Page, count: number): Promise<void> {
  const from = await ticks(page)
  await expect.poll(() => ticks(page)).toBeGreaterThanOrEqual(from + count)
}

test('1,500 clients: no long task over 50 ms while the lab idles', async ({
  page,
  consoleErrors,
  shot,
}) => {
  await recordLongTasks(page)
  await page.setViewportSize({ width: 1280, height: 800 })
  await openPlayground(page)

  const lab = page.getByRole('form', { name: 'Call a client' })
  await lab.getByRole('button', { name: 'Fill 1,500' }).click()
  await expect(page.getByTestId('cache-LRU-size')).toHaveText('1500 / 1500')
  await expect(lab.getByRole('button', { name: 'Fill 1,500' })).toBeEnabled()
  await expect(page.getByTestId('lab-last')).toHaveText('Filled LRU with 1,500 clients.')

  // Idle from the next tick on, for three ticks.
  await waitTicks(page, 1)
  const idleFrom = await page.evaluate(() => performance.now())
  await waitTicks(page, 3)
  const idle = await longTasksSince(page, idleFrom)
  const longest = Math.max(0, ...idle.map((t) => t.duration))
  const idleMs = (await page.evaluate(() => performance.now())) - idleFrom
  test.info().annotations.push({
    type: 'idle long tasks',
    description: `${idle.length} in ${Math.round(idleMs)} ms, longest ${Math.round(longest)} ms`,
  })
  console.log(`idle long tasks: ${test.info().annotations.at(-1)?.description}`)
  expect(longest).toBeLessThanOrEqual(50)

  // The list is windowed: a few rows in the DOM, all 1,500 reachable by scrolling.
  const lru = page.getByTestId('cache-LRU')
  expect(await lru.getByTestId('cache-entry').count()).toBeLessThanOrEqual(20)
  await expect(lru.getByTestId('cache-entry').first()).toHaveAttribute('aria-setsize', '1500')
  await expect(lru.getByTestId('cache-entry').first()).toContainText('next victim')
  const view = page.getByTestId('cache-LRU-view')
  await view.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
  await expect(lru.locator('[aria-posinset="1500"]')).toBeVisible()
  await expect(lru.locator('[aria-posinset="1500"]')).toContainText("customUserAgent: 'cache-lab-")
  expect(await lru.getByTestId('cache-entry').count()).toBeLessThanOrEqual(20)

  await page.locator('#lab').scrollIntoViewIfNeeded()
  await shot('cache-lab-1500-1280x800', page.locator('#lab'))
  expect(await horizontalOverflow(page)).toBe(0)
  expect(await labViolations(page)).toEqual([])
  expect(consoleErrors).toEqual([])
})

test('new logger every call: misses say why, UNSTABLE_CONFIG shows with its fix; off, it hits', async ({
  page,
  consoleErrors,
  shot,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openPlayground(page)
  const lab = page.getByRole('form', { name: 'Call a client' })
  const callButton = lab.getByRole('button', { name: 'Call client' })
  const calls = page.getByTestId('lab-calls').getByRole('listitem')
  const warning = page.getByTestId('lab-warning')

  await lab.getByLabel('New logger every call').check()
  await expect(lab.getByLabel('The call')).toContainText('logger: { debug: () => {}, … }')
  for (let i = 1; i <= 4; i++) {
    await callButton.click()
    await expect(calls).toHaveCount(i)
    await expect(calls.first()).toContainText('miss')
    // Each call's logger is new: the key differs from the previous call's only there (the
    // first call's nearest entry is the app's own client, which has no logger).
    await expect(calls.first().getByTestId('lab-cause')).toHaveText(
      i === 1
        ? 'differs from S3Client · us-east-1 in logger'
        : 'differs from S3Client · us-east-1, logger: {…} in logger',
    )
    // The warning comes with the third miss that differs only by identity (the first differs
    // from the app's client, which has no logger at all: a real difference).
    if (i < 4) await expect(warning).toHaveCount(0)
  }
  await expect(page.getByTestId('lab-last')).toHaveText(
    'S3Client in us-east-1: miss, built a new client',
  )

  await expect(warning).toBeVisible()
  await expect(warning).toContainText('UNSTABLE_CONFIG')
  await expect(warning).toContainText('S3Client never hits: config.logger is new on every call')
  await expect(warning.getByTestId('lab-warning-count')).toHaveText('3 misses')
  // The session's own message carries its advice in development (Vite replaces
  // process.env.NODE_ENV in the page; production builds keep only the code, class and path).
  await expect(warning.getByTestId('lab-warning-message')).toHaveText(
    /^aws-client-cache: S3Client missed the cache 3 times because config\.logger is a new object or function on every call.*Create it once and reuse it/,
  )
  await expect(warning).toContainText('How to fix it')
  await expect(warning.getByLabel('How to fix config.logger')).toContainText(
    'new Session({ region, clientConfig: { logger } })',
  )
  await expect(page.getByTestId('lab-events')).toContainText(
    'UNSTABLE_CONFIG S3Client config.logger',
  )

  await page.locator('#lab').scrollIntoViewIfNeeded()
  expect(await horizontalOverflow(page)).toBe(0)
  await shot('cache-lab-warning-1280x800', page.locator('#lab'))
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(warning).toBeVisible()
  expect(await horizontalOverflow(page)).toBe(0)
  await shot('cache-lab-warning-390x844', page.locator('#lab'))
  expect(await labViolations(page)).toEqual([])

  // Off: the same config every call. The app's own client (no logger) was evicted to make room
  // for the loggers' clients, so the first call says so; the next one hits.
  await lab.getByLabel('New logger every call').uncheck()
  await callButton.click()
  await expect(calls.first().getByTestId('lab-cause')).toHaveText(
    'evicted (capacity: the cache was full): this very config was cached before',
  )
  await callButton.click()
  await expect(page.getByTestId('lab-last')).toHaveText(
    'S3Client in us-east-1: hit, the cached client',
  )
  await expect(calls.first()).toHaveText(/^hit/)
  await callButton.click()
  await expect(calls.nth(1)).toHaveText(/^hit/)
  await expect(calls.first()).toHaveText(/^hit/)
  // The snapshot still lists the warning: it is about what happened.
  await expect(warning.getByTestId('lab-warning-count')).toHaveText('3 misses')
  expect(consoleErrors).toEqual([])
})

test('the page says what the package does; the comparison shows its last result on load', async ({
  page,
  consoleErrors,
  shot,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await openPlayground(page)
  await expect(page.getByTestId('intro')).toHaveText(
    /^aws-client-cache gives your app one AWS SDK v3 client per distinct config/,
  )
  await expect(page.getByTestId('compare-when')).toContainText('Not run yet in this browser')

  const compare = page.locator('#compare')
  await compare.getByLabel('Requests (N)').fill('3')
  await compare.getByRole('button', { name: 'Run comparison' }).click()
  await expect(page.getByTestId('compare-status')).toHaveText(/^Done/, { timeout: 60_000 })
  await expect(page.getByTestId('compare-when')).toHaveText(/^Ran .*, N = 3\.$/)
  await expect(page.getByTestId('naive-clients')).toHaveText('3')

  // On the next visit, the table shows that run, labelled with when it ran.
  await page.reload()
  await expect(page.getByTestId('s3-summary')).toContainText('objects')
  await expect(page.getByTestId('compare-when')).toHaveText(
    /^Last run .*, N = 3 \(kept from an earlier visit; run again to refresh it\)\.$/,
  )
  await expect(page.getByTestId('naive-clients')).toHaveText('3')
  await expect(page.getByTestId('cached-clients')).toHaveText('1')
  await expect(page.getByTestId('naive-get-credentials')).toHaveText('3')
  await expect(page.getByTestId('cached-get-credentials')).toHaveText('1')
  await expect(page.getByTestId('compare-status')).toHaveText('')
  await expect(compare.getByLabel('Requests (N)')).toHaveValue('3')

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.evaluate(() => window.scrollTo(0, 0))
    expect(await horizontalOverflow(page)).toBe(0)
    await shot(`intro-${width}x${height}`, page, { fullPage: false })
    await shot(`compare-restored-${width}x${height}`, compare)
  }
  expect(consoleErrors).toEqual([])
})
