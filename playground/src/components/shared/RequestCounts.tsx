import type { ReactNode } from 'react'
import { Fact } from './Fact.js'

/**
 * How a run of requests went, as four facts: the requests that succeeded and those that failed
 * (`good` when none did, `bad` otherwise), then the run's own two (`children`, {@link Fact}s).
 * The counts' test ids are `testIdPrefix` and `-ok` or `-failed`.
 */
export function RequestCounts({
  testIdPrefix,
  ok,
  failed,
  className,
  children,
}: {
  testIdPrefix: string
  ok: number
  failed: number
  /** More classes for the list, besides `facts four`. */
  className?: string
  children: ReactNode
}) {
  return (
    <dl className={`facts four${className ? ` ${className}` : ''}`}>
      <Fact term="Succeeded" testId={`${testIdPrefix}-ok`}>
        {ok}
      </Fact>
      <Fact term="Failed" testId={`${testIdPrefix}-failed`} className={failed > 0 ? 'bad' : 'good'}>
        {failed}
      </Fact>
      {children}
    </dl>
  )
}
