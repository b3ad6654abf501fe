/**
 * The browser DevTools extension, loaded unpacked in Chromium (headless), against the playground:
 * its panel page, opened as a tab with `?tabId=`, shows the page's sessions and their events
 * live, acts on them, re-attaches after a reload and after the service worker is stopped, keeps
 * tabs apart, names an iframe's origin, passes axe, and shows no credential the sandbox issued.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import {
  captureSecrets,
  expect,
  expectNoIssuedCredential,
  openPlayground,
  test,
  wholeDom,
} from './fixtures.js'
import {
  buildExtension,
  launchWithExtension,
  serveFramePage,
  stopWorker,
  tabIdOf,
  type ExtensionBrowser,
} from './extensionFixtures.js'

const VIEWPORT = { width: 1440, height: 900 }
const DOCS = fileURLToPath(new URL('../docs/', import.meta.url))

let browser: ExtensionBrowser
let framePage: Awaited<ReturnType<typeof serveFramePage>>

test.beforeAll(async () => {
  buildExtension()
  browser = await launchWithExtension(VIEWPORT)
  framePage = await serveFramePage()
})
test.afterAll(async () => {
  await browser?.context.close()
  await framePage?.close()
})

/** The id of the playground's own session (the one its lab calls go through). */
function appSessionId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const load = (path: string) => import(path)
    const { session } = await load('/src/aws.ts')
    return session.snapshot().id as string
  })
}

/** The number of entries in the playground session's client LRU cache, read in the page. */
function appLruSize(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const load = (path: string) => import(path)
    const { session } = await load('/src/aws.ts')
    return session.snapshot().caches.client.LRU.size as number
  })
}

/** The regions of the playground session's client LRU entries, read in the page. */
function appRegions(page: Page): Promise<(string | null)[]> {
  return page.evaluate(async () => {
    const load = (path: string) => import(path)
    const { session } = await load('/src/aws.ts')
    const { entries } = session.snapshot().caches.client.LRU as {
      entries: { region: string | null }[]
    }
    return entries.map((entry) => entry.region)
  })
}

async function callLab(page: Page, region: string): Promise<void> {
  const lab = page.getByRole('form', { name: 'Call a client' })
  await lab.getByLabel('Region').selectOption(region)
  await lab.getByRole('button', { name: 'Call client' }).click()
  await expect(page.getByTestId('lab-last')).toContainText(region)
}

test('the extension panel inspects the tab’s sessions live, across reloads and worker restarts', async ({
  baseURL,
}) => {
  test.setTimeout(60_000)
  const { context, extensionId } = browser
  const origin = new URL(baseURL!).origin
  const { page, tabId } = await tabIdOf(browser, async () => {
    const page = await context.newPage()
    await page.goto(baseURL!)
    return page
  })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const issued = captureSecrets(page).credentials
  await page.reload()
  await expect(page.getByTestId('s3-summary'), errors.join('\n')).toContainText('objects')
  const sessionId = await appSessionId(page)

  const panelPage = await context.newPage()
  await panelPage.goto(`chrome-extension://${extensionId}/panel.html?tabId=${tabId}`)
  const picker = panelPage.getByRole('combobox', { name: 'Session' })
  const label = `${origin} · top frame · ${sessionId}`
  await expect(picker.locator('option', { hasText: label })).toHaveCount(1)
  await picker.selectOption({ label })

  // Live: what the page does shows in the panel.
  const lruTab = panelPage.getByRole('tab', { name: /client · LRU/ })
  const before = await appLruSize(page)
  await callLab(page, 'ap-northeast-1')
  await expect(lruTab).toContainText(`${before + 1} / `)

  // An evict in the panel reaches the page.
  await panelPage.getByRole('button', { name: /^Evict S3Client\(.*ap-northeast-1/ }).click()
  await expect.poll(() => appLruSize(page)).toBe(before)
  await expect(lruTab).toContainText(`${before} / `)

  // The timeline has the page's events.
  await panelPage.getByRole('tab', { name: /Timeline/ }).click()
  await expect(panelPage.getByText('reason: delete').first()).toBeVisible()
  await panelPage.getByRole('tab', { name: 'Caches' }).click()

  // An iframe on another origin: its session is listed under its own origin.
  await page.evaluate((url) => {
    const frame = document.createElement('iframe')
    frame.src = url
    frame.title = 'Another origin'
    document.body.append(frame)
  }, framePage.url)
  const frameOrigin = new URL(framePage.url).origin
  await expect(picker.locator('option', { hasText: `${frameOrigin} · frame ` })).toHaveCount(1)

  // A second tab stays apart: its work never shows in this tab's panel.
  const optionsBefore = await picker.locator('option').count()
  const { page: other, tabId: otherTabId } = await tabIdOf(browser, async () => {
    const other = await context.newPage()
    await openPlayground(other)
    return other
  })
  expect(otherTabId).not.toBe(tabId)
  await callLab(other, 'sa-east-1')
  const otherPanel = await context.newPage()
  await otherPanel.goto(`chrome-extension://${extensionId}/panel.html?tabId=${otherTabId}`)
  const otherPicker = otherPanel.getByRole('combobox', { name: 'Session' })
  await expect(
    otherPicker.locator('option', { hasText: `${origin} · top frame · ` }),
  ).not.toHaveCount(0)
  await otherPicker.selectOption({ label: `${origin} · top frame · ${await appSessionId(other)}` })
  await expect(
    otherPanel.getByRole('button', { name: /^Evict S3Client\(.*sa-east-1/ }),
  ).toBeVisible()
  // Absence is asserted only once each panel has shown something positive that happened after
  // the other tab's activity, so that a misrouted message cannot simply not have arrived yet.
  // This tab's iframe registers another session now that the other panel is shown: once this
  // tab's panel lists it, a copy misrouted to the other panel would have arrived too.
  const iframe = page.frames().find((f) => f.url() === framePage.url)!
  await iframe.evaluate(() =>
    (window as unknown as { addFrameSession(): string }).addFrameSession(),
  )
  await expect(picker.locator('option', { hasText: `${frameOrigin} · frame ` })).toHaveCount(2)
  await expect(otherPicker.locator('option', { hasText: frameOrigin })).toHaveCount(0)
  // This tab calls after the other tab's call has reached the other panel: once this tab's
  // panel shows its own call, the other tab's would have been there too had it been misrouted.
  expect(await appRegions(page)).not.toContain('ap-southeast-2')
  await callLab(page, 'ap-southeast-2')
  await expect(
    panelPage.getByRole('button', { name: /^Evict S3Client\(.*ap-southeast-2/ }),
  ).toBeVisible()
  await expect(panelPage.getByRole('button', { name: /^Evict S3Client\(.*sa-east-1/ })).toHaveCount(
    0,
  )
  // Nor does any session of the other tab's: this tab's picker gained the iframe's new one only.
  await expect(picker.locator('option')).toHaveCount(optionsBefore + 1)
  await otherPanel.close()
  await other.close()
  await panelPage.bringToFront()

  // The service worker stopped (as when idle): everything reconnects. How fast is bounded in
  // fake time by extension/src/reconnect.test.ts (at once, resynced within one batch); here it
  // is waited on as state, not against a wall-clock limit, and the time it took is logged.
  await stopWorker(browser, page)
  const stopped = Date.now()
  await callLab(page, 'eu-west-1')
  await expect(
    panelPage.getByRole('button', { name: /^Evict S3Client\(.*eu-west-1/ }),
  ).toBeVisible()
  const recovered = Date.now() - stopped
  console.info(`service worker stopped → panel live again in ${recovered} ms`)

  // A reload clears the page's sessions and attaches the new ones.
  await page.reload()
  await expect(page.getByTestId('s3-summary')).toContainText('objects')
  const reloadedId = await appSessionId(page)
  await picker.selectOption({ label: `${origin} · top frame · ${reloadedId}` })
  await callLab(page, 'us-west-2')
  await expect(
    panelPage.getByRole('button', { name: /^Evict S3Client\(.*us-west-2/ }),
  ).toBeVisible()
  await expect(panelPage.getByRole('button', { name: /^Evict S3Client\(.*eu-west-1/ })).toHaveCount(
    0,
  )

  // Accessible, and a screenshot for the README.
  const axe = await new AxeBuilder({ page: panelPage }).analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  mkdirSync(DOCS, { recursive: true })
  await panelPage.screenshot({ path: `${DOCS}extension-panel.png` })

  // No credential the sandbox issued is anywhere in the panel.
  await expect.poll(() => issued.length).toBeGreaterThan(0)
  const dom = await wholeDom(panelPage)
  expectNoIssuedCredential(dom, issued)
})
