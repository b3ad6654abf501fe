import { Code, formatBytes } from '../ui.js'
import type { Preview } from './preview.js'

/** An object's contents under its key: the text, the image, or its size and type. */
export function ObjectPreview({ preview, onClose }: { preview: Preview; onClose: () => void }) {
  return (
    <figure className="preview" aria-label={`Preview of ${preview.key}`}>
      <figcaption>
        <Code>{preview.key}</Code>
        <button type="button" className="button ghost small" onClick={onClose}>
          Close preview
        </button>
      </figcaption>
      {preview.kind === 'text' && <pre>{preview.text}</pre>}
      {preview.kind === 'image' && <img src={preview.url} alt={`Contents of ${preview.key}`} />}
      {preview.kind === 'binary' && (
        <p className="muted">
          {formatBytes(preview.size)} of {preview.contentType}; download it to open it.
        </p>
      )}
    </figure>
  )
}
