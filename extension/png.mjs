/**
 * The extension's icon, drawn in code at any size and written as PNG (no image tools needed): a
 * rounded square with three stacked cache slots, the newest one highlighted.
 */
import { crc32, deflateSync } from 'node:zlib'

/** Coverage (0–1) of pixel (x, y) by a rounded rectangle, 4×4 supersampled. */
function cover(x, y, rect) {
  let inside = 0
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const px = x + (i + 0.5) / 4
      const py = y + (j + 0.5) / 4
      const dx = Math.max(rect.x0 + rect.r - px, 0, px - (rect.x1 - rect.r))
      const dy = Math.max(rect.y0 + rect.r - py, 0, py - (rect.y1 - rect.r))
      if (
        px >= rect.x0 &&
        px <= rect.x1 &&
        py >= rect.y0 &&
        py <= rect.y1 &&
        dx * dx + dy * dy <= rect.r * rect.r
      ) {
        inside++
      }
    }
  }
  return inside / 16
}

/** RGBA pixels of the icon at `size`×`size`. */
export function drawIcon(size) {
  const s = size / 128
  const background = { x0: 4 * s, y0: 4 * s, x1: 124 * s, y1: 124 * s, r: 26 * s }
  const slots = [0, 1, 2].map((i) => ({
    x0: 28 * s,
    x1: 100 * s,
    y0: (30 + i * 26) * s,
    y1: (48 + i * 26) * s,
    r: 5 * s,
  }))
  const colors = { background: [35, 47, 62], slot: [255, 255, 255], hot: [255, 153, 0] }
  const pixels = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const base = cover(x, y, background)
      let [r, g, b] = colors.background
      slots.forEach((slot, i) => {
        const a = cover(x, y, slot)
        const c = i === 0 ? colors.hot : colors.slot
        r = r * (1 - a) + c[0] * a
        g = g * (1 - a) + c[1] * a
        b = b * (1 - a) + c[2] * a
      })
      const o = (y * size + x) * 4
      pixels[o] = Math.round(r)
      pixels[o + 1] = Math.round(g)
      pixels[o + 2] = Math.round(b)
      pixels[o + 3] = Math.round(base * 255)
    }
  }
  return pixels
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A PNG file (8-bit RGBA) of `pixels`. */
export function encodePng(size, pixels) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0 // no filter
    pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}
