/** An object's bytes, ready to show: as text, as an image (an object URL to revoke), or neither. */
export type Preview =
  | { key: string; kind: 'text'; text: string }
  | { key: string; kind: 'image'; url: string }
  | { key: string; kind: 'binary'; size: number; contentType: string }

/** How an object's bytes are shown: an image, text, or its size and type. */
export function previewOf(key: string, bytes: Uint8Array, contentType: string): Preview {
  if (contentType.startsWith('image/')) {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: contentType }))
    return { key, kind: 'image', url }
  }
  if (isTextual(contentType, key)) {
    return { key, kind: 'text', text: new TextDecoder().decode(bytes) }
  }
  return { key, kind: 'binary', size: bytes.byteLength, contentType }
}

function isTextual(contentType: string, key: string): boolean {
  return (
    contentType.startsWith('text/') ||
    /json|xml|javascript|yaml/.test(contentType) ||
    /\.(txt|md|json|csv|ya?ml|xml|html?|css|js|ts)$/i.test(key)
  )
}
