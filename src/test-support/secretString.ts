import fc from 'fast-check'

/** What every generated secret starts with, so a test can find one in any text. */
export const SECRET_MARK = 'SeCrEt'

/**
 * A generated secret: long and marked ({@link SECRET_MARK}), so it can never appear by accident in
 * other text, and made of the characters real keys and tokens use.
 */
export const secretString = fc
  .string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+'),
    minLength: 12,
    maxLength: 40,
  })
  .map((body) => `${SECRET_MARK}${body}`)
