import { encodeIdentity } from './encodeIdentity.js'
import { identityOf } from './objectIds.js'
import { isPlainObject } from './isPlainObject.js'
import { isMaskedWhole, MASK } from './secretNames.js'
import { internSecret, type SecretToken } from './secretTokens.js'

/** The secret-free renderings of a config that a key shows. @internal */
export interface ConfigDescription {
  /**
   * Canonical and secret-free: secrets appear as `secret#N` tokens (every primitive under a
   * secret name, `logins` or `credentials`), objects compared by identity as `@N`.
   */
  readonly id: string
  /** Human-readable, like a JS literal with sorted keys; secrets and `credentials` shown as `***`. */
  readonly label: string
  /** The secret tokens `id` refers to; the key holds them so they stay interned while it lives. */
  readonly tokens: readonly SecretToken[]
}

/**
 * Renders a config (already checked acyclic by {@link encodeIdentity}) for a key's `id` and
 * `label`. Runs once per key construction, never on a cache hit.
 * @internal
 */
export function describeConfig(value: unknown): ConfigDescription {
  const tokens: SecretToken[] = []
  return { id: idOf(value, false, tokens), label: labelOf(value), tokens }
}

function idOf(value: unknown, secret: boolean, tokens: SecretToken[]): string {
  if (typeof value === 'function' || typeof value === 'symbol') return `@${identityOf(value)}`
  if (value === null || typeof value !== 'object') {
    if (secret) {
      const token = internSecret(encodeIdentity(value, ''))
      tokens.push(token)
      return `secret#${token.n}`
    }
    return primitiveId(value)
  }
  if (Array.isArray(value)) return `[${value.map((item) => idOf(item, secret, tokens)).join(',')}]`
  if (isPlainObject(value)) {
    const parts: string[] = []
    for (const name of Object.keys(value).sort()) {
      const item = value[name]
      if (item === undefined) continue
      const inner = secret || isMaskedWhole(name)
      parts.push(`${JSON.stringify(name)}:${idOf(item, inner, tokens)}`)
    }
    return `{${parts.join(',')}}`
  }
  if (value instanceof Date) return `Date(${value.getTime()})`
  if (typeof URL === 'function' && value instanceof URL)
    return `URL(${JSON.stringify(safeHref(value))})`
  return `@${identityOf(value)}`
}

function primitiveId(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'bigint':
      return `${value}n`
    case 'undefined':
      return 'undefined'
    default:
      return String(value)
  }
}

function labelOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value)
    case 'bigint':
      return `${value}n`
    case 'symbol':
      return value.toString()
    case 'function':
      return value.name ? `[Function ${value.name}]` : '[Function]'
    case 'object':
      break
    default:
      return String(value)
  }
  if (value === null) return 'null'
  if (Array.isArray(value)) return `[${value.map(labelOf).join(', ')}]`
  if (isPlainObject(value)) {
    const parts: string[] = []
    for (const name of Object.keys(value).sort()) {
      const item = value[name]
      if (item === undefined) continue
      const shown = /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name)
      parts.push(`${shown}: ${isMaskedWhole(name) ? MASK : labelOf(item)}`)
    }
    return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? 'Date(Invalid)' : `Date(${value.toISOString()})`
  }
  if (typeof URL === 'function' && value instanceof URL) return `URL(${quote(safeHref(value))})`
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name
  return `[${typeof name === 'string' && name ? name : 'Object'}]`
}

/** A URL's href with any user name or password masked. */
function safeHref(url: URL): string {
  if (!url.username && !url.password) return url.href
  const copy = new URL(url.href)
  copy.username = MASK
  copy.password = ''
  return copy.href
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`
}
