/**
 * `npm run bench` — what caching clients buys, measured. A readable table by default; with
 * `--json`, exactly one JSON object on stdout (progress goes to stderr). See bench/README.md.
 *
 * Sections: `--only=hitPath,policies,credentials,identity,sockets,memory,size` runs a subset.
 */
import './env.js'
import { cpus, totalmem } from 'node:os'
import { runHitPath } from './hitPath.js'
import { runIdentity } from './identity.js'
import { runMemory } from './memory.js'
import { runCredentials, runSockets } from './network.js'
import { runPolicies, type RatioOverRuns } from './policies.js'
import { runSize, type CoreSizes } from './size.js'
import { log } from './stats.js'

const args = process.argv.slice(2)
const json = args.includes('--json')
const onlyArg = args.find((arg) => arg.startsWith('--only='))
const only = onlyArg === undefined ? undefined : new Set(onlyArg.slice('--only='.length).split(','))
const wants = (section: string) => only === undefined || only.has(section)

const HIT_TIME_MS = 1000
const POLICY_RUNS = 9
const POLICY_PASSES_PER_RUN = 5
const POLICY_WARMUP_PASSES = 5
const NETWORK_OPERATIONS = 20

const machine = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  v8: process.versions.v8,
  platform: `${process.platform} ${process.arch}`,
  date: new Date().toISOString(),
}

const result: Record<string, unknown> = { machine }
const timed = async <T>(name: string, run: () => T | Promise<T>): Promise<T> => {
  log(`bench: ${name}…`)
  const start = performance.now()
  const value = await run()
  log(`bench: ${name} done in ${((performance.now() - start) / 1000).toFixed(1)} s`)
  return value
}

if (wants('hitPath')) result.hitPath = await timed('hit path', () => runHitPath(HIT_TIME_MS))
if (wants('policies')) {
  result.policies = await timed('policies', () =>
    runPolicies(POLICY_RUNS, POLICY_PASSES_PER_RUN, POLICY_WARMUP_PASSES),
  )
}
if (wants('credentials')) {
  result.credentials = await timed('credentials', () => runCredentials(NETWORK_OPERATIONS))
}
if (wants('identity')) {
  result.identity = await timed('identity', () => runIdentity(NETWORK_OPERATIONS))
}
if (wants('sockets')) result.sockets = await timed('sockets', () => runSockets(NETWORK_OPERATIONS))
if (wants('memory')) result.memory = await timed('memory (child process)', () => runMemory())
if (wants('size')) result.size = await timed('bundle size', () => runSize())

result.method = {
  hitPath: `tinybench, ${HIT_TIME_MS} ms per task after warm-up; a sample is a batch (1,000 hits, 10 constructions); figure = median sample / batch`,
  policies: `${POLICY_WARMUP_PASSES} warm-up passes, then ${POLICY_RUNS} runs of ${POLICY_PASSES_PER_RUN} interleaved passes (order rotated and reversed every other pass), fresh cache each; a contender's run = its median pass; ratios = median of per-run ratios, with min–max`,
  credentials: 'counts from the sandbox, one round (deterministic)',
  identity:
    'counts from the sandbox, one round (deterministic); first-request-after-switch times: median of 3 switches',
  sockets: 'TCP connections accepted by a node:http server, one round (deterministic)',
  memory:
    'child node --expose-gc; heapUsed after gc() before/after holding the results; 1 warm-up + 3 rounds, median',
  size: 'esbuild (--bundle --minify --format=esm --platform=browser --splitting), Vite build() of an app entry (rolldown, oxc minify, entry signatures kept) and webpack mode production (ESM library output, default splitChunks); conditions browser+source, NODE_ENV production, @aws-sdk/* external; entry + chunks loaded with it (lazy chunks apart), gzip -9 per file',
}

if (json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
} else {
  printTable(result)
}

function printTable(r: Record<string, unknown>): void {
  const rows: Array<[string, string, string]> = []
  const n = (value: unknown, digits = 0) =>
    typeof value === 'number'
      ? value.toLocaleString('en-US', { maximumFractionDigits: digits })
      : String(value)
  const section = (name: string) => rows.push([name, '', ''])
  const row = (label: string, value: string, note = '') => rows.push([`  ${label}`, value, note])

  console.log(`aws-client-cache bench — ${machine.cpu} × ${machine.cores}, Node ${machine.node}`)
  console.log()
  const hit = r.hitPath as Awaited<ReturnType<typeof runHitPath>> | undefined
  if (hit) {
    section('Hit path (median per call)')
    row(
      'session.client(S3Client, { region }) hit',
      `${n(hit.sessionClientHitNs, 1)} ns`,
      'goal ≤ 250 ns',
    )
    row(
      '… one listener keeping events (devtools mounted)',
      `${n(hit.sessionClientHitSubscribedNs, 1)} ns`,
    )
    row('… static credentials + 3 fields', `${n(hit.sessionClientHitWithCredentialsNs, 1)} ns`)
    row(
      '… credentials in the call config',
      `${n(hit.sessionClientHitCallCredentialsNs, 1)} ns`,
      'exact path, no memo',
    )
    row('Map.get, ready string key (floor)', `${n(hit.mapGetNs, 2)} ns`)
    row('new S3Client({ region })', `${n(hit.newS3ClientNs)} ns`)
    row('construction / hit', `${n(hit.constructionOverHit)}×`, 'goal ≥ 500×')
  }
  const pol = r.policies as ReturnType<typeof runPolicies> | undefined
  if (pol) {
    section(`Policies: ${pol.workload}`)
    for (const [name, ops] of Object.entries(pol.opsPerSec)) {
      row(
        name,
        `${n(ops / 1e6, 2)} M ops/s`,
        `hit ratio ${n(pol.hitRatio[name as keyof typeof pol.hitRatio] * 100, 1)}%`,
      )
    }
    const ratioCell = (ratio: RatioOverRuns) => `${ratio.median}×`
    const spread = (ratio: RatioOverRuns) =>
      `median of ${pol.runs} runs, spread ${ratio.min}–${ratio.max}×`
    row(
      'LRUClientCache / lru-cache',
      ratioCell(pol.ratios.lruVsLruCache),
      `${spread(pol.ratios.lruVsLruCache)}; goal ≥ 1.0×`,
    )
    row(
      'LFUClientCache / LRUClientCache',
      ratioCell(pol.ratios.lfuVsLru),
      `${spread(pol.ratios.lfuVsLru)}; goal ≥ 0.9×`,
    )
    row(
      'LRUClientCache / mnemonist',
      ratioCell(pol.ratios.lruVsMnemonist),
      `${spread(pol.ratios.lruVsMnemonist)}; reference`,
    )
  }
  const cred = r.credentials as Awaited<ReturnType<typeof runCredentials>> | undefined
  if (cred) {
    section(`Credentials: ${cred.operations} S3 operations against the sandbox`)
    row(
      'GetCredentialsForIdentity, naive',
      n(cred.naiveGetCredentialsForIdentity),
      `${cred.naiveMs} ms`,
    )
    row(
      'GetCredentialsForIdentity, one session',
      n(cred.cachedGetCredentialsForIdentity),
      `${cred.cachedMs} ms`,
    )
  }
  const id = r.identity as Awaited<ReturnType<typeof runIdentity>> | undefined
  if (id) {
    section(`Identity: guest → alice → bob → guest, ${id.operations} S3 requests each`)
    row('S3 clients built, client per identity', n(id.naiveS3ClientsBuilt))
    row('S3 clients built, setCredentials()', n(id.cachedS3ClientsBuilt), 'goal 1')
    row('GetCredentialsForIdentity, client per identity', n(id.naiveGetCredentialsForIdentity))
    row('GetCredentialsForIdentity, setCredentials()', n(id.cachedGetCredentialsForIdentity))
    row('first request after a switch, new client', `${n(id.naiveFirstRequestAfterSwitchMs, 1)} ms`)
    row(
      'first request after a switch, setCredentials()',
      `${n(id.cachedFirstRequestAfterSwitchMs, 1)} ms`,
    )
    row('failures', n(id.failures))
    section(`Revoked keys: ${id.revoke.requests} concurrent writes after POST /__sandbox/revoke`)
    row('ExpiredToken answers (each retried once)', n(id.revoke.expiredTokenAnswers))
    row(
      'credential resolutions after the revocation',
      n(id.revoke.resolutionsAfterRevoke),
      'goal 1',
    )
    row('failures seen by the caller', n(id.revoke.failuresSeenByCaller), 'goal 0')
  }
  const sock = r.sockets as Awaited<ReturnType<typeof runSockets>> | undefined
  if (sock) {
    section(`Sockets: ${sock.operations} sequential operations`)
    row('TCP connections, client per operation', n(sock.naiveConnections))
    row('TCP connections, one session', n(sock.cachedConnections))
  }
  const mem = r.memory as Awaited<ReturnType<typeof runMemory>> | undefined
  if (mem) {
    section(`Memory: ${n(mem.calls)} calls over ${mem.configs} configs (retained heap)`)
    row('client per call', `${n(mem.naiveHeapBytes / 2 ** 20, 1)} MiB`)
    row(
      'one session',
      `${n(mem.cachedHeapBytes / 2 ** 10, 1)} KiB`,
      `${n(mem.naiveOverCached)}× smaller; goal ≥ 100×`,
    )
  }
  const size = r.size as Awaited<ReturnType<typeof runSize>> | undefined
  if (size) {
    section('Bundle size (minified + gzip -9; entry + chunks loaded with it)')
    // Three figures per row: they go in the note column, so the value column stays narrow.
    const by = size.coreByBundler
    const bundlers = (pick: (sizes: CoreSizes) => number) =>
      `esbuild ${n(pick(by.esbuild))} B · Vite ${n(pick(by.vite))} B · webpack ${n(pick(by.webpack))} B`
    const budget = size.coreBudgetGzBytes
    const budgets = (entry: 'typical' | 'all') =>
      `${n(budget.esbuild[entry])} · ${n(budget.vite[entry])} · ${n(budget.webpack[entry])} B`
    row(
      'core typical: Session, client, setupDefaultSession',
      '',
      `${bundlers((s) => s.typicalGzBytes)}; budget ${budgets('typical')}`,
    )
    row('core all: export *', '', `${bundlers((s) => s.allGzBytes)}; budget ${budgets('all')}`)
    row('core lazy chunks (partitions, loaders)', '', `${bundlers((s) => s.lazyGzBytes)}; apart`)
    row('devtools/production (React external)', `${n(size.devtoolsGzBytes)} B`, 'goal ≤ 15 KB')
    row(
      'devtools (dev-only entry) in a production build',
      `${n(size.devtoolsDevOnlyInProductionGzBytes)} B`,
      'the panel is dropped',
    )
  }
  const width = [0, 0, 0]
  // Section headings (value and note empty) print on their own line, so they set no width.
  for (const cells of rows.filter(([, value, note]) => value !== '' || note !== ''))
    cells.forEach((cell, i) => (width[i] = Math.max(width[i] as number, cell.length)))
  for (const [label, value, note] of rows) {
    if (value === '' && note === '') console.log(`\n${label}`)
    else
      console.log(
        `${label.padEnd(width[0] as number)}  ${value.padStart(width[1] as number)}  ${note}`,
      )
  }
  console.log(
    `\nMethod: see bench/README.md (machine: ${machine.platform}, ${machine.memoryGiB} GiB).`,
  )
}
