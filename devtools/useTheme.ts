import type { Theme } from './SessionHeader.js'
import { useSetting } from './useSetting.js'

const isTheme = (value: unknown): value is Theme =>
  value === 'system' || value === 'light' || value === 'dark'

/** The panel's theme: the last one chosen in the panel, else the `theme` prop, else `'system'`. */
export function useTheme(initial: Theme | undefined): [Theme, (theme: Theme) => void] {
  return useSetting('theme', isTheme, initial ?? 'system')
}
