/**
 * React Server Components frameworks (Next.js App Router) let a server component import a module
 * only if the module's file begins with `'use client'`, or if it has no client-only code. So every
 * built file that only `./react`, `./devtools` or `./devtools/production` reach must begin with the
 * directive, and no file the core reaches may carry it (the core runs in server components, route
 * handlers and edge runtimes as it is).
 *
 * Builds the library with its own Vite config into a scratch folder and walks the import graph of
 * the output from each package entry, so a chunk that a future refactor moves or splits is checked
 * by what reaches it, not by its name.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Output files (relative to dist/) of the package entries, per side. */
const CLIENT_ENTRIES = ['react/index.js', 'devtools/index.js', 'devtools/production.js']
const CORE_ENTRIES = ['index.js', 'platform/node.js', 'platform/browser.js']

const DIRECTIVE = /^(['"])use client\1;?\r?\n/

let outDir: string
/** dist-relative path → source text. */
const files = new Map<string, string>()

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'aws-client-cache-dist-'))
  await build({
    root,
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  })
  for (const entry of await readdir(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue
    const path = join(entry.parentPath, entry.name)
    files.set(relative(outDir, path), await readFile(path, 'utf8'))
  }
}, 60_000)

afterAll(async () => {
  if (outDir !== undefined) await rm(outDir, { recursive: true, force: true })
})

/** Relative imports of a built file (static and dynamic), as dist-relative paths. */
function localImports(file: string): string[] {
  const code = files.get(file) ?? ''
  const specifiers = [
    ...code.matchAll(/\bfrom\s*["'](\.{1,2}\/[^"']+)["']/g),
    ...code.matchAll(/\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g),
    ...code.matchAll(/^import\s*["'](\.{1,2}\/[^"']+)["']/gm),
  ].map((match) => match[1]!)
  return specifiers.map((specifier) => relative(outDir, resolve(outDir, dirname(file), specifier)))
}

/** Every built file an entry reaches, the entry included. */
function reachedFrom(entry: string): Set<string> {
  const seen = new Set<string>()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    queue.push(...localImports(file))
  }
  return seen
}

describe("'use client' in the built files", () => {
  it('built every package entry', () => {
    for (const entry of [...CLIENT_ENTRIES, ...CORE_ENTRIES])
      expect(files.has(entry), entry).toBe(true)
  })

  it('begins every file that only the React entries reach with the directive', () => {
    const core = new Set(CORE_ENTRIES.flatMap((entry) => [...reachedFrom(entry)]))
    const clientOnly = [...new Set(CLIENT_ENTRIES.flatMap((entry) => [...reachedFrom(entry)]))]
      .filter((file) => !core.has(file))
      .sort()
    // The three entries and the devtools panel's own chunk, at least.
    expect(clientOnly.length).toBeGreaterThanOrEqual(4)
    const missing = clientOnly.filter((file) => !DIRECTIVE.test(files.get(file)!))
    expect(missing, 'client-only files without a leading directive').toEqual([])
  })

  it('leaves the directive out of every file the core reaches', () => {
    const core = [...new Set(CORE_ENTRIES.flatMap((entry) => [...reachedFrom(entry)]))].sort()
    expect(core.length).toBeGreaterThanOrEqual(3)
    const marked = core.filter((file) => /(['"])use client\1/.test(files.get(file)!))
    expect(marked, 'core files with a use client directive').toEqual([])
  })

  it('reaches the core from the React entries through the same shared chunk, not a copy', () => {
    const coreFiles = reachedFrom('index.js')
    const shared = [...reachedFrom('react/index.js')].filter((file) => coreFiles.has(file))
    expect(shared.length).toBeGreaterThan(0)
  })
})
