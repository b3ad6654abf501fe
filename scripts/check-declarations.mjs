#!/usr/bin/env node
/**
 * Checks the published type declarations the way users get them: packs the package (`npm pack`,
 * so only what `files` ships, from the `dist/` that `npm run build` wrote), installs the tarball
 * into throwaway consumer projects, and type-checks a small consumer that imports every entry
 * point (`aws-client-cache`, `/react`, `/devtools`, `/devtools/production`) with the repo's
 * TypeScript, in five consumers:
 *
 *   environment (moduleResolution bundler)
 *                     lib es2022+dom, no @types/node   (the contract in API.md)
 *                     lib esnext+dom, no @types/node   (lib.esnext.disposable declares
 *                                                       Symbol.asyncDispose too)
 *                     lib esnext+dom with @types/node  (and so does @types/node: all three merge)
 *   moduleResolution  node16 | nodenext, with lib es2022+dom and no @types/node (how the
 *                     `exports` map resolves under Node's rules)
 *
 * every consumer `strict`, `skipLibCheck: false`, `noEmit`. `skipDefaultLibCheck` spares
 * re-checking TypeScript's own lib files (half the time); a clash between our declarations and a
 * lib file is still reported, at our declaration. "No @types/node" means not installed in
 * that consumer at all, so a declaration that needs Node's types cannot find them by accident.
 * `react`, `react-dom` and their `@types` are symlinked from the repo's node_modules. The consumer
 * also holds `@ts-expect-error` lines, so declarations that typed too loosely fail as well.
 *
 * Prints one line per cell and exits non-zero, with tsc's output, when any cell fails.
 *
 * Usage: `node scripts/check-declarations.mjs` (after `npm run build`). `--keep` leaves the temp
 * directory in place and prints its path.
 */
import { spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const keep = process.argv.includes('--keep')
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const CONCURRENCY = 2

const RESOLUTIONS = [
  { moduleResolution: 'bundler', module: 'esnext' },
  { moduleResolution: 'node16', module: 'node16' },
  { moduleResolution: 'nodenext', module: 'nodenext' },
]
const ENVIRONMENTS = [
  { name: 'es2022+dom, no @types/node', lib: ['es2022', 'dom'], node: false },
  { name: 'esnext+dom, no @types/node', lib: ['esnext', 'dom'], node: false },
  { name: 'esnext+dom, @types/node', lib: ['esnext', 'dom'], node: true },
]

/** Packages the consumer resolves from the repo (symlinked): the React peers and their types. */
const LINKED = ['react', 'react-dom', '@types/react', '@types/react-dom']

/**
 * The consumer. It avoids `@aws-sdk/*` on purpose: the SDK's own declarations need
 * `@types/node`, and this checks ours. `FakeClient` has the shape of an SDK v3 client.
 */
const CONSUMER = `import {
  Session,
  client,
  defineResource,
  getDefaultSession,
  resource,
  type CacheEvent,
  type SessionSnapshot,
} from 'aws-client-cache'
import {
  SessionProvider,
  useClient,
  useResource,
  useSession,
  useSessionSnapshot,
} from 'aws-client-cache/react'
import { ClientCacheDevtools, ClientCacheDevtoolsPanel } from 'aws-client-cache/devtools'
import { ClientCacheDevtools as ProductionDevtools } from 'aws-client-cache/devtools/production'

interface FakeClientConfig {
  region?: string
  maxAttempts?: number
}

class FakeClient {
  constructor(readonly config: FakeClientConfig = {}) {}
  readonly middlewareStack = { add(): void {} }
  send(command: { input: unknown }): Promise<unknown> {
    return Promise.resolve(command.input)
  }
  destroy(): void {}
}

/** What \`import('@aws-sdk/client-…')\` looks like: one …Client class, the base __Client, others. */
const fakeModule = { FakeClient, __Client: FakeClient, FakeServiceException: Error, helper: 1 }

const session = new Session({ region: 'us-east-1', defaults: { evictionPolicy: 'LFU', maxSize: 5 } })
export const direct: FakeClient = session.client(FakeClient, { region: 'eu-west-1' })
export const viaDefault: FakeClient = client(FakeClient)
export const fromNamespace: Promise<FakeClient> = session.clientAsync(async () => fakeModule, {
  maxAttempts: 2,
})
export const fromDefault: Promise<FakeClient> = session.clientAsync(async () => ({
  default: FakeClient,
}))
// @ts-expect-error -- clientAsync checks config as the loaded client's config
void session.clientAsync(async () => fakeModule, { regoin: 'us-east-1' })
// @ts-expect-error -- client checks config as the class's config
session.client(FakeClient, { region: 42 })

const wrapped = defineResource({
  name: 'Wrapped',
  client: FakeClient,
  create: (fake, options?: { prefix: string }) => ({ fake, prefix: options?.prefix ?? '' }),
})
export const built: { fake: FakeClient; prefix: string } = session.resource(
  wrapped,
  { region: 'eu-west-1' },
  { resourceOptions: { prefix: 'p' } },
)
export const viaDefaultResource = resource(wrapped)
export const loaded = session.resourceAsync(async () => ({ default: wrapped }), { maxAttempts: 1 })
// @ts-expect-error -- resource checks config as the definition's client config
session.resource(wrapped, { region: 42 })

export const snapshot: SessionSnapshot = session.snapshot()
export const stop: () => void = session.subscribe((event: CacheEvent) => {
  if (event.type === 'evict') console.log(event.reason, event.label)
})
export const disposeScoped: () => Promise<void> = () => session[Symbol.asyncDispose]()
export const fallback: Session = getDefaultSession()

export function App() {
  const current = useSession()
  const fake = useClient(FakeClient, { region: 'us-east-1' })
  const res = useResource(wrapped, { region: 'us-east-1' })
  // @ts-expect-error -- useResource checks config as the definition's client config
  useResource(wrapped, { region: 42 })
  const state = useSessionSnapshot(current)
  return (
    <SessionProvider config={{ region: 'us-east-1' }}>
      <p>
        {state.id} {String(fake === res.fake)}
      </p>
      <ClientCacheDevtools initialIsOpen={false} />
      <ClientCacheDevtoolsPanel session={current} />
      <ProductionDevtools />
    </SessionProvider>
  )
}
`

/** Extracts an npm tarball's `package/` into `dest` (ustar and pax headers; files only). */
function extractTarball(file, dest) {
  const tar = gunzipSync(readFileSync(file))
  let offset = 0
  let paxPath
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512)
    if (header.every((byte) => byte === 0)) break
    const field = (start, length) =>
      header
        .subarray(start, start + length)
        .toString('utf8')
        .replace(/\0[\s\S]*$/, '')
    const size = parseInt(field(124, 12).trim() || '0', 8)
    const type = field(156, 1) || '0'
    const prefix = field(345, 155)
    const body = tar.subarray(offset + 512, offset + 512 + size)
    offset += 512 + Math.ceil(size / 512) * 512
    if (type === 'x') {
      const match = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))
      paxPath = match?.[1]
      continue
    }
    const name = paxPath ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100))
    paxPath = undefined
    if (type !== '0') continue
    const path = resolve(dest, name.replace(/^package\//, ''))
    if (!path.startsWith(dest + sep)) throw new Error(`tarball entry outside the package: ${name}`)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, body)
  }
}

function pack(into) {
  const result = spawnSync(
    npm,
    ['pack', '--json', '--ignore-scripts', '--pack-destination', into],
    { cwd: root, encoding: 'utf8', shell: process.platform === 'win32' },
  )
  if (result.status !== 0) {
    throw new Error(`npm pack failed (exit ${result.status}):\n${result.stderr}${result.stdout}`)
  }
  const [{ filename }] = JSON.parse(result.stdout)
  return join(into, filename.replace(/^@[^/]+\//, '').replace('/', '-'))
}

function link(consumer, name) {
  const target = join(root, 'node_modules', name)
  if (!existsSync(target)) throw new Error(`${name} is not installed in ${root}node_modules`)
  const path = join(consumer, 'node_modules', name)
  mkdirSync(dirname(path), { recursive: true })
  symlinkSync(target, path, process.platform === 'win32' ? 'junction' : 'dir')
}

/** A consumer project (one per environment kind: with and without @types/node). */
function makeConsumer(dir, tarballDir, withNode) {
  mkdirSync(join(dir, 'src'), { recursive: true })
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
  )
  writeFileSync(join(dir, 'src', 'consumer.tsx'), CONSUMER)
  cpSync(tarballDir, join(dir, 'node_modules', 'aws-client-cache'), { recursive: true })
  for (const name of withNode ? [...LINKED, '@types/node'] : LINKED) link(dir, name)
}

function writeTsconfig(dir, id, resolution, environment) {
  const path = join(dir, `tsconfig.${id}.json`)
  const compilerOptions = {
    target: 'es2022',
    module: resolution.module,
    moduleResolution: resolution.moduleResolution,
    lib: environment.lib,
    types: environment.node ? ['node'] : [],
    jsx: 'react-jsx',
    strict: true,
    skipLibCheck: false,
    skipDefaultLibCheck: true,
    noEmit: true,
  }
  writeFileSync(path, JSON.stringify({ compilerOptions, include: ['src'] }, null, 2))
  return path
}

function runTsc({ project, dir }) {
  return new Promise((done) => {
    const started = performance.now()
    const child = spawn(process.execPath, [tsc, '-p', project, '--pretty', 'false'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('close', (code) => done({ code, output, ms: performance.now() - started }))
  })
}

const started = performance.now()
const temp = mkdtempSync(join(tmpdir(), 'aws-client-cache-declarations-'))
let failures = 0
try {
  if (!existsSync(join(root, 'dist', 'index.d.ts'))) {
    throw new Error('dist/index.d.ts is missing: run `npm run build` first')
  }
  const tarball = pack(temp)
  const extracted = join(temp, 'package')
  mkdirSync(extracted)
  extractTarball(tarball, extracted)
  const consumers = {
    plain: join(temp, 'consumer'),
    node: join(temp, 'consumer-with-node-types'),
  }
  makeConsumer(consumers.plain, extracted, false)
  makeConsumer(consumers.node, extracted, true)

  const pairs = [
    ...ENVIRONMENTS.map((environment) => [RESOLUTIONS[0], environment]),
    ...RESOLUTIONS.slice(1).map((resolution) => [resolution, ENVIRONMENTS[0]]),
  ]
  const cells = pairs.map(([resolution, environment], i) => {
    const dir = environment.node ? consumers.node : consumers.plain
    const id = `${resolution.moduleResolution}-${i}`
    return {
      label: `${resolution.moduleResolution.padEnd(8)} · ${environment.name}`,
      project: writeTsconfig(dir, id, resolution, environment),
      dir,
    }
  })
  console.log(
    `check-declarations: ${basename(tarball)} in ${cells.length} consumers (strict, skipLibCheck: false)`,
  )
  const queue = [...cells]
  const results = new Map()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let cell = queue.shift(); cell; cell = queue.shift()) {
        const result = await runTsc(cell)
        results.set(cell, result)
        const ok = result.code === 0
        if (!ok) failures++
        console.log(`${ok ? '✔' : '✘'} ${cell.label} (${(result.ms / 1000).toFixed(1)}s)`)
      }
    }),
  )
  for (const cell of cells) {
    const { code, output } = results.get(cell)
    if (code === 0) continue
    console.log(`\n✘ ${cell.label}: tsc -p ${cell.project} (exit ${code})`)
    console.log(output.trimEnd())
  }
  const total = ((performance.now() - started) / 1000).toFixed(1)
  console.log(
    failures === 0
      ? `\ncheck-declarations: all ${cells.length} consumers compile (${total}s)`
      : `\ncheck-declarations: ${failures} of ${cells.length} consumers failed (${total}s)`,
  )
} catch (error) {
  failures++
  console.error(`check-declarations: ${error instanceof Error ? error.message : String(error)}`)
} finally {
  if (keep) console.log(`kept ${temp}`)
  else rmSync(temp, { recursive: true, force: true })
}
process.exitCode = failures === 0 ? 0 : 1
