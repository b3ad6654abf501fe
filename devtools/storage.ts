/**
 * The panel's remembered settings in `localStorage`, under one prefix. Every access is guarded:
 * storage may be missing (SSR), disabled, or full, and the panel must work all the same.
 */
const PREFIX = 'aws-client-cache-devtools.'

export function readSetting<T>(
  name: string,
  accept: (value: unknown) => value is T,
): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(PREFIX + name)
    if (raw == null) return undefined
    const value: unknown = JSON.parse(raw)
    return accept(value) ? value : undefined
  } catch {
    return undefined
  }
}

export function writeSetting(name: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(PREFIX + name, JSON.stringify(value))
  } catch {
    // Storage unavailable or full: the setting just is not remembered.
  }
}

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)
