import { internals } from './CacheBase.js'
/** Policy-specific eviction orders: LRU recency, LFU frequency with LRU tie-break, resizes. */
import { describe, expect, it } from 'vitest'
import type { CacheKey } from '../keys/CacheKey.js'
import { cacheCases, type AnyCache } from './test-support/cacheFixtures.js'

const lruCases = cacheCases.filter((c) => c.evictionPolicy === 'LRU')
const lfuCases = cacheCases.filter((c) => c.evictionPolicy === 'LFU')

/** Builds a cache with keys named by letters, and helpers that speak in letters. */
function setup(c: (typeof cacheCases)[number], maxSize: number) {
  const evicted: string[] = []
  const keys = new Map<string, CacheKey>()
  const key = (name: string): CacheKey => {
    let found = keys.get(name)
    if (found === undefined) keys.set(name, (found = c.key(name)))
    return found
  }
  const names = new Map<string, string>()
  const cache: AnyCache = new c.Class({
    maxSize,
    onEvict: (_value, evictedKey, reason) =>
      evicted.push(`${names.get(evictedKey.id) ?? '?'}:${reason}`),
  })
  internals.keepStats(cache) // frequencies as a session's snapshot reads them
  const add = (...letters: string[]) => {
    for (const name of letters) {
      names.set(key(name).id, name)
      cache.set(key(name), c.value(name))
    }
  }
  const use = (...letters: string[]) => {
    for (const name of letters) cache.get(key(name))
  }
  const order = () => cache.keys().map((k) => names.get(k.id))
  const frequencies = () =>
    Object.fromEntries(internals.entryStats(cache).map((s) => [names.get(s.key.id), s.frequency]))
  return { cache, add, use, order, evicted, key, frequencies }
}

describe.each(lruCases)('$name: least recently used order', (c) => {
  it('evicts the least recently used; get and getOrThrow count as a use', () => {
    const { cache, add, use, order, evicted, key } = setup(c, 3)
    add('a', 'b', 'c')
    use('a')
    expect(order()).toEqual(['b', 'c', 'a'])
    cache.getOrThrow(key('b'))
    expect(order()).toEqual(['c', 'a', 'b'])
    add('d')
    expect(evicted).toEqual(['c:capacity'])
    expect(order()).toEqual(['a', 'b', 'd'])
  })

  it('ignores how often an entry was used, only when', () => {
    const { add, use, order, evicted } = setup(c, 3)
    add('a', 'b', 'c')
    use('a', 'a', 'a', 'a', 'b', 'c')
    add('d')
    expect(evicted).toEqual(['a:capacity'])
    expect(order()).toEqual(['b', 'c', 'd'])
  })

  it('using the most recent entry keeps the order', () => {
    const { add, use, order } = setup(c, 3)
    add('a', 'b', 'c')
    use('c', 'c')
    expect(order()).toEqual(['a', 'b', 'c'])
  })

  it('reports frequency as hits + 1, like an LFU would', () => {
    const { add, use, frequencies } = setup(c, 3)
    add('a', 'b')
    use('a', 'a', 'b')
    expect(frequencies()).toEqual({ a: 3, b: 2 })
  })

  it('resizing evicts the least recently used first', () => {
    const { cache, add, use, order, evicted } = setup(c, 5)
    add('a', 'b', 'c', 'd', 'e')
    use('b', 'a')
    cache.maxSize = 2
    expect(evicted).toEqual(['c:resize', 'd:resize', 'e:resize'])
    expect(order()).toEqual(['b', 'a'])
  })
})

describe.each(lfuCases)('$name: least frequently used order', (c) => {
  it('evicts the least frequently used', () => {
    const { add, use, order, evicted, frequencies } = setup(c, 3)
    add('a', 'b', 'c')
    use('a', 'a', 'b', 'c', 'c', 'c')
    expect(frequencies()).toEqual({ a: 3, b: 2, c: 4 })
    expect(order()).toEqual(['b', 'a', 'c'])
    add('d')
    expect(evicted).toEqual(['b:capacity'])
    // d is new (frequency 1): it is now the next victim.
    expect(order()).toEqual(['d', 'a', 'c'])
  })

  it('breaks frequency ties by least recent use', () => {
    const { add, use, order } = setup(c, 4)
    add('a', 'b', 'c', 'd')
    expect(order()).toEqual(['a', 'b', 'c', 'd'])
    use('c', 'a')
    expect(order()).toEqual(['b', 'd', 'c', 'a'])
    use('d', 'b')
    expect(order()).toEqual(['c', 'a', 'd', 'b'])
    use('a')
    expect(order()).toEqual(['c', 'd', 'b', 'a'])
  })

  it('never evicts the entry being added, even when it would be the least frequent', () => {
    const { add, use, order, evicted } = setup(c, 2)
    add('a', 'b')
    use('a', 'b', 'a', 'b')
    add('c')
    expect(evicted).toEqual(['a:capacity'])
    expect(order()).toEqual(['c', 'b'])
    add('d')
    expect(evicted).toEqual(['a:capacity', 'c:capacity'])
    expect(order()).toEqual(['d', 'b'])
  })

  it('a lone entry bumped past an empty frequency keeps its place', () => {
    const { add, use, order, frequencies } = setup(c, 4)
    add('a', 'b', 'c')
    use('a', 'a', 'a') // a: 4, alone at each step
    use('b') // b: 2
    use('c', 'c', 'c', 'c', 'c') // c: 6, passes a
    expect(frequencies()).toEqual({ a: 4, b: 2, c: 6 })
    expect(order()).toEqual(['b', 'a', 'c'])
    add('d')
    expect(order()).toEqual(['d', 'b', 'a', 'c'])
  })

  it('forgets the frequency of a removed entry', () => {
    const { cache, add, use, order, key, frequencies } = setup(c, 3)
    add('a', 'b')
    use('a', 'a', 'a')
    cache.delete(key('a'))
    add('a')
    expect(frequencies()).toEqual({ a: 1, b: 1 })
    expect(order()).toEqual(['b', 'a'])
  })

  it('popItem takes the least frequently used', () => {
    const { cache, add, use, order } = setup(c, 3)
    add('a', 'b', 'c')
    use('a', 'c')
    expect(cache.popItem()[0].id).toBe(c.key('b').id)
    expect(order()).toEqual(['a', 'c'])
  })

  it('resizing evicts the least frequently used first', () => {
    const { cache, add, use, order, evicted } = setup(c, 5)
    add('a', 'b', 'c', 'd', 'e')
    use('a', 'a', 'e', 'b', 'b', 'b')
    cache.maxSize = 2
    expect(evicted).toEqual(['c:resize', 'd:resize', 'e:resize'])
    expect(order()).toEqual(['a', 'b'])
  })

  it('copy keeps frequencies, so both evict alike afterwards', () => {
    const { cache, add, use, order } = setup(c, 3)
    add('a', 'b', 'c')
    use('b', 'b', 'c', 'a', 'a', 'a', 'c')
    const copy = cache.copy()
    expect(internals.entryStats(copy).map((s) => s.frequency)).toEqual(
      internals.entryStats(cache).map((s) => s.frequency),
    )
    add('x')
    copy.set(c.key('x'), c.value('x'))
    expect(copy.keys().map((k) => k.id)).toEqual(cache.keys().map((k) => k.id))
    expect(order()[0]).toBe('x')
  })
})
