import type { _Object } from '@aws-sdk/client-s3'
import { config } from '../../aws.js'
import { formatBytes, formatMs, StatusMessage } from '../ui.js'

/**
 * The bucket's objects as a table, a row each with Preview, Download and (for keys under
 * `deletablePrefix`, the signed-in user's folder) Delete; below it the last action's outcome and
 * the listing's count, size and time.
 */
export function ObjectList({
  objects,
  listedIn,
  status,
  listing,
  disabled,
  deletablePrefix,
  onPreview,
  onDownload,
  onDelete,
}: {
  /** The objects listed; `null` until a listing succeeds. */
  objects: _Object[] | null
  /** How long the last listing took, in milliseconds. */
  listedIn: number | null
  /** The last action's outcome ("Uploaded …"). */
  status: string | null
  /** `true` while the bucket is being listed. */
  listing: boolean
  /** `true` while any action runs: every button waits. */
  disabled: boolean
  /** Where the user may delete; `null` for a guest. */
  deletablePrefix: string | null
  onPreview: (key: string) => void
  onDownload: (key: string) => void
  onDelete: (key: string) => void
}) {
  const totalBytes = objects?.reduce((sum, object) => sum + (object.Size ?? 0), 0) ?? 0

  return (
    <>
      <div className="table-wrap">
        <table className="objects" aria-label={`Objects in ${config.bucket}`} aria-busy={listing}>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col" className="modified">
                Last modified
              </th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {objects === null && (
              <tr>
                <td colSpan={4} className="empty">
                  {listing ? 'Listing the bucket…' : 'The bucket could not be listed.'}
                </td>
              </tr>
            )}
            {objects?.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">
                  The bucket is empty. Upload something below.
                </td>
              </tr>
            )}
            {objects?.map((object) => {
              const key = object.Key ?? ''
              return (
                <tr key={key} data-testid="object-row" data-key={key}>
                  <th scope="row" className="key">
                    <span className="key-prefix">
                      {key.includes('/') ? key.slice(0, key.lastIndexOf('/') + 1) : ''}
                    </span>
                    {key.slice(key.lastIndexOf('/') + 1)}
                  </th>
                  <td className="num">{formatBytes(object.Size ?? 0)}</td>
                  <td className="muted modified">{object.LastModified?.toLocaleString() ?? '—'}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button ghost small"
                      aria-label={`Preview ${key}`}
                      onClick={() => onPreview(key)}
                      disabled={disabled}
                    >
                      Preview
                    </button>
                    <button
                      type="button"
                      className="button ghost small"
                      aria-label={`Download ${key}`}
                      onClick={() => onDownload(key)}
                      disabled={disabled}
                    >
                      Download
                    </button>
                    {deletablePrefix !== null && key.startsWith(deletablePrefix) && (
                      <button
                        type="button"
                        className="button danger small"
                        aria-label={`Delete ${key}`}
                        onClick={() => onDelete(key)}
                        disabled={disabled}
                      >
                        Delete
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      <div className="table-footer">
        <StatusMessage message={status} testId="s3-status" />
        {objects !== null && (
          <span className="muted" data-testid="s3-summary">
            {objects.length} {objects.length === 1 ? 'object' : 'objects'},{' '}
            {formatBytes(totalBytes)}
            {listedIn !== null && ` · listed in ${formatMs(listedIn)}`}
          </span>
        )}
      </div>
    </>
  )
}
