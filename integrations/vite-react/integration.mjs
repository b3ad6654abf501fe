/**
 * vite-react: a Vite + React page with `useClient` and `<ClientCacheDevtools />`. The production
 * build leaves the devtools out entirely; the dev server shows them; both pages list the sandbox
 * bucket in Chromium without a console error.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { visit } from '../lib/browser.mjs'

/** Texts only the devtools panel has (its toggle button, its panel, its host element). */
export const DEVTOOLS_TEXTS = [
  'Open aws-client-cache devtools',
  'Resize devtools',
  'No events yet.',
  'data-aws-client-cache-devtools',
]
const DEVTOOLS_HOST = '[data-aws-client-cache-devtools]'
const APP_TEXT = 'Vite + React + aws-client-cache'

/**
 * Checks a page that lists the bucket: rendered, no errors, one client. Resolves with what
 * `inspect(page)` returned.
 */
async function checkPage({ check }, label, url, inspect) {
  const page = await visit(url, { waitForText: 'hello.txt', inspect })
  check(
    `${label}: renders and lists the bucket (hello.txt) through useClient(S3Client)`,
    !page.waitError && page.text.includes(APP_TEXT),
    `${page.waitError?.message ?? ''}\npage text: ${page.text.slice(0, 500)}\nerrors: ${[...page.pageErrors, ...page.consoleErrors].join('\n')}`,
  )
  check(
    `${label}: no console errors, no page errors, no failed requests`,
    page.consoleErrors.length + page.pageErrors.length + page.failedRequests.length === 0,
    [...page.consoleErrors, ...page.pageErrors, ...page.failedRequests].join('\n'),
  )
  check(
    `${label}: the session built 1 client ("Clients built: 1")`,
    page.text.includes('Clients built: 1'),
    `page text: ${page.text.slice(0, 500)}`,
  )
  return page.inspected
}

/** The devtools as the page has them: their host elements and the text of their shadow roots. */
export function devtoolsIn(page) {
  return page.evaluate((selector) => {
    const hosts = [...document.querySelectorAll(selector)]
    const text = hosts.map((host) => {
      const root = host.shadowRoot ?? host
      const labels = [...root.querySelectorAll('[aria-label]')].map((el) => el.ariaLabel)
      return `${labels.join(' | ')}\n${root.textContent}`
    })
    return { hosts: hosts.length, text: text.join('\n').trim() }
  }, DEVTOOLS_HOST)
}

export default {
  description: 'Vite 8 + React 19: useClient, devtools only in development',
  sandbox: true,
  ports: ['preview', 'dev'],

  async build({ run, dir, sandbox, check, note }) {
    await run('vite', ['build'], { env: { VITE_SANDBOX: sandbox.json } })
    const assets = join(dir, 'dist', 'assets')
    const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'))
    const code = scripts.map((file) => readFileSync(join(assets, file), 'utf8')).join('\n')
    note(`production JavaScript: ${scripts.length} file(s), ${code.length} bytes`)
    check('production build contains the app', code.includes(APP_TEXT))
    const found = DEVTOOLS_TEXTS.filter((text) => code.includes(text))
    check(
      `production build contains none of the devtools' texts (${DEVTOOLS_TEXTS.map((t) => `"${t}"`).join(', ')})`,
      found.length === 0,
      `found: ${found.join(', ')}`,
    )
  },

  async run(context) {
    const { server, ports, sandbox, check, waitForHttp } = context
    const env = { VITE_SANDBOX: sandbox.json }

    const preview = server('vite', ['preview', '--port', String(ports.preview)], { env })
    const previewUrl = `http://127.0.0.1:${ports.preview}/`
    await waitForHttp(previewUrl, { status: 200, server: preview })
    const inProduction = await checkPage(
      context,
      'vite preview (production)',
      previewUrl,
      devtoolsIn,
    )
    check(
      'vite preview (production): no devtools element in the page',
      inProduction.hosts === 0,
      `found ${inProduction.hosts}: ${inProduction.text.slice(0, 300)}`,
    )
    await preview.stop()

    const dev = server('vite', ['--port', String(ports.dev)], { env })
    const devUrl = `http://127.0.0.1:${ports.dev}/`
    await waitForHttp(devUrl, { status: 200, server: dev })
    const inDev = await checkPage(context, 'vite dev', devUrl, devtoolsIn)
    check(
      'vite dev: the devtools are mounted (their element, with the panel open)',
      inDev.hosts === 1 && inDev.text.length > 0,
      `found ${inDev.hosts} element(s), text: ${inDev.text.slice(0, 300)}`,
    )
    check(
      "vite dev: the devtools panel shows the page's S3Client entry",
      inDev.text.includes('S3Client'),
      `devtools text: ${inDev.text.slice(0, 500)}`,
    )
  },
}
