import type { SessionSnapshot } from 'aws-client-cache'
import type { ReactNode } from 'react'

/**
 * The header's warning badge: how many `UNSTABLE_CONFIG` warnings the session has raised. It
 * shows and hides the list of them (class and config path); its tooltip names them too.
 */
export function WarningsBadge({
  warnings,
  controls,
  expanded,
  onToggle,
}: {
  warnings: SessionSnapshot['warnings']
  controls: string
  expanded: boolean
  onToggle: (expanded: boolean) => void
}): ReactNode {
  if (warnings.length === 0) return null
  const count = warnings.length
  const names = warnings.map((w) => `${w.className} config.${w.path}`).join(', ')
  return (
    <button
      type="button"
      className="warn-badge icon"
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      aria-label={`${count} ${count === 1 ? 'warning' : 'warnings'}: ${names}`}
      data-tip={names}
      onClick={() => onToggle(!expanded)}
    >
      <span aria-hidden="true">⚠</span> {count}
      <span className="text"> {count === 1 ? 'warning' : 'warnings'}</span>
    </button>
  )
}
