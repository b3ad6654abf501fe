import type { ClientConstructor } from '../types.js'

/** `true` for a client class: a constructor whose instances have `send` and `destroy`. @internal */
export function isClientClass(value: unknown): value is ClientConstructor<unknown> {
  if (typeof value !== 'function') return false
  const proto = (value as { prototype?: { send?: unknown; destroy?: unknown } }).prototype
  return (
    typeof proto === 'object' &&
    proto !== null &&
    typeof proto.send === 'function' &&
    typeof proto.destroy === 'function'
  )
}
