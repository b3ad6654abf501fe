import { useCallback, useEffect, useState } from 'react'
import { liveSessionOptions, sameOptions, type SessionOption } from './sessionOptions.js'

/** How often the picker re-reads `listSessions()` (the registry has no change event). */
const POLL_MS = 1000

/**
 * Every live session as picker options, while `enabled`: re-read every second (new sessions
 * appear, disposed or collected ones go) and on `refresh()` (the picker calls it when focused).
 * Only ids and labels are kept, so the list never keeps a session alive.
 */
export function useSessionList(enabled: boolean): [readonly SessionOption[], () => void] {
  const [options, setOptions] = useState<readonly SessionOption[]>([])
  const refresh = useCallback(() => {
    setOptions((previous) => {
      const next = liveSessionOptions()
      return sameOptions(previous, next) ? previous : next
    })
  }, [])
  useEffect(() => {
    if (!enabled) return
    refresh()
    const timer = setInterval(refresh, POLL_MS)
    return () => clearInterval(timer)
  }, [enabled, refresh])
  return [enabled ? options : [], refresh]
}
