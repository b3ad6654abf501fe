/**
 * The extension's manifest for each browser, from one description: Manifest V3 for both; Chrome
 * runs the background as a service worker, Firefox as a background script (its MV3 form) and
 * needs a gecko id. No permission, no host permission beyond the content scripts' matches, no
 * `externally_connectable`: pages can reach the extension only through the relay's checks.
 */

/** Store text (Chrome allows at most 132 characters). */
export const DESCRIPTION =
  'Inspect the aws-client-cache sessions of a page in DevTools: cached AWS SDK clients, hits, evictions, live events.'

/** The long description for the store listings. */
export const STORE_DESCRIPTION = `AWS Client Cache DevTools adds a panel to the browser's developer tools that shows every aws-client-cache session of the inspected page, in every frame, with nothing mounted by the app.

- Each session's client and resource caches (LRU and LFU): entries, hits, sizes, in-flight requests.
- A live timeline of hits, misses, creations, evictions with their reasons, requests and credential refreshes.
- Unstable-config warnings, with the config property that defeats the cache.
- Evict an entry, clear a cache or change its size from the panel.

It works with development builds of apps that use aws-client-cache: production builds carry none of the code that talks to the extension. Snapshots and events are secret-free by construction: no credential, token or config value crosses to the panel, and the page's URL is reduced to its origin.

The extension asks for no permission. It sends nothing anywhere but to its own panel, and only while the panel is open.`

/**
 * @param {'chrome' | 'firefox'} browser
 * @param {string} version
 */
export function manifestFor(browser, version) {
  const contentScripts = [
    {
      matches: ['<all_urls>'],
      js: ['hook.js'],
      run_at: 'document_start',
      all_frames: true,
      world: 'MAIN',
    },
    { matches: ['<all_urls>'], js: ['relay.js'], run_at: 'document_start', all_frames: true },
  ]
  return {
    manifest_version: 3,
    name: 'AWS Client Cache DevTools',
    short_name: 'Client Cache',
    version,
    description: DESCRIPTION,
    icons: {
      16: 'icons/icon-16.png',
      32: 'icons/icon-32.png',
      48: 'icons/icon-48.png',
      128: 'icons/icon-128.png',
    },
    devtools_page: 'devtools.html',
    background:
      browser === 'chrome' ? { service_worker: 'background.js' } : { scripts: ['background.js'] },
    content_scripts: contentScripts,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'devtools@aws-client-cache',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '111' }),
  }
}
