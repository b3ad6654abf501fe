/**
 * Sign-in for the identity panel: the sandbox's demo users (their demo passwords shown and filled
 * in), or any user of a real pool. Signed in, the same form switches to another user (no sign-out
 * first), and a sign-out button goes back to a guest.
 */
import type { FormEvent } from 'react'
import { useState } from 'react'
import { config } from '../aws.js'

export function SignInForm({
  signedInAs,
  disabled,
  onSignIn,
  onSignOut,
}: {
  /** The signed-in username, or `null` for a guest. */
  signedInAs: string | null
  disabled: boolean
  onSignIn: (username: string, password: string) => void
  onSignOut: () => void
}) {
  const demoUsers = config.demoUsers ?? []
  const [username, setUsername] = useState(demoUsers[0]?.username ?? '')
  const [password, setPassword] = useState(demoUsers[0]?.password ?? '')

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSignIn(username.trim(), password)
  }
  const pick = (name: string) => {
    setUsername(name)
    setPassword(demoUsers.find((demo) => demo.username === name)?.password ?? '')
  }
  return (
    <form className="sign-in" aria-label="Sign in" onSubmit={submit}>
      <div className="sign-in-fields">
        <label className="field">
          <span>User</span>
          {demoUsers.length > 0 ? (
            <select value={username} onChange={(event) => pick(event.target.value)}>
              {demoUsers.map((demo) => (
                <option key={demo.username} value={demo.username}>
                  {demo.username}
                </option>
              ))}
            </select>
          ) : (
            <input
              type="text"
              autoComplete="username"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
          )}
        </label>
        <label className="field">
          <span>Password</span>
          <input
            type={demoUsers.length > 0 ? 'text' : 'password'}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
      </div>
      {demoUsers.length > 0 && (
        <p className="muted small">
          Demo users of the local user pool; their passwords protect nothing:{' '}
          {demoUsers.map((demo, index) => (
            <span key={demo.username}>
              {index > 0 && ', '}
              <code className="code">{demo.username}</code> /{' '}
              <code className="code">{demo.password}</code>
            </span>
          ))}
          .
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button primary" disabled={disabled}>
          {signedInAs === null ? 'Sign in' : 'Switch user'}
        </button>
        {signedInAs !== null && (
          <button
            type="button"
            className="button secondary"
            onClick={onSignOut}
            disabled={disabled}
          >
            Sign out
          </button>
        )}
      </div>
    </form>
  )
}
