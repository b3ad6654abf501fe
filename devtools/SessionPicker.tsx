import type { ReactNode } from 'react'

/** A session as a picker lists it: its id, and a label such as `s1 · eu-west-1`. */
export interface PickerOption {
  readonly id: string
  readonly label: string
}

/**
 * Picks the session the panel shows, by id: the page's live sessions in the in-app panel (see
 * `useSessionList`), the extension's targets in `HandlePanel`.
 */
export function SessionPicker({
  current,
  options,
  onPick,
  onFocus,
}: {
  /** The id of the shown session. */
  current: string
  options: readonly PickerOption[]
  onPick: (id: string) => void
  onFocus?: (() => void) | undefined
}): ReactNode {
  return (
    <select
      className="picker mono"
      aria-label="Session"
      value={current}
      onFocus={onFocus}
      onChange={(event) => onPick(event.target.value)}
    >
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.label}
        </option>
      ))}
    </select>
  )
}
