import { useState } from 'react'
import type { UploadFormProps } from './UploadForm.js'
import { UploadForm } from './UploadForm.js'

/** "Upload text": a key and the text to write there, under `uploadPrefix`. */
export function UploadTextForm({
  onUpload,
  ...form
}: UploadFormProps & {
  /** Writes `text` at `key` (prefix included). */
  onUpload: (key: string, text: string) => void
}) {
  const [textKey, setTextKey] = useState('notes/hello-from-the-playground.txt')
  const [text, setText] = useState('Written through a cached S3Client.\n')

  const submit = (uploadPrefix: string) => {
    if (!textKey.trim()) {
      form.onInvalid('Give the text object a key.')
      return
    }
    onUpload(`${uploadPrefix}${textKey.trim()}`, text)
  }

  return (
    <UploadForm
      {...form}
      titleId="upload-text-title"
      title="Upload text"
      submitLabel="Upload text"
      onSubmit={submit}
    >
      <label className="field">
        <span>Key</span>
        <input type="text" value={textKey} onChange={(event) => setTextKey(event.target.value)} />
      </label>
      <label className="field">
        <span>Text</span>
        <textarea rows={3} value={text} onChange={(event) => setText(event.target.value)} />
      </label>
    </UploadForm>
  )
}
