/**
 * Interned secrets: each distinct secret value alive in some key gets a small number, so a key's
 * `id` can tell two secrets apart without showing either. The table holds a secret only while a
 * key holds its token: tokens are weakly referenced, and a FinalizationRegistry deletes the
 * table entry once the last key holding the token is gone. Nothing grows for ever.
 * @internal
 */
export interface SecretToken {
  readonly n: number
}

const table = new Map<string, WeakRef<SecretToken>>()
const registry = new FinalizationRegistry<string>((encoded) => {
  const ref = table.get(encoded)
  if (ref !== undefined && ref.deref() === undefined) table.delete(encoded)
})
let next = 1

/** The token for a secret (by its canonical encoding), shared by every live key holding it. */
export function internSecret(encoded: string): SecretToken {
  const existing = table.get(encoded)?.deref()
  if (existing !== undefined) return existing
  const token: SecretToken = { n: next++ }
  table.set(encoded, new WeakRef(token))
  registry.register(token, encoded)
  return token
}

/** How many secrets the table holds now (for leak tests). @internal */
export function internedSecretCount(): number {
  return table.size
}
