import { useRef, useState } from 'react'
import type { UploadFormProps } from './UploadForm.js'
import { UploadForm } from './UploadForm.js'

/**
 * "Upload a file": a file and an optional key (the file's name when left empty), written under
 * `uploadPrefix`. The form clears once the file is uploaded.
 */
export function UploadFileForm({
  onUpload,
  ...form
}: UploadFormProps & {
  /** Uploads `file` at `key` (prefix included), then calls `uploaded`. */
  onUpload: (key: string, file: File, uploaded: () => void) => void
}) {
  const [file, setFile] = useState<File | null>(null)
  const [fileKey, setFileKey] = useState('')
  const fileInput = useRef<HTMLInputElement>(null)

  const submit = (uploadPrefix: string) => {
    if (!file) {
      form.onInvalid('Choose a file to upload first.')
      return
    }
    onUpload(`${uploadPrefix}${fileKey.trim() || file.name}`, file, () => {
      setFile(null)
      setFileKey('')
      if (fileInput.current) fileInput.current.value = ''
    })
  }

  return (
    <UploadForm
      {...form}
      titleId="upload-file-title"
      title="Upload a file"
      submitLabel="Upload file"
      onSubmit={submit}
    >
      <label className="field">
        <span>File</span>
        <input
          ref={fileInput}
          type="file"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </label>
      <label className="field">
        <span>Key (optional)</span>
        <input
          type="text"
          value={fileKey}
          placeholder={file?.name ?? 'uploads/photo.png'}
          onChange={(event) => setFileKey(event.target.value)}
        />
      </label>
    </UploadForm>
  )
}
