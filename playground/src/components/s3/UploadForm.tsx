import type { FormEvent, ReactNode } from 'react'

/** What an upload form is given: where uploads go, and whether an action runs. */
export interface UploadFormProps {
  /** The signed-in user's folder, where uploads go; `null` for a guest, who may not upload. */
  uploadPrefix: string | null
  /** `true` while any action runs. */
  disabled: boolean
  /** `true` while this form's upload runs. */
  uploading: boolean
  /** Says why the form cannot be sent. */
  onInvalid: (message: string) => void
}

/**
 * The frame of an upload form: a titled card, its fields (`children`), and a submit button that
 * waits while any action runs and stays off for a guest. Sent by a guest, it says to sign in;
 * otherwise `onSubmit` gets the folder to upload to.
 */
export function UploadForm({
  titleId,
  title,
  submitLabel,
  uploadPrefix,
  disabled,
  uploading,
  onInvalid,
  onSubmit,
  children,
}: UploadFormProps & {
  /** The title's id, which labels the form. */
  titleId: string
  title: string
  submitLabel: string
  onSubmit: (uploadPrefix: string) => void
  children: ReactNode
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (uploadPrefix === null) onInvalid('Sign in to upload.')
    else onSubmit(uploadPrefix)
  }

  return (
    <form className="card-form" onSubmit={submit} aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {children}
      <button type="submit" className="button primary" disabled={disabled || uploadPrefix === null}>
        {uploading ? 'Uploading…' : submitLabel}
      </button>
    </form>
  )
}
