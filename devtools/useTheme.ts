import { useState } from 'react'
import type { Theme } from './SessionHeader.js'
import { readSetting, writeSetting } from './storage.js'

const isTheme = (value: unknown): value is Theme =>
  value === 'system' || value === 'light' || value === 'dark'

/** The panel's theme: the last one chosen in the panel, else the `theme` prop, else `'system'`. */
export function useTheme(initial: Theme | undefined): [Theme, (theme: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(
    () => readSetting('theme', isTheme) ?? initial ?? 'system',
  )
  return [
    theme,
    (next) => {
      setTheme(next)
      writeSetting('theme', next)
    },
  ]
}
