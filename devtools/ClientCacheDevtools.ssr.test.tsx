/**
 * Server rendering and hydration: rendering reads no `window`, `document` or `localStorage`, so
 * the devtools render where there is no DOM (a worker stands for the server), and the first
 * client render matches the server's HTML (remembered settings apply after hydration).
 */
import { act, cleanup } from '@testing-library/react'
import type { ReactElement } from 'react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClientCacheDevtools, ClientCacheDevtoolsPanel } from './production.js'
import { panel, shadowRootOf } from './test-support/fixtures.js'

beforeEach(() => localStorage.clear())
afterEach(cleanup)

const dock = () => shadowRootOf().querySelector<HTMLElement>('.dock')

interface ServerHtml {
  devtools: string
  panel: string
}

/** Renders both components to strings in a worker, where no DOM global exists. */
async function renderOnServer(): Promise<{ html?: ServerHtml; error?: string; globals?: object }> {
  const worker = new Worker(new URL('./test-support/renderInWorker.tsx', import.meta.url), {
    type: 'module',
  })
  try {
    return await new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent) => resolve(event.data)
      worker.onerror = (event) => reject(new Error(event.message))
    })
  } finally {
    worker.terminate()
  }
}

/** Hydrates `html` with `element` in a fresh container; returns what hydration reported. */
async function hydrate(html: string, element: ReactElement) {
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const recoverable: unknown[] = []
  const consoleError = vi.spyOn(console, 'error')
  let root: Root | undefined
  await act(async () => {
    root = hydrateRoot(container, element, { onRecoverableError: (e) => recoverable.push(e) })
  })
  return {
    recoverable,
    consoleErrors: consoleError.mock.calls,
    unmount: () => {
      act(() => root?.unmount())
      container.remove()
    },
  }
}

describe('server rendering', () => {
  let answer: Awaited<ReturnType<typeof renderOnServer>>
  beforeAll(async () => {
    answer = await renderOnServer()
  })

  it('renders <ClientCacheDevtools initialIsOpen /> and the panel with no window, document or localStorage', () => {
    expect(answer.error).toBeUndefined()
    expect(answer.globals).toEqual({
      window: 'undefined',
      document: 'undefined',
      localStorage: 'undefined',
    })
    expect(answer.html?.devtools).toBe(
      '<div data-aws-client-cache-devtools="" data-mode="floating"></div>',
    )
    expect(answer.html?.panel).toBe(
      '<div data-aws-client-cache-devtools="" data-mode="embedded"></div>',
    )
  })

  it.each([
    ['nothing remembered', undefined, true],
    ['closed remembered', 'false', false],
  ] as const)(
    'hydrates the server HTML without a mismatch (%s), then applies the remembered state',
    async (_, remembered, open) => {
      const { html } = answer
      if (remembered !== undefined)
        localStorage.setItem('aws-client-cache-devtools.open', remembered)
      localStorage.setItem('aws-client-cache-devtools.theme', '"dark"')
      const result = await hydrate(html!.devtools, <ClientCacheDevtools initialIsOpen />)
      try {
        expect(result.recoverable).toEqual([])
        expect(result.consoleErrors).toEqual([])
        expect(dock() !== null).toBe(open)
        expect(shadowRootOf().querySelector<HTMLElement>('.root')?.dataset.theme).toBe('dark')
        if (open) expect(panel().getByRole('region', { name: /devtools/ })).toBeDefined()
      } finally {
        result.unmount()
      }
    },
  )

  it('hydrates the embedded panel without a mismatch', async () => {
    const { html } = answer
    const result = await hydrate(html!.panel, <ClientCacheDevtoolsPanel />)
    try {
      expect(result.recoverable).toEqual([])
      expect(result.consoleErrors).toEqual([])
      expect(panel().getByRole('tab', { name: 'Caches' })).toBeDefined()
    } finally {
      result.unmount()
    }
  })
})
