/**
 * The demo bucket through the app's session: list, upload (a file or typed text), preview,
 * download and delete. Every call gets its client from `session.client(S3Client)`: built once,
 * then a cache hit.
 *
 * Access levels as Amplify Storage's (and the sandbox's): a guest lists and reads `public/`; a
 * signed-in user also reads, writes and deletes in `private/<identityId>/`. Signing in, switching
 * users and signing out happen in the identity panel and change the session's credentials, not its
 * client: this panel keeps calling the same `session.client(S3Client)`, and lists again when the
 * identity in force changes. "Any key" sends a read or a write of any key, for S3 to refuse.
 */
import type { _Object } from '@aws-sdk/client-s3'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import type { FormEvent } from 'react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { config, describeError, privatePrefix, PUBLIC_PREFIX, session } from '../aws.js'
import { describeCredentials, isUser, useIdentityInForce } from '../identity.js'
import { Code, ErrorMessage, formatBytes, formatMs, Panel, StatusMessage } from './ui.js'

/** The app's one S3 client: built on first use, then a cache hit, whoever is signed in. */
const s3 = () => session.client(S3Client)

/**
 * The prefixes the identity in force may list, asked of the session itself (the credentials that
 * will sign the listing), so a listing never names another identity's folder.
 */
async function readablePrefixes(): Promise<string[]> {
  const identity = describeCredentials(await session.getCredentials())
  return isUser(identity) && identity.identityId !== null
    ? [PUBLIC_PREFIX, privatePrefix(identity.identityId)]
    : [PUBLIC_PREFIX]
}

async function listAll(): Promise<_Object[]> {
  const objects: _Object[] = []
  for (const prefix of await readablePrefixes()) {
    let token: string | undefined
    do {
      const page = await s3().send(
        new ListObjectsV2Command({
          Bucket: config.bucket,
          Prefix: prefix,
          ContinuationToken: token,
        }),
      )
      objects.push(...(page.Contents ?? []))
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token !== undefined)
  }
  return objects.sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''))
}

async function getBytes(key: string): Promise<{ bytes: Uint8Array; contentType: string }> {
  const response = await s3().send(new GetObjectCommand({ Bucket: config.bucket, Key: key }))
  if (!response.Body) throw new Error(`GetObject returned no body for ${key}`)
  const bytes = await response.Body.transformToByteArray()
  return { bytes, contentType: response.ContentType ?? 'application/octet-stream' }
}

function saveAs(bytes: Uint8Array, contentType: string, key: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = key.split('/').pop() || 'download'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** How an object's bytes are shown: an image, text, or its size and type. */
function previewOf(key: string, bytes: Uint8Array, contentType: string): Preview {
  if (contentType.startsWith('image/')) {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType }))
    return { key, kind: 'image', url }
  }
  if (isTextual(contentType, key)) {
    return { key, kind: 'text', text: new TextDecoder().decode(bytes) }
  }
  return { key, kind: 'binary', size: bytes.byteLength, contentType }
}

type Preview =
  | { key: string; kind: 'text'; text: string }
  | { key: string; kind: 'image'; url: string }
  | { key: string; kind: 'binary'; size: number; contentType: string }

function isTextual(contentType: string, key: string): boolean {
  return (
    contentType.startsWith('text/') ||
    /json|xml|javascript|yaml/.test(contentType) ||
    /\.(txt|md|json|csv|ya?ml|xml|html?|css|js|ts)$/i.test(key)
  )
}

export function S3Browser() {
  const [objects, setObjects] = useState<_Object[] | null>(null)
  const [listedIn, setListedIn] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>('list')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [file, setFile] = useState<File | null>(null)
  const [fileKey, setFileKey] = useState('')
  const [textKey, setTextKey] = useState('notes/hello-from-the-playground.txt')
  const [text, setText] = useState('Written through a cached S3Client.\n')
  const [anyKey, setAnyKey] = useState('')
  const identity = useIdentityInForce()
  const userIdentityId = isUser(identity) ? identity.identityId : null
  const fileInput = useRef<HTMLInputElement>(null)
  /** Where uploads go: the signed-in user's folder; guests cannot write. */
  const uploadPrefix = userIdentityId === null ? null : privatePrefix(userIdentityId)

  /** Runs one user action: one at a time, errors shown in the panel. */
  const run = useCallback(async (name: string, action: () => Promise<string | void>) => {
    setBusy(name)
    setError(null)
    try {
      const message = await action()
      if (message) setStatus(message)
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(null)
    }
  }, [])

  const refresh = useCallback(async () => {
    const started = performance.now()
    const listed = await listAll()
    setListedIn(performance.now() - started)
    setObjects(listed)
  }, [])

  // On load, and again whenever the signed-in user changes (sign-in, switch, sign-out): the
  // listing then shows the new identity's private folder, or none.
  useEffect(() => {
    setPreview(null)
    setStatus(null)
    void run('list', refresh)
  }, [run, refresh, userIdentityId])

  useEffect(() => {
    return () => {
      if (preview?.kind === 'image') URL.revokeObjectURL(preview.url)
    }
  }, [preview])

  const uploadFile = (event: FormEvent) => {
    event.preventDefault()
    if (!file || uploadPrefix === null) {
      setError(uploadPrefix === null ? 'Sign in to upload.' : 'Choose a file to upload first.')
      return
    }
    const key = `${uploadPrefix}${fileKey.trim() || file.name}`
    void run('upload-file', async () => {
      const body = new Uint8Array(await file.arrayBuffer())
      await s3().send(
        new PutObjectCommand({
          Bucket: config.bucket,
          Key: key,
          Body: body,
          ContentType: file.type || 'application/octet-stream',
        }),
      )
      await refresh()
      setFile(null)
      setFileKey('')
      if (fileInput.current) fileInput.current.value = ''
      return `Uploaded ${key} (${formatBytes(body.byteLength)}).`
    })
  }

  const uploadText = (event: FormEvent) => {
    event.preventDefault()
    if (!textKey.trim() || uploadPrefix === null) {
      setError(uploadPrefix === null ? 'Sign in to upload.' : 'Give the text object a key.')
      return
    }
    const key = `${uploadPrefix}${textKey.trim()}`
    void run(
      'upload-text',
      async () => `Uploaded ${key} (${formatBytes(await putText(key, text))}).`,
    )
  }

  /** Writes a text object, lists again, and resolves its size in bytes. */
  const putText = async (key: string, text: string): Promise<number> => {
    const body = new TextEncoder().encode(text)
    await s3().send(
      new PutObjectCommand({
        Bucket: config.bucket,
        Key: key,
        Body: body,
        ContentType: 'text/plain; charset=utf-8',
      }),
    )
    await refresh()
    return body.byteLength
  }

  const download = (key: string) =>
    run(`download:${key}`, async () => {
      const { bytes, contentType } = await getBytes(key)
      saveAs(bytes, contentType, key)
      return `Downloaded ${key} (${formatBytes(bytes.byteLength)}).`
    })

  const showPreview = (key: string) =>
    run(`preview:${key}`, async () => {
      const { bytes, contentType } = await getBytes(key)
      setPreview(previewOf(key, bytes, contentType))
    })

  /** Any key, read: S3 decides (another identity's folder is AccessDenied). */
  const readAnyKey = (event: FormEvent) => {
    event.preventDefault()
    const key = anyKey.trim()
    if (!key) {
      setError('Give a key to read or write.')
      return
    }
    void run('any-read', async () => {
      const { bytes, contentType } = await getBytes(key)
      setPreview(previewOf(key, bytes, contentType))
      return `Read ${key} (${formatBytes(bytes.byteLength)}).`
    })
  }

  /** Any key, written with a short text: S3 decides (guests may write nowhere). */
  const writeAnyKey = () => {
    const key = anyKey.trim()
    if (!key) {
      setError('Give a key to read or write.')
      return
    }
    void run('any-write', async () => {
      const size = await putText(key, `Written by ${identity.who ?? 'someone'}.\n`)
      return `Wrote ${key} (${formatBytes(size)}).`
    })
  }

  const remove = (key: string) =>
    run(`delete:${key}`, async () => {
      await s3().send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key }))
      if (preview?.key === key) setPreview(null)
      await refresh()
      return `Deleted ${key}.`
    })

  const totalBytes = objects?.reduce((sum, object) => sum + (object.Size ?? 0), 0) ?? 0

  return (
    <Panel
      id="s3"
      title="S3 browser"
      className="span-2"
      subtitle={
        <>
          Bucket <Code>{config.bucket}</Code> through <Code>session.client(S3Client)</Code>: one
          cached client, Cognito credentials shared by the session. Guests read{' '}
          <Code>{PUBLIC_PREFIX}</Code>; a signed-in user also writes <Code>private/</Code> (their
          own folder).
        </>
      }
      actions={
        <button
          type="button"
          className="button secondary"
          onClick={() => void run('list', refresh)}
          disabled={busy !== null}
        >
          {busy === 'list' ? 'Listing…' : 'Refresh'}
        </button>
      }
    >
      <ErrorMessage error={error} onDismiss={() => setError(null)} testId="s3-error" />
      <p className="acting-as" data-testid="s3-acting-as">
        {identity.who === null ? (
          <span className="muted">Resolving credentials…</span>
        ) : uploadPrefix === null ? (
          <>
            As a <strong>guest</strong>: <Code>{PUBLIC_PREFIX}</Code> only, read-only.{' '}
            <a href="#identity">Sign in</a> for a private folder.
          </>
        ) : (
          <>
            As <strong>{identity.who}</strong>: <Code>{PUBLIC_PREFIX}</Code> and{' '}
            <Code>
              private/<span data-testid="s3-identity">{userIdentityId}</span>/
            </Code>
          </>
        )}
      </p>

      <div className="table-wrap">
        <table
          className="objects"
          aria-label={`Objects in ${config.bucket}`}
          aria-busy={busy === 'list'}
        >
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col" className="num">
                Size
              </th>
              <th scope="col">Last modified</th>
              <th scope="col" className="actions-col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {objects === null && (
              <tr>
                <td colSpan={4} className="empty">
                  {busy === 'list' ? 'Listing the bucket…' : 'The bucket could not be listed.'}
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
                  <td className="muted">{object.LastModified?.toLocaleString() ?? '—'}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button ghost small"
                      aria-label={`Preview ${key}`}
                      onClick={() => void showPreview(key)}
                      disabled={busy !== null}
                    >
                      Preview
                    </button>
                    <button
                      type="button"
                      className="button ghost small"
                      aria-label={`Download ${key}`}
                      onClick={() => void download(key)}
                      disabled={busy !== null}
                    >
                      Download
                    </button>
                    {uploadPrefix !== null && key.startsWith(uploadPrefix) && (
                      <button
                        type="button"
                        className="button danger small"
                        aria-label={`Delete ${key}`}
                        onClick={() => void remove(key)}
                        disabled={busy !== null}
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

      {preview && (
        <figure className="preview" aria-label={`Preview of ${preview.key}`}>
          <figcaption>
            <Code>{preview.key}</Code>
            <button type="button" className="button ghost small" onClick={() => setPreview(null)}>
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
      )}

      <p className="muted upload-target" data-testid="upload-target">
        {uploadPrefix === null ? (
          <>Sign in to upload: guests may only read.</>
        ) : (
          <>
            Uploads go to <Code>{uploadPrefix}</Code> followed by the key.
          </>
        )}
      </p>
      <div className="upload-grid three">
        <form className="card-form" onSubmit={uploadFile} aria-labelledby="upload-file-title">
          <h3 id="upload-file-title">Upload a file</h3>
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
          <button
            type="submit"
            className="button primary"
            disabled={busy !== null || uploadPrefix === null}
          >
            {busy === 'upload-file' ? 'Uploading…' : 'Upload file'}
          </button>
        </form>
        <form className="card-form" onSubmit={uploadText} aria-labelledby="upload-text-title">
          <h3 id="upload-text-title">Upload text</h3>
          <label className="field">
            <span>Key</span>
            <input
              type="text"
              value={textKey}
              onChange={(event) => setTextKey(event.target.value)}
            />
          </label>
          <label className="field">
            <span>Text</span>
            <textarea rows={3} value={text} onChange={(event) => setText(event.target.value)} />
          </label>
          <button
            type="submit"
            className="button primary"
            disabled={busy !== null || uploadPrefix === null}
          >
            {busy === 'upload-text' ? 'Uploading…' : 'Upload text'}
          </button>
        </form>
        <form className="card-form" onSubmit={readAnyKey} aria-labelledby="any-key-title">
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
            <button type="submit" className="button secondary" disabled={busy !== null}>
              {busy === 'any-read' ? 'Reading…' : 'Read'}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={writeAnyKey}
              disabled={busy !== null}
            >
              {busy === 'any-write' ? 'Writing…' : 'Write'}
            </button>
          </div>
        </form>
      </div>
    </Panel>
  )
}
