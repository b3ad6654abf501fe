#!/usr/bin/env node
/**
 * Generates src/partitions/partitionsData.ts from the partition table of the installed AWS SDK.
 *
 * The table (partition ids, region patterns, known regions) is not a public SDK export, so we copy
 * it at build time from `@aws-sdk/core`, which `@aws-sdk/util-endpoints`' `partition()` reads.
 *
 * Usage:
 *   node scripts/generate-partitions.mjs            write the file (only if its content changes)
 *   node scripts/generate-partitions.mjs --check    exit 1 if the file on disk is not up to date
 *   --out <path>                                    another output file (default: the one above)
 *
 * Plain Node ESM, no dependencies.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const SDK_PACKAGE = '@aws-sdk/core'
/** Where @aws-sdk/core 3.9xx keeps the table. */
const KNOWN_PATH = 'dist-es/submodules/client/util-endpoints/lib/aws/partitions.js'
const TABLE_FILE_NAMES = ['partitions.json', 'partitions.js']
const DEFAULT_OUT = fileURLToPath(new URL('../src/partitions/partitionsData.ts', import.meta.url))

function fail(message, exitCode = 2) {
  console.error(`generate-partitions: ${message}`)
  process.exit(exitCode)
}

function parseArgs(argv) {
  const options = { check: false, out: DEFAULT_OUT }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--check') options.check = true
    else if (arg === '--out' && argv[i + 1] !== undefined) options.out = resolve(argv[++i])
    else if (arg.startsWith('--out=')) options.out = resolve(arg.slice('--out='.length))
    else fail(`unknown argument ${JSON.stringify(arg)} (expected --check, --out <path>)`)
  }
  return options
}

/** The installed @aws-sdk/core: its directory and version. */
function findSdkPackage() {
  const require = createRequire(import.meta.url)
  let manifestPath
  try {
    manifestPath = require.resolve(`${SDK_PACKAGE}/package.json`)
  } catch (error) {
    fail(`cannot resolve ${SDK_PACKAGE} (is it installed?): ${error.message}`)
  }
  const { version } = JSON.parse(readFileSync(manifestPath, 'utf8'))
  return { dir: dirname(manifestPath), version }
}

/** Every file named like a partition table under `dir`, nested node_modules excluded. */
function searchTableFiles(dir) {
  const found = []
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(path)
      } else if (TABLE_FILE_NAMES.includes(entry.name)) {
        found.push(path)
      }
    }
  }
  walk(dir)
  // Prefer JSON, then the ESM build, then the shortest path; deterministic either way.
  const rank = (path) =>
    (path.endsWith('.json') ? 0 : 2) + (path.split(sep).includes('dist-es') ? 0 : 1)
  return found.sort((a, b) => rank(a) - rank(b) || a.length - b.length || a.localeCompare(b))
}

/**
 * Reads a table file: JSON, or a JS module whose only content is one object literal
 * (`export const partitionsInfo = {…}` / `exports.partitionsInfo = {…}`) written as JSON.
 */
function readTable(path) {
  const text = readFileSync(path, 'utf8')
  const start = text.indexOf('{')
  const end = text.lastIndexOf('}')
  if (start === -1 || end < start) return undefined
  try {
    return JSON.parse(path.endsWith('.json') ? text : text.slice(start, end + 1))
  } catch {
    return undefined
  }
}

/** The table's partitions as `{ id, regionRegex, regions }`, validated; `undefined` if not a table. */
function normalize(table) {
  const partitions = table?.partitions
  if (!Array.isArray(partitions) || partitions.length === 0) return undefined
  const result = []
  for (const partition of partitions) {
    const { id, regionRegex, regions } = partition ?? {}
    if (typeof id !== 'string' || typeof regionRegex !== 'string') return undefined
    if (typeof regions !== 'object' || regions === null || Array.isArray(regions)) return undefined
    try {
      new RegExp(regionRegex)
    } catch {
      return undefined
    }
    // Object key order is the SDK's order (its lookup iterates the same way).
    result.push({ id, regionRegex, regions: Object.keys(regions) })
  }
  return result
}

/** The SDK's partitions and the file they came from. */
function loadPartitions({ dir }) {
  const known = join(dir, KNOWN_PATH)
  const candidates = existsSync(known) ? [known] : []
  candidates.push(...searchTableFiles(dir).filter((path) => path !== known))
  for (const path of candidates) {
    const partitions = normalize(readTable(path))
    if (partitions !== undefined) return { partitions, source: path }
  }
  fail(
    `no partition table found in ${dir} (looked for ${KNOWN_PATH}, then any ` +
      `${TABLE_FILE_NAMES.join(' or ')}); the SDK's layout changed: update this script`,
  )
}

function render({ partitions, version, source, sdkDir }) {
  const from = relative(sdkDir, source).split(sep).join('/')
  const lines = partitions.map(
    ({ id, regionRegex, regions }) =>
      `  { id: ${JSON.stringify(id)}, regionRegex: ${JSON.stringify(regionRegex)}, regions: ${JSON.stringify(regions)} },`,
  )
  return [
    `// GENERATED by scripts/generate-partitions.mjs from ${SDK_PACKAGE} ${version} (${from}).`,
    '// Do not edit: run `node scripts/generate-partitions.mjs` (part of `npm run build`) instead.',
    '// The AWS SDK partition table in SDK order; regions include pseudo-regions such as aws-global.',
    '',
    '/** One partition of the SDK table: its id, region pattern and known regions (SDK order). */',
    'export interface PartitionData {',
    '  readonly id: string',
    '  readonly regionRegex: string',
    '  readonly regions: readonly string[]',
    '}',
    '',
    '/** The partitions of the installed SDK, in the order its `partition()` consults them. */',
    'export const partitionsData: readonly PartitionData[] = [',
    ...lines,
    ']',
    '',
  ].join('\n')
}

const options = parseArgs(process.argv.slice(2))
const sdk = findSdkPackage()
const { partitions, source } = loadPartitions(sdk)
const content = render({ partitions, version: sdk.version, source, sdkDir: sdk.dir })
const current = existsSync(options.out) ? readFileSync(options.out, 'utf8') : undefined
const fromCwd = relative(process.cwd(), options.out)
const shown = fromCwd === '' || fromCwd.startsWith('..') ? options.out : fromCwd

if (options.check) {
  if (current !== content) {
    fail(
      `${shown} is ${current === undefined ? 'missing' : 'out of date'} ` +
        `(${SDK_PACKAGE} ${sdk.version} is installed): ` +
        'run `node scripts/generate-partitions.mjs` and commit the result',
      1,
    )
  }
  console.log(`${shown} is up to date (${SDK_PACKAGE} ${sdk.version})`)
} else if (current === content) {
  console.log(`${shown} unchanged (${SDK_PACKAGE} ${sdk.version})`)
} else {
  writeFileSync(options.out, content)
  console.log(`wrote ${shown}: ${partitions.length} partitions from ${SDK_PACKAGE} ${sdk.version}`)
}
