/**
 * The devtools panel, mounted in the playground: opened from its button, updated live by what the
 * app does, every action working, accessible, and never showing the credentials the sandbox
 * issued (read from the network), shadow roots included.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import {
  captureSecrets,
  expect,
  expectNoIssuedCredential,
  openPlayground,
  test,
  wholeDom,
} from './fixtures.js'

/** The devtools' own violations: every impact, the panel's shadow root included. */
async function devtoolsViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).include('[data-aws-client-cache-devtools]').analyze()
  return axe.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

/** The whole page's serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze()
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`)
}

/** Axe finds nothing in the devtools, and (with `wholePage`) nothing serious on the page. */
async function expectAccessible(page: Page, { wholePage = true } = {}): Promise<void> {
  expect(await devtoolsViolations(page)).toEqual([])
  if (wholePage) expect(await seriousViolations(page)).toEqual([])
}

/** Fails unless `locator` lies wholly inside the viewport (nothing clipped). */
async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox()
  const size = page.viewportSize()
  expect(box, 'has a box').not.toBeNull()
  expect(size).not.toBeNull()
  const { x, y, width, height } = box!
  expect(x).toBeGreaterThanOrEqual(0)
  expect(y).toBeGreaterThanOrEqual(0)
  expect(x + width).toBeLessThanOrEqual(size!.width + 0.5)
  expect(y + height).toBeLessThanOrEqual(size!.height + 0.5)
}

/** Calls the cache lab's client once per region. */
async function callLab(page: Page, regions: string[]): Promise<void> {
  const lab = page.getByRole('form', { name: 'Call a client' })
  for (const region of regions) {
    await lab.getByLabel('Region').selectOption(region)
    await lab.getByRole('button', { name: 'Call client' }).click()
  }
}

/**
 * Makes the playground's session miss four times on a client whose config carries a new logger on
 * every call: the third of the misses that differ only there raises `UNSTABLE_CONFIG`. The page
 * offers no such button, so the test imports the app's own session module from the dev server
 * (the same module instance the app uses).
 */
async function unstableConfig(page: Page): Promise<{ sessionId: string; warnings: number }> {
  return page.evaluate(async () => {
    const load = (path: string) => import(path)
    const { session } = await load('/src/aws.ts')
    class LabClient {
      constructor(readonly config: unknown) {}
      send() {
        return Promise.resolve({})
      }
      destroy() {}
    }
    for (let i = 0; i < 4; i++) {
      session.client(LabClient, { region: 'us-east-1', logger: { debug: () => {} } })
    }
    const snapshot = session.snapshot()
    return { sessionId: snapshot.id, warnings: snapshot.warnings.length }
  })
}

// Tall enough that the whole playground (identity panel included) stays above the docked panel.
test.use({ viewport: { width: 1440, height: 3200 } })

test('the devtools panel shows the cache live, acts on it, and shows no secret', async ({
  page,
  consoleErrors,
  shot,
}) => {
  // Some twenty actions, an axe scan and a DOM scan: within a minute, also on a busy machine.
  test.setTimeout(60_000)
  const issued = captureSecrets(page).credentials
  await openPlayground(page)
  await page.getByRole('button', { name: /devtools/i }).click()
  const panel = page.getByRole('region', { name: 'aws-client-cache devtools' })
  await expect(panel).toBeVisible()
  await shot('09-devtools-open')

  // Work done in the app appears in the panel as it happens.
  const lab = page.getByRole('form', { name: 'Call a client' })
  await lab.getByLabel('maxSize').fill('2')
  for (const region of ['eu-west-1', 'eu-west-1', 'ap-northeast-1', 'sa-east-1']) {
    await lab.getByLabel('Region').selectOption(region)
    await lab.getByRole('button', { name: 'Call client' }).click()
  }
  const lruTab = panel.getByRole('tab', { name: /client · LRU/ })
  await expect(lruTab).toContainText('2 / 2')
  await expect(panel.getByRole('listitem').filter({ hasText: "region: 'sa-east-1'" })).toHaveCount(
    1,
  )
  await expect(panel.getByRole('listitem').filter({ hasText: "region: 'eu-west-1'" })).toHaveCount(
    0,
  )
  await shot('10-devtools-live')

  // Evict one entry.
  await panel.getByRole('button', { name: /^Evict S3Client\(.*ap-northeast-1/ }).click()
  await expect(lruTab).toContainText('1 / 2')

  // Change maxSize.
  await panel.getByLabel('max size').fill('5')
  await panel.getByRole('button', { name: 'Apply' }).click()
  await expect(lruTab).toContainText('1 / 5')

  // The timeline has the evictions with their reasons.
  await panel.getByRole('tab', { name: /Timeline/ }).click()
  await expect(panel.getByText('reason: capacity').first()).toBeVisible()
  await expect(panel.getByText('reason: delete').first()).toBeVisible()
  await shot('11-devtools-timeline')

  // Clear the cache.
  await panel.getByRole('tab', { name: 'Caches' }).click()
  await panel.getByRole('button', { name: 'Clear client LRU cache' }).click()
  await expect(lruTab).toContainText('0 / 5')

  // Focus stayed on the Clear button (now disabled), not on <body>.
  await expect(panel.getByRole('button', { name: 'Clear client LRU cache' })).toBeFocused()

  // Accessible: no violation in the panel's shadow root, nothing serious on the page.
  await expectAccessible(page)

  // No credential the sandbox issued appears anywhere on the page.
  await expect.poll(() => issued.length).toBeGreaterThan(0)
  const page_ = await wholeDom(page)
  expectNoIssuedCredential(page_, issued)
  expect(consoleErrors).toEqual([])
})

for (const { width, height } of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  const size = `${width}x${height}`

  test.describe(`at ${size}`, () => {
    test.use({ viewport: { width, height } })

    test('every view is usable and accessible: closed, caches, detail, warnings, timeline', async ({
      page,
      consoleErrors,
      shot,
    }) => {
      // Six views, each scanned by axe: within a minute and a half, also on a busy machine.
      test.setTimeout(90_000)
      const issued = captureSecrets(page).credentials
      await openPlayground(page)
      const toggle = page.getByRole('button', { name: 'Open aws-client-cache devtools' })
      await expectInViewport(page, toggle)

      // Work done before the panel is ever opened is in its timeline.
      await callLab(page, ['eu-west-1', 'eu-west-1', 'ap-northeast-1'])
      await expect(page.getByTestId('lab-last')).toContainText('ap-northeast-1')
      await expectAccessible(page)
      await shot(`devtools-${size}-1-closed`, page, { fullPage: false })

      await toggle.click()
      const panel = page.getByRole('region', { name: 'aws-client-cache devtools' })
      await expect(panel).toBeVisible()
      await expect(panel.getByRole('tab', { name: /Timeline/ })).not.toHaveText('Timeline (0)')

      // Header, tabs and toolbar leave room for entries; nothing is clipped.
      const close = panel.getByRole('button', { name: 'Close devtools' })
      await expectInViewport(page, close)
      await expectInViewport(page, panel.getByRole('button', { name: /^Theme: / }))
      const firstEntry = panel.getByRole('button', { name: /^Details of S3Client/ }).first()
      await expectInViewport(page, firstEntry)
      await expectInViewport(page, panel.getByRole('button', { name: 'Clear client LRU cache' }))
      await expectAccessible(page)
      await shot(`devtools-${size}-2-caches`, page, { fullPage: false })

      // The page scrolls its last content clear of the docked panel.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      const footer = page.locator('footer.app-footer')
      const dock = await panel.boundingBox()
      await expect
        .poll(async () => (await footer.boundingBox())!.y + (await footer.boundingBox())!.height)
        .toBeLessThanOrEqual(dock!.y)
      await shot(`devtools-${size}-3-page-bottom`, page, { fullPage: false })

      // The detail view: opened from an entry, keyboard operable.
      await firstEntry.focus()
      await page.keyboard.press('Enter')
      const detail = panel.getByRole('region', { name: /^S3Client\(/ })
      await expect(detail).toBeVisible()
      await expect(panel.getByRole('button', { name: 'Back to entries' })).toBeFocused()
      await expect(detail.getByText('Why it was created')).toBeVisible()
      await expect(detail.locator('.cause')).toHaveText(/^(New|Differs in config\.region)/)
      await expectAccessible(page, { wholePage: false })
      await shot(`devtools-${size}-4-detail`, page, { fullPage: false })
      await page.keyboard.press('Escape')
      await expect(detail).toBeHidden()
      await expect(firstEntry).toBeFocused()

      // An unstable config: the header's badge, its list, and the timeline's warning.
      const unstable = await unstableConfig(page)
      expect(unstable.warnings).toBe(1)
      // The app's own session (the one the panel shows), not a second copy of its module.
      await expect(panel.getByTitle('Session id')).toContainText(unstable.sessionId)
      const badge = panel.getByRole('button', { name: /^1 warning: LabClient config\.logger$/ })
      await expectInViewport(page, badge)
      await badge.click()
      const warnings = panel.getByRole('region', { name: 'Unstable configs' })
      await expect(warnings).toContainText('LabClient config.logger')
      await expectAccessible(page, { wholePage: false })
      await shot(`devtools-${size}-5-warnings`, page, { fullPage: false })
      await warnings.getByRole('button', { name: 'Hide' }).click()
      await expect(badge).toBeFocused()

      await panel.getByRole('tab', { name: /Timeline/ }).click()
      await expect(
        panel.getByText('UNSTABLE_CONFIG: LabClient config.logger, 3 misses'),
      ).toBeVisible()
      await expect(panel.getByText('differs in config.logger').first()).toBeVisible()
      const clearTimeline = panel.getByRole('button', { name: 'Clear timeline' })
      await expectInViewport(page, clearTimeline)
      await expectInViewport(page, panel.getByRole('listitem').first())
      await expectAccessible(page, { wholePage: false })
      await shot(`devtools-${size}-6-timeline`, page, { fullPage: false })

      await clearTimeline.click()
      await expect(panel.getByText('No events yet.')).toBeVisible()
      await expect(clearTimeline).toBeFocused()

      await close.click()
      await expect(toggle).toBeFocused()
      await expectInViewport(page, toggle)

      const dom = await wholeDom(page)
      await expect.poll(() => issued.length).toBeGreaterThan(0)
      expectNoIssuedCredential(dom, issued)
      expect(consoleErrors).toEqual([])
    })
  })
}
