import { describe, expect, it } from 'vitest'
import { CacheError, ClientCacheError, ResourceCacheError } from '../errors.js'
import { validateMaxSize } from './validateMaxSize.js'

describe('validateMaxSize', () => {
  it.each([1, 2, 10, 1000, Number.MAX_SAFE_INTEGER])('accepts %s', (value) => {
    expect(validateMaxSize(value, ClientCacheError)).toBe(value)
  })

  it.each([
    [0, '0 (number)'],
    [-1, '-1 (number)'],
    [1.5, '1.5 (number)'],
    [Number.NaN, 'NaN (number)'],
    [Number.POSITIVE_INFINITY, 'Infinity (number)'],
    ['10', "'10' (string)"],
    [2 ** 60, `${2 ** 60} (number)`],
    [null, 'null'],
    [undefined, 'undefined'],
    [{}, 'an empty object'],
    [{ size: 3 }, 'an object with keys size'],
    [10n, '10n (bigint)'],
    [true, 'true (boolean)'],
  ])('rejects %s with a message giving expected and received', (value, received) => {
    const call = () => validateMaxSize(value, ResourceCacheError)
    expect(call).toThrow(ResourceCacheError)
    expect(call).toThrow(
      `maxSize must be a positive integer (at most Number.MAX_SAFE_INTEGER), got ${received}`,
    )
  })

  it('names the parameter and keeps code and value on the error', () => {
    let caught: unknown
    try {
      validateMaxSize(0, ClientCacheError, 'options.maxSize')
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ClientCacheError)
    expect(caught).toBeInstanceOf(CacheError)
    expect(caught).toMatchObject({
      name: 'ClientCacheError',
      code: 'INVALID_ARGUMENT',
      param: 'options.maxSize',
      value: 0,
      message:
        'options.maxSize must be a positive integer (at most Number.MAX_SAFE_INTEGER), got 0 (number)',
    })
  })
})
