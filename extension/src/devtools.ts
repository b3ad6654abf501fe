/**
 * The DevTools page: adds the panel, and tells it when it is shown or hidden (only a shown
 * panel makes the page's hooks send). The panel reads the inspected tab's id itself.
 */
import { PANEL_SHOWN_EVENT } from './panelShownEvent.js'

chrome.devtools?.panels.create('AWS Client Cache', 'icons/icon-32.png', 'panel.html', (panel) => {
  let panelWindow: Window | undefined
  const tell = (shown: boolean): void => {
    const target = panelWindow as (Window & typeof globalThis) | undefined
    target?.dispatchEvent(new target.CustomEvent(PANEL_SHOWN_EVENT, { detail: shown }))
  }
  panel.onShown.addListener((window) => {
    panelWindow = window
    tell(true)
  })
  panel.onHidden.addListener(() => tell(false))
})
