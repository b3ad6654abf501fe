/**
 * The session's `UNSTABLE_CONFIG` warnings (`session.snapshot().warnings`, with live counts), each
 * with the message of its `warning` event and how to fix it.
 */
import type { Session, SessionSnapshot } from 'aws-client-cache'
import { useEffect, useState } from 'react'
import { Code } from './ui.js'

type Warning = SessionSnapshot['warnings'][number]

const idOf = (w: { className: string; path: string }) => `${w.className}\0${w.path}`

/** The `message` of each warning event since mount, by class and path. */
function useWarningMessages(session: Session): ReadonlyMap<string, string> {
  const [messages, setMessages] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(
    () =>
      session.subscribe((event) => {
        if (event.type !== 'warning') return
        setMessages((previous) => new Map(previous).set(idOf(event), event.message))
      }),
    [session],
  )
  return messages
}

/** What to write instead: the value made once, then passed on every call (or once for all). */
function fixFor({ className, path }: Warning): string {
  const value =
    path === 'logger'
      ? '{ debug() {}, info() {}, warn() {}, error() {} }'
      : `/* your ${path}, made once */`
  return [
    `// once, outside the component or function that calls:`,
    `const ${path} = ${value}`,
    `session.client(${className}, { region, ${path} })`,
    ``,
    `// or once for every client of the session:`,
    `new Session({ region, clientConfig: { ${path} } })`,
  ].join('\n')
}

export function UnstableConfigWarnings({
  session,
  warnings,
}: {
  session: Session
  warnings: SessionSnapshot['warnings']
}) {
  const messages = useWarningMessages(session)
  if (warnings.length === 0) return null
  return (
    <div className="lab-warnings" data-testid="lab-warnings">
      {warnings.map((warning) => (
        <section
          key={idOf(warning)}
          className="warning-card"
          aria-label={`${warning.code} warning for ${warning.className}`}
          data-testid="lab-warning"
        >
          <p className="warning-title">
            <span className="tag tag-warning">{warning.code}</span>{' '}
            <strong>{warning.className}</strong> never hits: <Code>config.{warning.path}</Code> is
            new on every call ·{' '}
            <span data-testid="lab-warning-count">
              {warning.count} {warning.count === 1 ? 'miss' : 'misses'}
            </span>
          </p>
          <p className="warning-message">
            The event’s message:{' '}
            <span className="mono" data-testid="lab-warning-message">
              {messages.get(idOf(warning)) ??
                `${warning.code} ${warning.className} config.${warning.path}`}
            </span>
          </p>
          <p className="warning-fix-title">
            <strong>How to fix it:</strong> make the {warning.path} once and pass that same object
            on every call, or pass it once in the session’s <Code>clientConfig</Code>. Objects and
            functions are compared by identity, so a new one is a new key.
          </p>
          <pre className="code-block" aria-label={`How to fix config.${warning.path}`}>
            {fixFor(warning)}
          </pre>
        </section>
      ))}
    </div>
  )
}
