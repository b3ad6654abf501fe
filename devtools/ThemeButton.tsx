import type { ReactNode } from 'react'
import type { Theme } from './SessionHeader.js'

const NEXT_THEME: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' }
const GLYPH: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' }
const NAME: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/**
 * Cycles the theme (system → light → dark). Shows the current theme's name beside its glyph (the
 * name hides in a narrow panel, where the tooltip, shown on hover and on focus, says it).
 */
export function ThemeButton({
  theme,
  onTheme,
}: {
  theme: Theme
  onTheme: (theme: Theme) => void
}): ReactNode {
  const next = NEXT_THEME[theme]
  return (
    <button
      type="button"
      className="ghost icon"
      onClick={() => onTheme(next)}
      aria-label={`Theme: ${theme}. Switch to ${next}`}
      data-tip={`Theme: ${theme} (switch to ${next})`}
    >
      <span aria-hidden="true">{GLYPH[theme]}</span>
      <span className="text"> {NAME[theme]}</span>
    </button>
  )
}
