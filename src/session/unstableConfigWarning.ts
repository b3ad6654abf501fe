/** Class-and-path pairs already warned about on the console, for the whole realm. */
const warnedInRealm = new Set<string>()

/**
 * The `message` of an `UNSTABLE_CONFIG` warning, and in development (`process.env.NODE_ENV !==
 * 'production'`) one `console.warn` per class and path per realm. The advice is written inside
 * the development check, so production bundles (which replace `process.env.NODE_ENV`) carry none
 * of its text; the `typeof process` guard keeps runtimes without `process` from throwing.
 * @internal
 */
export function unstableConfigMessage(className: string, path: string, count: number): string {
  if (typeof process !== 'undefined' && process.env.NODE_ENV !== 'production') {
    const message =
      `aws-client-cache: ${className} missed the cache ${count} times because config.${path} ` +
      `is a new object or function on every call, and such values are compared by identity: ` +
      `this client can never be reused. Create it once and reuse it (hoist it out of the ` +
      `component or function), or pass it once in the session's clientConfig.`
    const id = `${className}\0${path}`
    if (!warnedInRealm.has(id)) {
      warnedInRealm.add(id)
      console.warn(message)
    }
    return message
  }
  return `UNSTABLE_CONFIG ${className} config.${path}`
}
