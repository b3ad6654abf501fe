import { invalidArgument, type CacheError } from './errors.js'
import { isPlainObject } from './keys/isPlainObject.js'

/** One option's rule: what it must be, in words (for the error), and the check. */
export type OptionRule = readonly [expected: string, isValid: (value: unknown) => boolean]

/** A positive number of milliseconds. */
export const positiveMs: OptionRule = [
  'a positive number of milliseconds',
  (value) => typeof value === 'number' && value > 0 && Number.isFinite(value),
]

/** A boolean. */
export const aBoolean: OptionRule = ['a boolean', (value) => typeof value === 'boolean']

/** A function. */
export const isFunction = (value: unknown): boolean => typeof value === 'function'

/**
 * Checks an options object against a table of rules, the one way every options object of the
 * package is checked: `options` is a plain object or `undefined` (`shape` says what it should
 * be), names no option outside the table (`unknown` words that error), and each option present
 * (not `undefined`) passes its rule. The error names the parameter (`${param}.${name}`), what was
 * expected and what was received; nothing is changed before it is thrown.
 * @returns `options`, or `{}` for `undefined`
 * @internal
 */
export function validateOptions(
  options: unknown,
  rules: Readonly<Record<string, OptionRule>>,
  Family: typeof CacheError,
  param: string,
  shape: string,
  unknown: (name: string) => string,
): Record<string, unknown> {
  if (options === undefined) return {}
  if (!isPlainObject(options)) throw invalidArgument(Family, param, shape, options)
  for (const name of Object.keys(options)) {
    const rule = rules[name]
    if (rule === undefined) {
      throw new Family(unknown(name), { param: `${param}.${name}`, value: options[name] })
    }
    const value = options[name]
    if (value !== undefined && !rule[1](value)) {
      throw invalidArgument(Family, `${param}.${name}`, rule[0], value)
    }
  }
  return options
}
