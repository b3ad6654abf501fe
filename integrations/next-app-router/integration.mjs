/**
 * next-app-router: Next.js 16 (Turbopack) with the App Router. A server component and a route
 * handler use the core; the page renders `<SessionProvider config>` (a server component passing a
 * serializable config) around a client component with `useClient(S3Client)` that lists the bucket
 * from the browser; `<ClientCacheDevtools />` shows in `next dev` and is absent from the build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { visit } from '../lib/browser.mjs'
import { DEVTOOLS_TEXTS, devtoolsIn } from '../vite-react/integration.mjs'

const TITLE = 'Next.js App Router + aws-client-cache'
const SERVER_TEXT = 'Server component: 4 objects in aws-client-cache-demo'
const CLIENT_TEXT = 'Browser: useClient(S3Client)'

/** Every file under `dir`. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map((file) => join(dir, file))
    .filter((path) => statSync(path).isFile())
}

/** A page's HTML as text: React's `<!-- -->` separators between adjacent texts removed. */
const htmlText = (html) => html.replace(/<!-- -->/g, '')

/** The devtools' toggle button (inside their shadow root: Playwright's CSS locators pierce it). */
const TOGGLE = '[data-aws-client-cache-devtools] [aria-label="Open aws-client-cache devtools"]'

/**
 * The devtools as the page has them, after opening the panel (when there is one) and waiting for
 * it to list the provider session's S3Client.
 */
async function openDevtools(page) {
  const toggle = page.locator(TOGGLE)
  if ((await toggle.count()) > 0) {
    await toggle.click()
    await page
      .locator('[data-aws-client-cache-devtools]')
      .getByText('S3Client')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => {})
  }
  return devtoolsIn(page)
}

/** Checks the page in Chromium; resolves with what the devtools look like there. */
async function checkBrowser({ check }, label, url) {
  const page = await visit(url, {
    waitForText: 'hello.txt',
    timeoutMs: 60_000,
    inspect: openDevtools,
  })
  const errors = [...page.consoleErrors, ...page.pageErrors, ...page.failedRequests]
  check(
    `${label}: hydrates and lists the bucket from the browser (useClient → S3 via Cognito)`,
    !page.waitError && page.text.includes(SERVER_TEXT) && page.text.includes('hello.txt'),
    `${page.waitError?.message ?? ''}\npage text: ${page.text.slice(0, 500)}\nerrors: ${errors.join('\n')}`,
  )
  check(
    `${label}: no console errors (hydration included), no page errors, no failed requests`,
    errors.length === 0,
    errors.join('\n'),
  )
  return page.inspected
}

export default {
  description:
    'Next.js 16 App Router: RSC + route handler on the core, SessionProvider config, devtools in dev only',
  sandbox: true,
  ports: ['start', 'dev'],

  async build({ run, dir, check, note }) {
    const { output } = await run('next', ['build'], { timeoutMs: 400_000 })
    const warnings = output.split('\n').filter((line) => /⚠|warn/i.test(line))
    note(`next build: ${warnings.length ? warnings.join(' / ') : 'no warnings'}`)
    const serverCode = filesUnder(join(dir, '.next', 'server'))
      .filter((path) => path.endsWith('.js'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n')
    check(
      'Turbopack keeps the optional peer a run-time import("@aws-sdk/credential-providers") in the server build (turbopackIgnore)',
      serverCode.includes('import("@aws-sdk/credential-providers")'),
    )
    const staticDir = join(dir, '.next', 'static')
    const chunks = filesUnder(staticDir).filter((path) => path.endsWith('.js'))
    const code = chunks.map((path) => readFileSync(path, 'utf8')).join('\n')
    note(`.next/static: ${chunks.length} JavaScript files, ${code.length} bytes`)
    check('the browser chunks contain the client component', code.includes(CLIENT_TEXT))
    const found = DEVTOOLS_TEXTS.filter((text) => code.includes(text))
    check(
      'no devtools text in the production browser chunks (.next/static)',
      found.length === 0,
      `found ${found.join(', ')} in ${chunks
        .filter((path) => found.some((text) => readFileSync(path, 'utf8').includes(text)))
        .map((path) => relative(dir, path))
        .join(', ')}`,
    )
  },

  async run(context) {
    const { server, ports, sandbox, check, waitForHttp } = context
    const env = { SANDBOX: sandbox.json }

    const start = server('next', ['start', '-p', String(ports.start), '-H', '127.0.0.1'], { env })
    const origin = `http://127.0.0.1:${ports.start}`
    await waitForHttp(`${origin}/api/objects`, { status: 200, server: start, timeoutMs: 60_000 })

    const html = htmlText(await (await fetch(`${origin}/`)).text())
    check(
      `next start: the HTML is rendered on the server ("${SERVER_TEXT}", the client component's "Listing…")`,
      html.includes(TITLE) &&
        html.includes(SERVER_TEXT) &&
        html.includes(CLIENT_TEXT) &&
        html.includes('Listing…'),
      `HTML: ${html.slice(0, 800)}`,
    )

    const first = await (await fetch(`${origin}/api/objects`)).json()
    const second = await (await fetch(`${origin}/api/objects`)).json()
    check(
      'route handler /api/objects answers the keys through the core, reusing one S3 client',
      second.keys?.includes(`${sandbox.prefix}hello.txt`) &&
        second.stats.creates === 1 &&
        second.stats.hits > first.stats.hits,
      `first ${JSON.stringify(first)}, second ${JSON.stringify(second)}`,
    )

    const inProduction = await checkBrowser(context, 'next start', `${origin}/`)
    check(
      'next start: no devtools element in the page',
      inProduction.hosts === 0,
      `found ${inProduction.hosts}: ${inProduction.text.slice(0, 300)}`,
    )
    await start.stop()

    const dev = server('next', ['dev', '-p', String(ports.dev), '-H', '127.0.0.1'], { env })
    const devOrigin = `http://127.0.0.1:${ports.dev}`
    await waitForHttp(`${devOrigin}/`, { status: 200, server: dev, timeoutMs: 120_000 })
    const inDev = await checkBrowser(context, 'next dev', `${devOrigin}/`)
    check(
      "next dev: the devtools are mounted; opened, they list the provider session's S3Client",
      inDev.hosts === 1 && inDev.text.includes('S3Client'),
      `found ${inDev.hosts} element(s), text: ${inDev.text.slice(0, 300)}`,
    )
  },
}
