import type { _Object } from '@aws-sdk/client-s3'
import { useCallback, useEffect, useState } from 'react'
import { useAction } from '../shared/useAction.js'
import { formatBytes } from '../ui.js'
import { deleteObject, getBytes, listAll, putBytes } from './bucket.js'
import type { Preview } from './preview.js'
import { previewOf } from './preview.js'
import { saveAs } from './saveAs.js'

/**
 * The S3 browser's state and what the user does with the bucket: the listing, the preview, and
 * one action at a time (`busy` names it: `list`, `upload-file`, `upload-text`, `any-read`,
 * `any-write`, or `preview:`, `download:` or `delete:` and the key), its outcome in `status` or
 * `error`.
 *
 * Lists on mount, and again whenever `userIdentityId` (the signed-in user's identity id, `null`
 * for a guest) changes: the listing then shows the new identity's private folder, or none. `who`
 * signs what "Any key" writes.
 */
export function useBucket(userIdentityId: string | null, who: string | null) {
  const { busy, error, setError, status, setStatus, run } = useAction('list')
  const [objects, setObjects] = useState<_Object[] | null>(null)
  const [listedIn, setListedIn] = useState<number | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)

  const refresh = useCallback(async () => {
    const started = performance.now()
    const listed = await listAll()
    setListedIn(performance.now() - started)
    setObjects(listed)
  }, [])

  // On load, and again whenever the signed-in user changes (sign-in, switch, sign-out).
  useEffect(() => {
    setPreview(null)
    setStatus(null)
    void run('list', refresh)
  }, [run, refresh, setStatus, userIdentityId])

  useEffect(() => {
    return () => {
      if (preview?.kind === 'image') URL.revokeObjectURL(preview.url)
    }
  }, [preview])

  /** Writes a text object, lists again, and resolves its size in bytes. */
  const putText = async (key: string, text: string): Promise<number> => {
    const body = new TextEncoder().encode(text)
    await putBytes(key, body, 'text/plain; charset=utf-8')
    await refresh()
    return body.byteLength
  }

  /** Reads an object into the preview, and resolves its size in bytes. */
  const showObject = async (key: string): Promise<number> => {
    const { bytes, contentType } = await getBytes(key)
    setPreview(previewOf(key, bytes, contentType))
    return bytes.byteLength
  }

  return {
    busy,
    error,
    setError,
    status,
    /** The objects listed, sorted by key; `null` until a listing succeeds. */
    objects,
    /** How long the last listing took, in milliseconds. */
    listedIn,
    preview,
    closePreview: () => setPreview(null),

    /** Lists the bucket again. */
    list: () => void run('list', refresh),

    /** Writes a file's bytes at `key`, lists again, then calls `uploaded` (to clear the form). */
    uploadFile: (key: string, file: File, uploaded: () => void) =>
      void run('upload-file', async () => {
        const body = new Uint8Array(await file.arrayBuffer())
        await putBytes(key, body, file.type || 'application/octet-stream')
        await refresh()
        uploaded()
        return `Uploaded ${key} (${formatBytes(body.byteLength)}).`
      }),

    uploadText: (key: string, text: string) =>
      void run(
        'upload-text',
        async () => `Uploaded ${key} (${formatBytes(await putText(key, text))}).`,
      ),

    download: (key: string) =>
      void run(`download:${key}`, async () => {
        const { bytes, contentType } = await getBytes(key)
        saveAs(bytes, contentType, key)
        return `Downloaded ${key} (${formatBytes(bytes.byteLength)}).`
      }),

    showPreview: (key: string) =>
      void run(`preview:${key}`, async () => {
        await showObject(key)
      }),

    /** Any key, read: S3 decides (another identity's folder is AccessDenied). */
    readAnyKey: (key: string) =>
      void run('any-read', async () => `Read ${key} (${formatBytes(await showObject(key))}).`),

    /** Any key, written with a short text: S3 decides (guests may write nowhere). */
    writeAnyKey: (key: string) =>
      void run('any-write', async () => {
        const size = await putText(key, `Written by ${who ?? 'someone'}.\n`)
        return `Wrote ${key} (${formatBytes(size)}).`
      }),

    remove: (key: string) =>
      void run(`delete:${key}`, async () => {
        await deleteObject(key)
        if (preview?.key === key) setPreview(null)
        await refresh()
        return `Deleted ${key}.`
      }),
  }
}
