#!/usr/bin/env node
/**
 * `npm run build:extension`: builds the browser DevTools extension from extension/src into
 *
 *   extension/dist/chrome/   unpacked, Manifest V3 (service worker)
 *   extension/dist/firefox/  unpacked, Manifest V3 (background script, gecko id, Firefox 128+)
 *   extension/dist/aws-client-cache-devtools-<browser>-<version>.zip
 *
 * Every script is bundled by esbuild (the panel with React, `NODE_ENV` production); the icons are
 * drawn in code. With `--lint`, `web-ext lint` then checks the Firefox build. Fast (about a
 * second) so the e2e tests build it before they run.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { manifestFor } from './manifest.mjs'
import { drawIcon, encodePng } from './png.mjs'
import { zip } from './zip.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const root = join(here, '..')
const dist = join(here, 'dist')
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const BROWSERS = /** @type {const} */ (['chrome', 'firefox'])

/** Every file under `dir`, as paths relative to it (sorted, so the zip is reproducible). */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split('\\').join('/'))
    .sort()
}

/** Builds both browsers' folders and zips; returns what it wrote. */
export async function buildExtension({ lint = false, quiet = false } = {}) {
  const started = performance.now()
  rmSync(dist, { recursive: true, force: true })
  const bundled = join(dist, '.bundle')
  await build({
    entryPoints: {
      hook: join(here, 'src/hook.ts'),
      relay: join(here, 'src/relay.ts'),
      background: join(here, 'src/background.ts'),
      devtools: join(here, 'src/devtools.ts'),
      panel: join(here, 'src/panel.tsx'),
    },
    outdir: bundled,
    bundle: true,
    // Content scripts and the worker are classic scripts: no module format.
    format: 'iife',
    platform: 'browser',
    target: ['chrome111', 'firefox128'],
    minify: true,
    legalComments: 'none',
    conditions: ['source'],
    tsconfig: join(here, 'tsconfig.json'),
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  })
  const icons = Object.fromEntries(
    [16, 32, 48, 128].map((size) => [size, encodePng(size, drawIcon(size))]),
  )
  const written = []
  for (const browser of BROWSERS) {
    const out = join(dist, browser)
    mkdirSync(join(out, 'icons'), { recursive: true })
    for (const name of ['hook.js', 'relay.js', 'background.js', 'devtools.js', 'panel.js']) {
      copyFileSync(join(bundled, name), join(out, name))
    }
    for (const name of ['panel.html', 'devtools.html', 'panel.css']) {
      copyFileSync(join(here, 'static', name), join(out, name))
    }
    for (const [size, png] of Object.entries(icons))
      writeFileSync(join(out, `icons/icon-${size}.png`), png)
    writeFileSync(
      join(out, 'manifest.json'),
      `${JSON.stringify(manifestFor(browser, version), null, 2)}\n`,
    )
    const archive = join(dist, `aws-client-cache-devtools-${browser}-${version}.zip`)
    writeFileSync(
      archive,
      zip(filesUnder(out).map((name) => ({ name, data: readFileSync(join(out, name)) }))),
    )
    written.push({ browser, dir: out, zip: archive, zipBytes: statSync(archive).size })
  }
  rmSync(bundled, { recursive: true, force: true })
  if (!quiet) {
    for (const { dir, zip: archive, zipBytes } of written) {
      console.log(
        `${relative(root, dir)}/  ${relative(root, archive)} (${(zipBytes / 1024).toFixed(1)} KiB)`,
      )
    }
    console.log(`built in ${Math.round(performance.now() - started)} ms`)
  }
  if (lint) {
    const bin = join(
      root,
      'node_modules',
      '.bin',
      process.platform === 'win32' ? 'web-ext.cmd' : 'web-ext',
    )
    const result = spawnSync(bin, ['lint', '--source-dir', join(dist, 'firefox')], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    })
    if (result.status !== 0)
      throw new Error(`web-ext lint failed on ${relative(root, join(dist, 'firefox'))}`)
  }
  return written
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildExtension({ lint: process.argv.includes('--lint') })
}
