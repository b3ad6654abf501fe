import { describe, expect, it } from 'vitest'
import { internString } from './internString.js'

describe('internString', () => {
  it('returns equal text', () => {
    const text = ['1|{6:region', 's9:us-east-1}'].join('')
    expect(internString(text)).toBe(text)
    expect(internString('')).toBe('')
    expect(internString('a|b')).toBe('a|b')
  })

  it('keeps text that looks like an inherited property name', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(internString(name)).toBe(name)
    }
  })

  it('returns text with unpaired surrogates and NUL unchanged', () => {
    const text = `x|\uD800\u0000\uDFFF|y`
    expect(internString(text)).toBe(text)
  })
})
