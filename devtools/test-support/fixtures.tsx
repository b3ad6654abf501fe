import { act, render, within } from '@testing-library/react'
import { vi } from 'vitest'
import type { Session } from 'aws-client-cache'
import { ClientCacheDevtoolsPanel } from '../production.js'

/** The smallest client a cache accepts. */
export class FakeClient {
  constructor(readonly config: Record<string, unknown> = {}) {}
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

/** Another client class whose name ends in `Client`, like the SDK's. */
export class WidgetClient extends FakeClient {}

/** The shadow root of the (last) devtools host on the page. */
export function shadowRootOf(): ShadowRoot {
  const hosts = document.querySelectorAll('[data-aws-client-cache-devtools]')
  const root = hosts[hosts.length - 1]?.shadowRoot
  if (root == null) throw new Error('no devtools shadow root on the page')
  return root
}

/** Testing Library queries scoped to the devtools' shadow root. */
export function panel() {
  return within(shadowRootOf() as unknown as HTMLElement)
}

/** Counts the session's live subscriptions (subscribe minus unsubscribe). */
export function countSubscriptions(session: Session): { readonly active: number } {
  const counter = { active: 0 }
  const subscribe = session.subscribe.bind(session)
  vi.spyOn(session, 'subscribe').mockImplementation((listener) => {
    counter.active++
    const stop = subscribe(listener)
    return () => {
      counter.active--
      stop()
    }
  })
  return counter
}

/** The embedded panel in a 600 px high container. */
export function renderPanel(session?: Session) {
  return render(
    <div style={{ height: 600 }}>
      <ClientCacheDevtoolsPanel {...(session === undefined ? {} : { session })} />
    </div>,
  )
}

/** Entry rows (not frequency headers) of the shown cache, in order. */
export function entryRows(): HTMLElement[] {
  return panel()
    .queryAllByRole('listitem')
    .filter((row) => row.classList.contains('entry'))
}

/** The focused element inside the devtools' shadow root. */
export function focused(): Element | null {
  return shadowRootOf().activeElement
}

/** Waits for the panel's next animation-frame refresh. */
export function nextFrame(): Promise<void> {
  return act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())))
}
