/**
 * webpack: `sideEffects: false` lets a production build leave out what the entry does not use,
 * and a Node build without the optional peer @aws-sdk/credential-providers builds without a
 * warning and still runs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'

/** Texts of exports the web entry does not import, with where they live in the package. */
const UNUSED = [
  ['PromiseChainLock (dist/index.js)', 'an AbortSignal (with `aborted` and `addEventListener`)'],
  ['Session (the shared chunk)', 'a client class or a function returning a promise of one'],
  ['CacheBase (the shared chunk)', 'popItem() found no entry: the cache is empty'],
  ['the Node platform', 'credential-providers'],
]

export default {
  description: 'webpack 5: tree shaking through sideEffects; target node without the optional peer',

  async build({ run, dir, check }) {
    check(
      '@aws-sdk/credential-providers (optional peer) is not installed in this app',
      !existsSync(join(dir, 'node_modules', '@aws-sdk', 'credential-providers')),
    )
    await run('node', ['build.mjs'])
    const report = JSON.parse(readFileSync(join(dir, 'dist', 'report.json'), 'utf8'))
    check(
      'target web (production): no warnings, no errors',
      report.web.warnings.length === 0 && report.web.errors.length === 0,
      [...report.web.errors, ...report.web.warnings].join('\n'),
    )
    check(
      "target node (production): no warnings (no \"Can't resolve '@aws-sdk/credential-providers'\")",
      report.node.warnings.length === 0 && report.node.errors.length === 0,
      [...report.node.errors, ...report.node.warnings].join('\n'),
    )
  },

  async run({ run, dir, check, note }) {
    const webDir = join(dir, 'dist', 'web')
    const main = readFileSync(join(webDir, 'main.js'), 'utf8')
    const chunks = readdirSync(webDir)
    note(
      `web bundle: main.js ${main.length} bytes; ${chunks.length - 1} lazy chunk(s) besides it (${chunks.filter((f) => f !== 'main.js').join(', ')})`,
    )
    for (const [what, text] of UNUSED) {
      check(`web bundle leaves out ${what}: no "${text}"`, !main.includes(text))
    }
    // Run the web bundle: it must work on what it kept.
    const sandbox = { document: { body: {} } }
    sandbox.self = sandbox
    runInNewContext(main, sandbox)
    // The minifier renames DemoClient, so only the config part of the label is fixed.
    check(
      'web bundle runs and labels its key: "key: …({ region: \'eu-west-1\' })"',
      /^key: \w+\(\{ region: 'eu-west-1' \}\)$/.test(sandbox.document.body.textContent),
      `body text: ${JSON.stringify(sandbox.document.body.textContent)}`,
    )

    const server = readFileSync(join(dir, 'dist', 'node', 'server.mjs'), 'utf8')
    check(
      'node bundle keeps the optional peer as a run-time import("@aws-sdk/credential-providers")',
      server.includes('import("@aws-sdk/credential-providers")'),
    )
    const { output } = await run('node', ['dist/node/server.mjs'])
    const result = JSON.parse(output.trim().split('\n').pop())
    check(
      'node bundle loads and runs; default credentials without the peer fail with UNSUPPORTED_RUNTIME',
      result.region === 'eu-west-1' && result.credentials?.code === 'UNSUPPORTED_RUNTIME',
      `printed ${JSON.stringify(result)}`,
    )
  },
}
