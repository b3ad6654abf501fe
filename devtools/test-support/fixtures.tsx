import { within } from '@testing-library/react'
import { vi } from 'vitest'
import type { Session } from 'aws-client-cache'

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
