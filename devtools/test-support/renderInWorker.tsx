/**
 * Server rendering where there is no DOM at all: this module runs in a worker (no `window`,
 * `document` or `localStorage`), renders the devtools to strings and posts the HTML back, or the
 * error. (Rendered here rather than beside the test, so the test page loads no second React.)
 */
import { renderToString } from 'react-dom/server'
import { ClientCacheDevtools, ClientCacheDevtoolsPanel } from '../production.js'

try {
  postMessage({
    html: {
      devtools: renderToString(<ClientCacheDevtools initialIsOpen />),
      panel: renderToString(<ClientCacheDevtoolsPanel />),
    },
    globals: {
      window: typeof window,
      document: typeof document,
      localStorage: typeof localStorage,
    },
  })
} catch (error) {
  postMessage({ error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
}
