/**
 * The panel page (`panel.html`): inside the browser's DevTools, or as an ordinary tab with
 * `?tabId=N`.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { inspectedTab } from './inspectedTab.js'
import { NoTab, PanelApp } from './PanelApp.js'

const tab = inspectedTab(location.search, chrome.devtools?.inspectedWindow.tabId)
const root = createRoot(document.getElementById('root')!)
root.render(<StrictMode>{tab === undefined ? <NoTab /> : <PanelApp tab={tab} />}</StrictMode>)
