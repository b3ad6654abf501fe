/**
 * Shared fixtures: console-error capture, the sandbox's counters, and screenshots saved under
 * test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from '@playwright/test'
import { test as base, expect } from '@playwright/test'

export { expect }

const SCREENSHOTS = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url))

export interface SandboxStats {
  GetId: number
  GetCredentialsForIdentity: number
  InitiateAuth: number
  s3Requests: number
  /** S3 requests per Cognito identity id. */
  s3RequestsByIdentity: Record<string, number>
}

interface Fixtures {
  /** Console errors and uncaught exceptions of the page, as they happen. */
  consoleErrors: string[]
  /** The sandbox's counters (`GET /__sandbox/stats` on the dev server). */
  stats: () => Promise<SandboxStats>
  /**
   * Saves a screenshot as test-results/screenshots/<name>.png: the full page (or only the
   * viewport, with `fullPage: false`), or one element when `target` is a locator.
   */
  shot: (name: string, target?: Page | Locator, options?: { fullPage?: boolean }) => Promise<void>
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
    await use(async (name, target = page, { fullPage = true } = {}) => {
      const path = `${SCREENSHOTS}${name}.png`
      if ('goto' in target) await target.screenshot({ path, fullPage })
      else await target.screenshot({ path })
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

/** What the identity pool issued (a `GetCredentialsForIdentity` answer's `Credentials`). */
export interface IssuedCredentials {
  AccessKeyId: string
  SecretKey: string
  SessionToken: string
}

/**
 * Collects, as the page receives them, every key pair the identity pool issues and every ID token
 * the user pool issues (`InitiateAuth`): what must never show in the page.
 */
export function captureSecrets(page: Page): {
  credentials: IssuedCredentials[]
  idTokens: string[]
} {
  const captured = { credentials: [] as IssuedCredentials[], idTokens: [] as string[] }
  page.on('response', async (response) => {
    const target = response.request().headers()['x-amz-target'] ?? ''
    if (target.endsWith('.GetCredentialsForIdentity')) {
      const body = (await response.json()) as { Credentials?: IssuedCredentials }
      if (body.Credentials) captured.credentials.push(body.Credentials)
    } else if (target.endsWith('.InitiateAuth')) {
      const body = (await response.json()) as { AuthenticationResult?: { IdToken?: string } }
      const idToken = body.AuthenticationResult?.IdToken
      if (idToken !== undefined) captured.idTokens.push(idToken)
    }
  })
  return captured
}

/** Fails if `text` holds any part of an issued key pair: access key id, secret, session token. */
export function expectNoIssuedCredential(text: string, issued: readonly IssuedCredentials[]): void {
  for (const credentials of issued) {
    for (const secret of [
      credentials.AccessKeyId,
      credentials.SecretKey,
      credentials.SessionToken,
    ]) {
      expect(text).not.toContain(secret)
    }
  }
}

/** The whole DOM as HTML and text (form values and open shadow roots included). */
export async function wholeDom(page: Page): Promise<string> {
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

/** How far the page scrolls sideways (0 when nothing overflows the viewport's width). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
}
