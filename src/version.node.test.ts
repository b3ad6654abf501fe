/** `VERSION` is the version package.json publishes. */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { VERSION } from './version.js'

describe('VERSION', () => {
  it("equals package.json's version", async () => {
    const manifest = JSON.parse(
      await readFile(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string }
    expect(VERSION).toBe(manifest.version)
  })
})
