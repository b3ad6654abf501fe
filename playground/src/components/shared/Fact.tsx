import type { ReactNode } from 'react'

/** One entry of a `<dl className="facts">`: a term and its value. */
export function Fact({
  term,
  testId,
  className,
  children,
}: {
  term: string
  /** The value's `data-testid`. */
  testId?: string
  /** The value's class (`good` or `bad`, say). */
  className?: string
  children: ReactNode
}) {
  return (
    <div>
      <dt>{term}</dt>
      <dd data-testid={testId} className={className}>
        {children}
      </dd>
    </div>
  )
}
