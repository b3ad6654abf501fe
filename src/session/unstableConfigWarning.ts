/** Class-and-path pairs already warned about on the console, for the whole realm. */
const warnedInRealm = new Set<string>()

/**
 * The `message` of an `UNSTABLE_CONFIG` warning, and in development (`process.env.NODE_ENV !==
 * 'production'`) one `console.warn` per class and path per realm. The advice is written inside
 * that check, so production bundles (which replace `process.env.NODE_ENV`) carry none of its
 * text. The check reads `process.env.NODE_ENV` as written, so that bundlers replace it in browser
 * builds too (Vite, webpack, Next), and inside `try`: where there is neither `process` nor a
 * bundler (a worker, an edge runtime), it gives the short message instead of throwing.
 * @internal
 */
export function unstableConfigMessage(className: string, path: string, count: number): string {
  try {
    if (process.env.NODE_ENV !== 'production') {
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
  } catch {
    // No `process` and nothing replaced `process.env.NODE_ENV`: no advice, no console.
  }
  return `UNSTABLE_CONFIG ${className} config.${path}`
}
