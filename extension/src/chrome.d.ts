/**
 * The few `chrome.*` APIs the extension's entry scripts call, declared here rather than pulling
 * in all of `@types/chrome`. Firefox provides the same `chrome` namespace.
 */
import type { PortLike } from './PortLike.js'

interface ChromeDevtoolsPanel {
  readonly onShown: { addListener(listener: (window: Window) => void): void }
  readonly onHidden: { addListener(listener: () => void): void }
}

declare global {
  const chrome: {
    readonly runtime: {
      readonly id: string | undefined
      readonly lastError?: { message?: string } | undefined
      connect(info: { name: string }): PortLike
      getURL(path: string): string
      readonly onConnect: { addListener(listener: (port: PortLike) => void): void }
    }
    readonly devtools?: {
      readonly inspectedWindow: { readonly tabId: number }
      readonly panels: {
        create(
          title: string,
          iconPath: string,
          pagePath: string,
          callback?: (panel: ChromeDevtoolsPanel) => void,
        ): void
      }
    }
  }
}
