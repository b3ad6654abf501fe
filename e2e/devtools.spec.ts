/**
 * The devtools panel, mounted in the playground: opened from its button, updated live by what the
 * app does, every action working, accessible, and never showing the credentials the sandbox
 * issued (read from the network), shadow roots included.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, openPlayground, test } from './fixtures.js'

interface IssuedCredentials {
  AccessKeyId: string
  SecretKey: string
  SessionToken: string
}

/** Every GetCredentialsForIdentity answer the page receives. */
function captureIssuedCredentials(page: Page): IssuedCredentials[] {
  const issued: IssuedCredentials[] = []
  page.on('response', async (response) => {
    if (response.request().headers()['x-amz-target']?.endsWith('.GetCredentialsForIdentity')) {
      const body = (await response.json()) as { Credentials?: IssuedCredentials }
      if (body.Credentials) issued.push(body.Credentials)
    }
  })
  return issued
}

/** The whole DOM as HTML and text, open shadow roots included. */
async function everything(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = []
    const walk = (root: Document | ShadowRoot): void => {
      parts.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML)
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) walk(element.shadowRoot)
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
          parts.push(element.value)
        }
      }
    }
    walk(document)
    return parts.join('\n')
  })
}

// Tall enough that the whole playground stays above the docked panel.
test.use({ viewport: { width: 1440, height: 2600 } })

test('the devtools panel shows the cache live, acts on it, and shows no secret', async ({
  page,
  consoleErrors,
  shot,
}) => {
  const issued = captureIssuedCredentials(page)
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

  // Accessible: no serious or critical violation, the panel's shadow root included.
  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([])

  // No credential the sandbox issued appears anywhere on the page.
  await expect.poll(() => issued.length).toBeGreaterThan(0)
  const page_ = await everything(page)
  for (const credentials of issued) {
    for (const secret of [
      credentials.AccessKeyId,
      credentials.SecretKey,
      credentials.SessionToken,
    ]) {
      expect(page_).not.toContain(secret)
    }
  }
  expect(consoleErrors).toEqual([])
})
