/**
 * The demo bucket's contents: a few small objects under `public/` (readable by guests, as
 * Amplify's public access level), including a PNG generated here (no binary files in the
 * repository).
 */
import { stat } from 'node:fs/promises'
import { deflateSync } from 'node:zlib'
import type { S3rverStore } from './s3rver.js'
import { S3Object } from './s3rver.js'

export interface SeedObject {
  key: string
  contentType: string
  body: Buffer
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

/** A small RGB PNG: a diagonal gradient with a light ring, `size`×`size` pixels. */
export function createPng(size = 32): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0) // width
  header.writeUInt32BE(size, 4) // height
  header[8] = 8 // bit depth
  header[9] = 2 // colour type: truecolour (RGB)
  header[10] = 0 // compression
  header[11] = 0 // filter
  header[12] = 0 // interlace
  const rowLength = 1 + size * 3
  const pixels = Buffer.alloc(rowLength * size)
  const centre = (size - 1) / 2
  for (let y = 0; y < size; y++) {
    pixels[y * rowLength] = 0 // filter: none
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre)
      const ring = Math.abs(distance - size / 3) < 1.5
      const offset = y * rowLength + 1 + x * 3
      pixels[offset] = ring ? 255 : Math.round((255 * x) / (size - 1))
      pixels[offset + 1] = ring ? 255 : Math.round((153 * y) / (size - 1)) + 60
      pixels[offset + 2] = ring ? 255 : 200
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

export const SEED_OBJECTS: readonly SeedObject[] = [
  {
    key: 'public/hello.txt',
    contentType: 'text/plain; charset=utf-8',
    body: Buffer.from('Hello from the aws-client-cache sandbox!\n', 'utf8'),
  },
  {
    key: 'public/data/sample.json',
    contentType: 'application/json',
    body: Buffer.from(
      `${JSON.stringify({ project: 'aws-client-cache', kind: 'sandbox seed', items: [1, 2, 3] }, null, 2)}\n`,
      'utf8',
    ),
  },
  {
    key: 'public/notes/readme.md',
    contentType: 'text/markdown; charset=utf-8',
    body: Buffer.from(
      '# Sandbox bucket\n\nThese objects are created each time the sandbox starts.\n',
      'utf8',
    ),
  },
  { key: 'public/images/gradient.png', contentType: 'image/png', body: createPng() },
]

/**
 * Writes the seed objects straight into s3rver's store (no HTTP, so nothing is counted).
 *
 * s3rver's FilesystemStore resolves `putObject` for a Buffer before its write stream has
 * finished, so wait until each file has its full size before declaring the bucket ready.
 */
export async function seedBucket(
  store: S3rverStore,
  bucket: string,
  objects: readonly SeedObject[] = SEED_OBJECTS,
): Promise<void> {
  await Promise.all(
    objects.map(async ({ key, contentType, body }) => {
      await store.putObject(new S3Object(bucket, key, body, { 'content-type': contentType }))
      const file = store.getResourcePath(bucket, key, 'object')
      for (let attempt = 0; ; attempt++) {
        const size = await stat(file).then(
          (s) => s.size,
          () => -1,
        )
        if (size === body.length) return
        if (attempt >= 200) throw new Error(`Seeding ${bucket}/${key} did not complete`)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }),
  )
}
