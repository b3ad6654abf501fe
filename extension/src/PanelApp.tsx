import type { ReactNode } from 'react'
import { HandlePanel } from '../../devtools/HandlePanel.js'
import type { InspectedTab } from './inspectedTab.js'
import { usePanelConnection } from './usePanelConnection.js'

/** The extension's panel: the inspected tab's sessions, in the same components as the in-app panel. */
export function PanelApp({ tab }: { tab: InspectedTab }): ReactNode {
  const { targets, connected } = usePanelConnection(tab.tabId, tab.inDevtools)
  const emptyMessage = connected
    ? 'No aws-client-cache session in this tab. Sessions of development builds appear here as they are created; reload the page if it was open before the extension was installed.'
    : 'Connecting to the extension…'
  return (
    <main className="panel">
      <h1 className="visually-hidden">AWS Client Cache DevTools</h1>
      <HandlePanel targets={targets} emptyMessage={emptyMessage} />
    </main>
  )
}

/** What the panel shows when no tab is named. */
export function NoTab(): ReactNode {
  return (
    <main className="no-tab">
      <h1>AWS Client Cache</h1>
      <p>
        Open this panel from the browser’s DevTools, or as <code>panel.html?tabId=N</code> to
        inspect tab N.
      </p>
    </main>
  )
}
