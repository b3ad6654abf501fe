import type { FormEvent } from 'react'
import { useState } from 'react'
import { Code } from '../ui.js'

/**
 * "Any key": reads or writes whatever key is typed, in any folder, for S3 to decide (another
 * user's folder is `AccessDenied`; guests may write nowhere).
 */
export function AnyKeyForm({
  disabled,
  reading,
  writing,
  onInvalid,
  onRead,
  onWrite,
}: {
  /** `true` while any action runs. */
  disabled: boolean
  /** `true` while this form's read runs. */
  reading: boolean
  /** `true` while this form's write runs. */
  writing: boolean
  /** Says why the form cannot be sent. */
  onInvalid: (message: string) => void
  onRead: (key: string) => void
  onWrite: (key: string) => void
}) {
  const [anyKey, setAnyKey] = useState('')

  /** The key typed, or `null` (and the user told) when there is none. */
  const keyTyped = (): string | null => {
    const key = anyKey.trim()
    if (!key) onInvalid('Give a key to read or write.')
    return key || null
  }

  const read = (event: FormEvent) => {
    event.preventDefault()
    const key = keyTyped()
    if (key !== null) onRead(key)
  }

  const write = () => {
    const key = keyTyped()
    if (key !== null) onWrite(key)
  }

  return (
    <form className="card-form" onSubmit={read} aria-labelledby="any-key-title">
      <h3 id="any-key-title">Any key</h3>
      <p className="muted small">
        Read or write a key outside your folders (another user&rsquo;s, say): S3 answers{' '}
        <Code>AccessDenied</Code>.
      </p>
      <label className="field">
        <span>Key</span>
        <input
          type="text"
          value={anyKey}
          placeholder="private/us-east-1:…/notes/x.txt"
          onChange={(event) => setAnyKey(event.target.value)}
        />
      </label>
      <div className="button-row">
        <button type="submit" className="button secondary" disabled={disabled}>
          {reading ? 'Reading…' : 'Read'}
        </button>
        <button type="button" className="button secondary" onClick={write} disabled={disabled}>
          {writing ? 'Writing…' : 'Write'}
        </button>
      </div>
    </form>
  )
}
