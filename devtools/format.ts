/** Small, allocation-light formatters for the panel. */

/** `3s`, `4m`, `2h`, `5d` from a duration in ms (floored; `0s` under a second). */
export function shortDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  if (m < 60) return `${m}m`
  const h = Math.floor(m / 60)
  if (h < 48) return `${h}h`
  return `${Math.floor(h / 24)}d`
}

/** `12s ago`, or `just now` within a second. */
export function ago(at: number, now: number): string {
  return now - at < 1000 ? 'just now' : `${shortDuration(now - at)} ago`
}

/** A countdown: `1h 02m`, `12m 03s`, `45s`. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  if (h > 0) return `${h}h ${pad(m)}m`
  if (m > 0) return `${m}m ${pad(s)}s`
  return `${s}s`
}

/** Local wall-clock time with milliseconds: `14:03:09.120`. */
export function clock(at: number): string {
  const d = new Date(at)
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

/** Full local date and time, for `title` tooltips. */
export function fullTime(at: number): string {
  return new Date(at).toLocaleString()
}

/** `87%`, or `–` when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`
}
