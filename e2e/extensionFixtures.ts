/**
 * Helpers for the browser-extension e2e test: builds the extension, launches Chromium with it
 * loaded (a persistent context, the only kind that takes extensions, in the new headless mode),
 * finds its service worker and tab ids, stops the worker through the DevTools protocol, and
 * serves a page on another origin (for an iframe) whose script creates a real session.
 */
import { execFileSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, Page, Worker } from '@playwright/test'
import { chromium } from '@playwright/test'
import { build } from 'esbuild'
import { CHROMIUM_ARGS, resolveChromium } from '../scripts/chromium.js'

const root = fileURLToPath(new URL('..', import.meta.url))
export const EXTENSION_DIR = fileURLToPath(new URL('../extension/dist/chrome', import.meta.url))

/** `npm run build:extension` without the lint (about a second). */
export function buildExtension(): void {
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../extension/build.mjs', import.meta.url))],
    {
      cwd: root,
      stdio: 'pipe',
    },
  )
}

export interface ExtensionBrowser {
  readonly context: BrowserContext
  readonly extensionId: string
  /** The service worker as it runs now (a new one after {@link stopWorker}). */
  worker(): Promise<Worker>
}

export async function launchWithExtension(viewport: {
  width: number
  height: number
}): Promise<ExtensionBrowser> {
  const context = await chromium.launchPersistentContext('', {
    headless: true,
    executablePath: resolveChromium().executablePath,
    viewport,
    args: [
      ...CHROMIUM_ARGS,
      // Chromium 137+ ignores --load-extension unless this feature is off.
      '--disable-features=DisableLoadExtensionCommandLineSwitch',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  })
  const worker = async (): Promise<Worker> => {
    const running = context
      .serviceWorkers()
      .filter((w) => w.url().startsWith('chrome-extension://'))
    return running.at(-1) ?? (await context.waitForEvent('serviceworker'))
  }
  const extensionId = new URL((await worker()).url()).host
  return { context, extensionId, worker }
}

/** The browser's tab id of `page`: the tab that appeared when it opened. */
export async function tabIdOf(
  browser: ExtensionBrowser,
  open: () => Promise<Page>,
): Promise<{ page: Page; tabId: number }> {
  const ids = async () =>
    (await browser.worker()).evaluate(async () => {
      // The extension has no `tabs` permission: ids, no URLs, which is all this needs.
      const { chrome } = globalThis as unknown as {
        chrome: { tabs: { query(query: object): Promise<{ id?: number }[]> } }
      }
      return (await chrome.tabs.query({})).map((tab) => tab.id ?? -1)
    })
  const before = new Set(await ids())
  const page = await open()
  const fresh = (await ids()).filter((id) => !before.has(id))
  if (fresh.length !== 1) throw new Error(`Expected one new tab, got ${fresh.length}`)
  return { page, tabId: fresh[0]! }
}

/** Stops the extension's service worker (`Target.closeTarget`), as the browser does when idle. */
export async function stopWorker(browser: ExtensionBrowser, via: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(via)
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[]
  }
  const target = targetInfos.find(
    (t) =>
      t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`),
  )
  if (target === undefined) throw new Error('The extension’s service worker is not running')
  await cdp.send('Target.closeTarget', { targetId: target.targetId })
  await cdp.detach()
}

/**
 * A page on its own origin (a free port) whose script creates a development-build session with
 * one cached client: the iframe of the test. `window.addFrameSession()` creates another (and
 * returns its id).
 */
export async function serveFramePage(): Promise<{ url: string; close(): Promise<void> }> {
  const bundle = await build({
    stdin: {
      contents: `
        import { Session } from './src/index.ts'
        class FrameClient {
          constructor(config) { this.config = config }
          send() { return Promise.resolve({}) }
          destroy() {}
        }
        const sessions = []
        const addFrameSession = () => {
          const session = new Session({ region: 'eu-central-1' })
          sessions.push(session)
          session.client(FrameClient, { region: 'eu-central-1' })
          return session.snapshot().id
        }
        document.body.dataset.sessionId = addFrameSession()
        window.addFrameSession = addFrameSession
      `,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  })
  const script = bundle.outputFiles[0]!.text
  const server: Server = createServer((request, response) => {
    if (request.url === '/frame.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script)
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>frame</title><body><script src="/frame.js"></script></body>')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/frame.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
