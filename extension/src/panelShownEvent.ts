/**
 * The event the DevTools page dispatches on the panel's window when the panel is shown or
 * hidden (`detail`: `true` or `false`); `chrome.devtools.panels` tells only the DevTools page.
 */
export const PANEL_SHOWN_EVENT = 'aws-client-cache-devtools:shown'
