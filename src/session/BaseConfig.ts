import { encodeIdentity, encodeProperty, sortedKeys } from '../keys/encodeIdentity.js'

/**
 * A session's defaults (`clientConfig` under `region`, `credentials`, `profile`), with each
 * property's identity piece precomputed, so a call's key is encoded by merging those pieces with
 * the call's own properties: a hit never copies, re-sorts or re-encodes the defaults.
 * @internal
 */
export class BaseConfig {
  /** The defaults, frozen. */
  readonly values: Readonly<Record<string, unknown>>
  /** `encodeIdentity(values)`. */
  readonly identity: string
  readonly #names: readonly string[]
  readonly #pieces: readonly string[]

  constructor(values: Record<string, unknown>) {
    for (const name of Object.keys(values)) if (values[name] === undefined) delete values[name]
    this.values = Object.freeze(values)
    this.identity = encodeIdentity(values, 'config')
    this.#names = sortedKeys(values)
    this.#pieces = this.#names.map((name) => encodeProperty(values, name, values[name], 'config'))
  }

  /**
   * `prefix + encodeIdentity(overlay(config))`, without building the overlay: the merge of two sorted
   * lists. Throws `CycleError` for a cyclic `config`.
   */
  encode(config: Record<string, unknown>, prefix: string): string {
    const names = sortedKeys(config)
    const baseNames = this.#names
    const pieces = this.#pieces
    let b = 0
    let out = `${prefix}{`
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!
      const value = config[name]
      if (value === undefined) continue
      while (b < baseNames.length && baseNames[b]! < name) out += pieces[b++]!
      if (b < baseNames.length && baseNames[b] === name) b++
      out += encodeProperty(config, name, value, 'config')
    }
    while (b < baseNames.length) out += pieces[b++]!
    return out + '}'
  }

  /** The effective config: the defaults overlaid by `config`'s defined properties. */
  overlay(config: Record<string, unknown>): Record<string, unknown> {
    const effective: Record<string, unknown> = { ...this.values }
    for (const name of Object.keys(config)) {
      const value = config[name]
      if (value !== undefined) effective[name] = value
    }
    return effective
  }
}
