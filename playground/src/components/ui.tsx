/** Small presentational pieces shared by the panels. */
import type { ReactNode } from 'react'

export function Panel({
  id,
  title,
  subtitle,
  actions,
  children,
  className,
}: {
  id: string
  title: string
  subtitle?: ReactNode
  actions?: ReactNode
  children: ReactNode
  className?: string
}) {
  return (
    <section
      id={id}
      className={`panel${className ? ` ${className}` : ''}`}
      aria-labelledby={`${id}-title`}
    >
      <header className="panel-header">
        <div>
          <h2 id={`${id}-title`}>{title}</h2>
          {subtitle !== undefined && <p className="panel-subtitle">{subtitle}</p>}
        </div>
        {actions !== undefined && <div className="panel-actions">{actions}</div>}
      </header>
      {children}
    </section>
  )
}

/** An error the user must see: announced by screen readers, dismissible. */
export function ErrorMessage({
  error,
  onDismiss,
  testId,
}: {
  error: string | null
  onDismiss?: () => void
  testId?: string
}) {
  return (
    <div role="alert" className="alert-slot" data-testid={testId}>
      {error !== null && (
        <div className="alert">
          <span className="alert-icon" aria-hidden="true">
            !
          </span>
          <p>{error}</p>
          {onDismiss && (
            <button type="button" className="button ghost small" onClick={onDismiss}>
              Dismiss
            </button>
          )}
        </div>
      )}
    </div>
  )
}

/** A polite live region for outcomes ("Uploaded …"). */
export function StatusMessage({ message, testId }: { message: string | null; testId?: string }) {
  return (
    <p role="status" className="status-line" data-testid={testId}>
      {message}
    </p>
  )
}

export function Code({ children }: { children: ReactNode }) {
  return <code className="code">{children}</code>
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`
}

export function formatTime(at: number | Date): string {
  return new Date(at).toLocaleTimeString(undefined, { hour12: false })
}
