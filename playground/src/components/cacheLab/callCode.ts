/** The `session.client()` call the cache lab's form describes, written out as code. */
import type { LabSettings } from './labSettings.js'

/**
 * The call as the form shows it: `maxAttempts` only when not the default (3), the logger folded
 * to `{ debug: () => {}, … }`, and `…` for an empty maxSize.
 */
export function callCode({
  className,
  region,
  maxAttempts,
  policy,
  maxSize,
  withLogger,
}: LabSettings): string {
  return `session.client(${className}, { region: '${region}'${
    maxAttempts === 3 ? '' : `, maxAttempts: ${maxAttempts}`
  }${withLogger ? ', logger: { debug: () => {}, … }' : ''} }, { evictionPolicy: '${policy}', maxSize: ${maxSize || '…'} })`
}
