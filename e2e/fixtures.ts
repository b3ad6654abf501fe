/**
 * Shared fixtures: console-error capture, the sandbox's counters, and screenshots saved under
 * test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { test as base, expect } from '@playwright/test'

export { expect }

const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url))

export interface SandboxStats {
  GetId: number
  GetCredentialsForIdentity: number
  s3Requests: number
}

interface Fixtures {
  /** Console errors and uncaught exceptions of the page, as they happen. */
  consoleErrors: string[]
  /** The sandbox's counters (`GET /__sandbox/stats` on the dev server). */
  stats: () => Promise<SandboxStats>
  /** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
  shot: (name: string, target?: Page) => Promise<void>
}

export const test = base.extend<Fixtures>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`))
    await use(errors)
  },
  stats: async ({ request }, use) => {
    await use(async () => {
      const response = await request.get('/__sandbox/stats')
      expect(response.ok()).toBe(true)
      return (await response.json()) as SandboxStats
    })
  },
  shot: async ({ page }, use) => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    await use(async (name, target = page) => {
      await target.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true })
    })
  },
})

/** The keys the S3 browser lists, in order. */
export async function listedKeys(page: Page): Promise<string[]> {
  return page
    .getByTestId('object-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key') ?? ''))
}

/** Opens the playground and waits until the bucket is listed. */
export async function openPlayground(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByTestId('s3-summary')).toContainText('objects')
}
