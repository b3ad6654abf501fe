/** Which tab the panel inspects, and whether it runs inside the browser's DevTools. */
export interface InspectedTab {
  readonly tabId: number
  readonly inDevtools: boolean
}

/**
 * The inspected tab: DevTools' own (`chrome.devtools.inspectedWindow.tabId`) in a DevTools
 * panel, else `?tabId=N` of the page's URL (the panel opened as an ordinary tab); `undefined`
 * when neither names one.
 */
export function inspectedTab(
  search: string,
  devtoolsTabId: number | undefined,
): InspectedTab | undefined {
  if (devtoolsTabId !== undefined) return { tabId: devtoolsTabId, inDevtools: true }
  const given = new URLSearchParams(search).get('tabId')
  if (given === null || !/^\d{1,10}$/.test(given)) return undefined
  return { tabId: Number(given), inDevtools: false }
}
