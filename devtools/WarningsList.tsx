import type { SessionSnapshot } from 'aws-client-cache'
import { useEffect, useRef, type ReactNode } from 'react'

/**
 * The session's `UNSTABLE_CONFIG` warnings, under the header: which class misses the cache, on
 * which config property, how often, and how to fix it. Escape or the close button hides it.
 */
export function WarningsList({
  id,
  warnings,
  onClose,
}: {
  id: string
  warnings: SessionSnapshot['warnings']
  onClose: () => void
}): ReactNode {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const close = () => {
    onClose()
    // Back to the badge that opened the list.
    const root = heading.current?.getRootNode() as ParentNode | undefined
    root?.querySelector<HTMLElement>(`[aria-controls="${id}"]`)?.focus()
  }
  return (
    <section
      className="warnings"
      id={id}
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.stopPropagation()
        close()
      }}
    >
      <div className="warnings-head">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Unstable configs
        </h2>
        <button type="button" className="ghost" onClick={close}>
          Hide
        </button>
      </div>
      <ul>
        {warnings.map((warning) => (
          <li key={`${warning.className} ${warning.path}`}>
            <span className="t t-warning">{warning.code}</span>{' '}
            <b className="mono">
              {warning.className} config.{warning.path}
            </b>{' '}
            <span className="muted">
              {warning.count} {warning.count === 1 ? 'miss' : 'misses'}
            </span>
          </li>
        ))}
      </ul>
      <p className="muted">
        A new object or function on every call never matches the cached client: create it once and
        reuse it, or pass it once in the session&apos;s <code>clientConfig</code>.
      </p>
    </section>
  )
}
