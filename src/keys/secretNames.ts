/**
 * Which config properties hold secrets. A property named here, at any depth, is a secret; so is
 * every value (at any depth) inside a `logins` map (Cognito identity tokens keyed by provider).
 * `credentials` is not a secret by itself, but labels and masked values hide it whole, since it
 * is either a provider or an object of secrets.
 * @internal
 */
const SECRET_NAMES: ReadonlySet<string> = new Set([
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  'token',
  'password',
  'secret',
])

/** `true` when a property of this name holds a secret value. @internal */
export function isSecretName(name: string): boolean {
  return SECRET_NAMES.has(name)
}

/** `true` when every value under a property of this name is a secret. @internal */
export function isSecretContainer(name: string): boolean {
  return name === 'logins'
}

/** `true` when labels and masked values hide this property's value whole. @internal */
export function isMaskedWhole(name: string): boolean {
  return name === 'credentials' || SECRET_NAMES.has(name) || name === 'logins'
}

/** The placeholder shown wherever a secret was. */
export const MASK = '***'
