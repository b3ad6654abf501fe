/**
 * Bundle sizes as an app would ship them: esbuild (`--bundle --minify --format=esm
 * --platform=browser`, conditions `browser` and `source`, so `#platform` is the browser one),
 * gzip level 9. With code splitting, the lazily imported partition table is its own chunk: the
 * figures are the entry chunk plus the chunks it imports statically (what loads up front); the
 * lazy chunk is reported separately.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'

export interface SizeResults {
  coreTypicalGzBytes: number
  coreAllGzBytes: number
  devtoolsGzBytes: number
  /** `aws-client-cache/devtools` (the development-only entry) in a production build. */
  devtoolsDevOnlyInProductionGzBytes: number
  coreLazyChunkGzBytes: number
  coreTypicalMinBytes: number
  coreAllMinBytes: number
  devtoolsMinBytes: number
}

const root = fileURLToPath(new URL('..', import.meta.url))

interface Measured {
  gz: number
  min: number
  lazyGz: number
  exports: number
}

async function measure(entrySource: string, external: string[]): Promise<Measured> {
  const dir = await mkdtemp(join(tmpdir(), 'aws-client-cache-size-'))
  try {
    // The entry lives in the repo, so relative imports and tsconfig resolve as in the sources.
    const entry = join(root, 'bench', `.size-entry-${process.pid}.ts`)
    await writeFile(entry, entrySource)
    let metafile: Metafile
    try {
      ;({ metafile } = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'browser',
        conditions: ['browser', 'source'],
        splitting: true,
        outdir: dir,
        metafile: true,
        external,
        logLevel: 'silent',
        legalComments: 'none',
        define: { 'process.env.NODE_ENV': '"production"' },
      }))
    } finally {
      await rm(entry, { force: true })
    }
    const outputs = metafile.outputs
    const entryOut = Object.keys(outputs).find((file) => outputs[file]?.entryPoint !== undefined)
    if (entryOut === undefined) throw new Error('esbuild produced no entry chunk')
    const eager = new Set<string>()
    const visit = (file: string) => {
      if (eager.has(file)) return
      eager.add(file)
      for (const imported of outputs[file]?.imports ?? []) {
        if (imported.kind === 'import-statement' && !imported.external) visit(imported.path)
      }
    }
    visit(entryOut)
    const gz = async (files: Iterable<string>) => {
      let gzBytes = 0
      let minBytes = 0
      for (const file of files) {
        const code = await readFile(resolve(process.cwd(), file))
        minBytes += code.length
        gzBytes += gzipSync(code, { level: 9 }).length
      }
      return { gzBytes, minBytes }
    }
    const eagerSize = await gz(eager)
    const lazy = Object.keys(outputs).filter((file) => !eager.has(file) && file.endsWith('.js'))
    const lazySize = await gz(lazy)
    return {
      gz: eagerSize.gzBytes,
      min: eagerSize.minBytes,
      lazyGz: lazySize.gzBytes,
      exports: outputs[entryOut]?.exports.length ?? 0,
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function runSize(): Promise<SizeResults> {
  const index = './' + relative(join(root, 'bench'), join(root, 'src', 'index.ts'))
  const typical = await measure(
    `export { Session, client, setupDefaultSession } from '${index}'\n`,
    [],
  )
  const all = await measure(`export * from '${index}'\n`, [])
  // React, react-dom and the package itself stay external: an app has them anyway.
  const devtoolsExternal = [
    'react',
    'react/*',
    'react-dom',
    'react-dom/*',
    'aws-client-cache',
    'aws-client-cache/*',
  ]
  const devtools = await measure(`export * from '../devtools/production.js'\n`, devtoolsExternal)
  // measure() defines NODE_ENV as production, so this is what an app ships for the dev-only entry.
  const devOnly = await measure(`export * from '../devtools/index.js'\n`, devtoolsExternal)
  // Until the panel lands, devtools/production.ts exports nothing: report 0, not esbuild's stub.
  const hasPanel = devtools.exports > 0
  return {
    coreTypicalGzBytes: typical.gz,
    coreAllGzBytes: all.gz,
    devtoolsGzBytes: hasPanel ? devtools.gz : 0,
    devtoolsDevOnlyInProductionGzBytes: hasPanel ? devOnly.gz : 0,
    coreLazyChunkGzBytes: all.lazyGz,
    coreTypicalMinBytes: typical.min,
    coreAllMinBytes: all.min,
    devtoolsMinBytes: hasPanel ? devtools.min : 0,
  }
}
