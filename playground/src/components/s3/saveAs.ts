/**
 * Hands bytes to the browser as a download named after the key's last segment (`download` when
 * it has none).
 */
export function saveAs(bytes: Uint8Array, contentType: string, key: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType }))
  const anchor = document.createElement('a')
  anchor.href = url
  anchor.download = key.split('/').pop() || 'download'
  document.body.append(anchor)
  anchor.click()
  anchor.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
