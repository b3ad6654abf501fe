import { useState } from 'react'
import { readSetting, writeSetting } from './storage.js'
import { useClientLayoutEffect } from './useClientLayoutEffect.js'

/**
 * A setting remembered in `localStorage`. Rendering never reads storage: the first render (on the
 * server and when hydrating alike) shows `fallback`, and the remembered value is read in a layout
 * effect, before the browser paints, so server and client HTML always match.
 */
export function useSetting<T>(
  name: string,
  accept: (value: unknown) => value is T,
  fallback: T,
): [T, (value: T) => void] {
  const [value, setValue] = useState(fallback)
  useClientLayoutEffect(() => {
    const stored = readSetting(name, accept)
    if (stored !== undefined) setValue(stored)
    // `accept` is a stable type guard: only a new name means another setting.
  }, [name])
  return [
    value,
    (next) => {
      setValue(next)
      writeSetting(name, next)
    },
  ]
}
