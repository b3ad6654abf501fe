/**
 * Sign-in for the S3 browser: the sandbox's demo users (their demo passwords shown and filled in),
 * or any user of a real pool. Signed in, it shows who and which Cognito identity the S3 browser
 * acts for, and a sign-out button.
 */
import type { FormEvent } from 'react'
import { useState } from 'react'
import { config } from '../aws.js'
import { Code } from './ui.js'

export interface SignedInUser {
  username: string
  identityId: string
}

export function SignInForm({
  user,
  disabled,
  onSignIn,
  onSignOut,
}: {
  user: SignedInUser | null
  disabled: boolean
  onSignIn: (username: string, password: string) => void
  onSignOut: () => void
}) {
  const demoUsers = config.demoUsers ?? []
  const [username, setUsername] = useState(demoUsers[0]?.username ?? '')
  const [password, setPassword] = useState(demoUsers[0]?.password ?? '')

  if (user) {
    return (
      <div className="sign-in" data-testid="s3-user">
        <span>
          Signed in as <strong>{user.username}</strong>: identity{' '}
          <Code>
            <span data-testid="s3-identity">{user.identityId}</span>
          </Code>
          , which may also write <Code>private/{'<identity id>'}/</Code>.
        </span>
        <button
          type="button"
          className="button secondary small"
          onClick={onSignOut}
          disabled={disabled}
        >
          Sign out
        </button>
      </div>
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSignIn(username.trim(), password)
  }
  const pick = (name: string) => {
    setUsername(name)
    setPassword(demoUsers.find((demo) => demo.username === name)?.password ?? '')
  }
  return (
    <form className="sign-in inline-form" aria-label="Sign in" onSubmit={submit}>
      <span className="muted">
        Browsing as a guest: <Code>public/</Code> only, read-only.
      </span>
      <label className="field inline">
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
      <label className="field inline">
        <span>Password</span>
        <input
          type={demoUsers.length > 0 ? 'text' : 'password'}
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
      </label>
      <button type="submit" className="button primary small" disabled={disabled}>
        Sign in
      </button>
    </form>
  )
}
