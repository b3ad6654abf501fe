/**
 * `listSessions()`: live sessions, oldest first; disposed ones removed at once. That it holds them
 * weakly is checked in a child process by test/registry/registry.node.test.ts.
 */
import { describe, expect, it } from 'vitest'
import { Session, listSessions } from '../index.js'

describe('listSessions()', () => {
  it('lists live sessions oldest first and drops a disposed one at once', async () => {
    const first = new Session()
    const second = new Session()
    const listed = listSessions()
    expect(listed.indexOf(first)).toBeGreaterThanOrEqual(0)
    expect(listed.indexOf(second)).toBeGreaterThan(listed.indexOf(first))
    await first.dispose()
    expect(listSessions()).not.toContain(first)
    expect(listSessions()).toContain(second)
  })
})
