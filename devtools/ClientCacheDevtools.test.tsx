import { act, cleanup, fireEvent, render } from '@testing-library/react'
import { Session } from 'aws-client-cache'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as devOnly from './index.js'
import { ClientCacheDevtools } from './production.js'
import { FakeClient, panel, shadowRootOf, countSubscriptions } from './test-support/fixtures.js'

beforeEach(() => localStorage.clear())
afterEach(cleanup)

const toggle = () => panel().getByRole('button', { name: /devtools/i })
const separator = () => panel().getByRole('separator', { name: 'Resize devtools' })
const dock = () => shadowRootOf().querySelector<HTMLElement>('.dock')

describe('ClientCacheDevtools', () => {
  it('opens and closes from a toggle button whose name says devtools, and moves focus', () => {
    const session = new Session()
    session.client(FakeClient, { region: 'us-east-1' })
    render(<ClientCacheDevtools session={session} />)
    expect(toggle().getAttribute('aria-expanded')).toBe('false')
    expect(dock()).toBeNull()

    fireEvent.click(toggle())
    expect(dock()).not.toBeNull()
    expect(panel().getByText("FakeClient({ region: 'us-east-1' })")).toBeDefined()
    expect(shadowRootOf().activeElement).toBe(separator())

    fireEvent.click(panel().getByRole('button', { name: 'Close devtools' }))
    expect(dock()).toBeNull()
    expect(shadowRootOf().activeElement).toBe(toggle())

    fireEvent.click(toggle())
    fireEvent.keyDown(separator(), { key: 'Escape' })
    expect(dock()).toBeNull()
  })

  it('remembers the open state in localStorage', () => {
    const session = new Session()
    const view = render(<ClientCacheDevtools session={session} />)
    fireEvent.click(toggle())
    view.unmount()
    render(<ClientCacheDevtools session={session} />)
    expect(dock()).not.toBeNull()
    fireEvent.click(panel().getByRole('button', { name: 'Close devtools' }))
    cleanup()
    render(<ClientCacheDevtools session={session} initialIsOpen />)
    expect(dock()).toBeNull()
  })

  it('opens at first when initialIsOpen, docked at the chosen edge', () => {
    render(<ClientCacheDevtools session={new Session()} initialIsOpen position="left" />)
    expect(dock()?.className).toBe('dock dock-left')
    expect(separator().getAttribute('aria-orientation')).toBe('vertical')
    expect(dock()?.style.width).toBe(`${Math.min(520, window.innerWidth - 40)}px`)
  })

  it.each([
    ['bottom', 'ArrowUp', 'ArrowDown', 'height'],
    ['top', 'ArrowDown', 'ArrowUp', 'height'],
    ['left', 'ArrowRight', 'ArrowLeft', 'width'],
    ['right', 'ArrowLeft', 'ArrowRight', 'width'],
  ] as const)('resizes by keyboard when docked %s', (position, grow, shrink, dimension) => {
    localStorage.setItem(`aws-client-cache-devtools.${dimension}`, '300')
    render(<ClientCacheDevtools session={new Session()} initialIsOpen position={position} />)
    const start = Number(separator().getAttribute('aria-valuenow'))
    fireEvent.keyDown(separator(), { key: grow })
    expect(Number(separator().getAttribute('aria-valuenow'))).toBe(start + 20)
    fireEvent.keyDown(separator(), { key: shrink, shiftKey: true })
    expect(Number(separator().getAttribute('aria-valuenow'))).toBe(start - 80)
    expect(dock()?.style[dimension]).toBe(`${start - 80}px`)
    fireEvent.keyDown(separator(), { key: 'Home' })
    expect(separator().getAttribute('aria-valuenow')).toBe('160')
    expect(localStorage.getItem(`aws-client-cache-devtools.${dimension}`)).toBe('160')
  })

  it('resizes by mouse', () => {
    render(<ClientCacheDevtools session={new Session()} initialIsOpen position="bottom" />)
    fireEvent.pointerDown(separator(), { button: 0, pointerId: 1, clientY: 100 })
    fireEvent.pointerMove(separator(), { pointerId: 1, clientY: window.innerHeight - 250 })
    expect(dock()?.style.height).toBe('250px')
    fireEvent.pointerUp(separator(), { pointerId: 1 })
    fireEvent.pointerMove(separator(), { pointerId: 1, clientY: window.innerHeight - 300 })
    expect(dock()?.style.height).toBe('250px')
  })

  it('subscribes once from mount, open or closed, and unsubscribes on unmount', () => {
    const session = new Session()
    const subscriptions = countSubscriptions(session)
    const view = render(<ClientCacheDevtools session={session} />)
    expect(subscriptions.active).toBe(1)
    fireEvent.click(toggle())
    expect(subscriptions.active).toBe(1)
    fireEvent.click(panel().getByRole('button', { name: 'Close devtools' }))
    expect(subscriptions.active).toBe(1)
    view.unmount()
    expect(subscriptions.active).toBe(0)
  })

  it('keeps the timeline from mount: events before the first open are shown', async () => {
    const session = new Session()
    render(<ClientCacheDevtools session={session} />)
    // While closed, recording reads nothing and renders nothing.
    const snapshot = vi.spyOn(session, 'snapshot')
    act(() => {
      for (let i = 0; i < 10; i++) session.client(FakeClient, { region: i < 8 ? 'a' : 'b' })
    })
    expect(snapshot).not.toHaveBeenCalled()

    fireEvent.click(toggle())
    // a: miss, create, 7 hits; b: miss, create, hit.
    const timeline = panel().getByRole('tab', { name: /Timeline/ })
    expect(timeline.textContent).toBe('Timeline (12)')
    fireEvent.click(timeline)
    const types = panel()
      .getAllByRole('listitem')
      .map((row) => row.querySelector('.t')?.textContent)
    expect(types.slice(-2)).toEqual(['create', 'miss'])
    expect(types.filter((type) => type === 'hit')).toHaveLength(8)
  })

  it('keeps the last 500 events while closed', () => {
    const session = new Session({ defaults: { maxSize: 1000 } })
    render(<ClientCacheDevtools session={session} />)
    act(() => {
      for (let i = 0; i < 400; i++) session.client(FakeClient, { region: `r${i}` })
    })
    fireEvent.click(toggle())
    expect(panel().getByRole('tab', { name: /Timeline/ }).textContent).toBe('Timeline (500)')
  })

  it.each([
    ['bottom', 'paddingBottom'],
    ['top', 'paddingTop'],
    ['left', 'paddingLeft'],
    ['right', 'paddingRight'],
  ] as const)(
    'pads the page on the %s edge by the panel size while open, and restores it',
    (position, property) => {
      document.body.style[property] = '7px'
      try {
        const view = render(<ClientCacheDevtools session={new Session()} position={position} />)
        expect(document.body.style[property]).toBe('7px')
        fireEvent.click(toggle())
        const size = Number(separator().getAttribute('aria-valuenow'))
        expect(document.body.style[property]).toBe(`${7 + size}px`)
        fireEvent.keyDown(separator(), { key: 'Home' })
        expect(document.body.style[property]).toBe('167px')
        fireEvent.click(panel().getByRole('button', { name: 'Close devtools' }))
        expect(document.body.style[property]).toBe('7px')
        fireEvent.click(toggle())
        view.unmount()
        expect(document.body.style[property]).toBe('7px')
      } finally {
        document.body.style[property] = ''
      }
    },
  )

  it('lets the page scroll its bottom content clear of the panel', () => {
    const page = document.createElement('div')
    page.style.height = `${window.innerHeight * 2}px`
    const last = document.createElement('p')
    last.textContent = 'the end of the page'
    document.body.append(page, last)
    try {
      render(<ClientCacheDevtools session={new Session()} initialIsOpen />)
      window.scrollTo(0, document.documentElement.scrollHeight)
      const bottom = last.getBoundingClientRect().bottom
      expect(bottom).toBeLessThanOrEqual(dock()!.getBoundingClientRect().top)
    } finally {
      page.remove()
      last.remove()
      window.scrollTo(0, 0)
    }
  })

  it('coalesces renders to one per animation frame', async () => {
    const session = new Session()
    render(<ClientCacheDevtools session={session} initialIsOpen />)
    const snapshot = vi.spyOn(session, 'snapshot')
    act(() => {
      for (let i = 0; i < 50; i++) session.client(FakeClient, { region: `r${i}` })
    })
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))))
    expect(snapshot.mock.calls.length).toBeLessThanOrEqual(1)
    expect(panel().getByRole('tab', { name: /client · LRU/ }).textContent).toContain('10 / 10')
  })
})

describe('aws-client-cache/devtools (the development-only entry)', () => {
  it('renders nothing outside development', () => {
    // Vitest runs with NODE_ENV=test.
    expect(process.env.NODE_ENV).not.toBe('development')
    const view = render(
      <>
        <devOnly.ClientCacheDevtools session={new Session()} initialIsOpen />
        <devOnly.ClientCacheDevtoolsPanel session={new Session()} />
      </>,
    )
    expect(view.container.innerHTML).toBe('')
  })
})
