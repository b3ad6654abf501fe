#!/usr/bin/env node
/**
 * `npm test`: every check CI runs, in order, stopping at the first failure.
 *
 *   typecheck   tsc -p tsconfig.json --noEmit
 *   lint        eslint . && prettier --check .
 *   unit:node   vitest run --project node
 *   unit:node22 the same under Node 22, bundler-output tests aside (scripts/vitest-node22.ts)
 *   unit:browser vitest run --project browser   (headless Chromium)
 *   package     npm run build && publint --strict && attw --pack . --profile esm-only
 *               && node scripts/check-declarations.mjs  (the .d.ts files in strict consumers)
 *   integrations node integrations/run.mjs        (real apps built from the packed tarball)
 *   e2e         npm run build:extension && playwright test   (only when e2e/ has a Playwright config)
 *
 * Prints a banner per command, a timing table, and as its very last line `N passed, N failed`:
 * the test counts of both Vitest projects (a test file that fails to load counts as one failed
 * test). Exits non-zero on any failure.
 *
 * Options: `--skip <step>[,<step>…]` leaves steps out (e.g. `npm test -- --skip package,e2e`).
 * Environment: `FC_SEED` replays a fast-check run (the seed used is printed up front).
 */
import { spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name) =>
  join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const STEP_NAMES = [
  'typecheck',
  'lint',
  'unit:node',
  'unit:node22',
  'unit:browser',
  'package',
  'integrations',
  'e2e',
]

function parseSkip(argv) {
  const skip = new Set()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = arg === '--skip' ? argv[++i] : arg.startsWith('--skip=') ? arg.slice(7) : null
    if (value === null || value === undefined) {
      console.error(`test: unknown argument ${JSON.stringify(arg)} (expected --skip <step,…>)`)
      process.exit(2)
    }
    for (const name of value.split(',').filter(Boolean)) {
      if (!STEP_NAMES.includes(name)) {
        console.error(
          `test: unknown step ${JSON.stringify(name)} (expected one of ${STEP_NAMES.join(', ')})`,
        )
        process.exit(2)
      }
      skip.add(name)
    }
  }
  return skip
}

function findPlaywrightConfig() {
  if (!existsSync(join(root, 'e2e'))) return undefined
  for (const dir of ['e2e', '.']) {
    for (const ext of ['ts', 'mts', 'js', 'mjs']) {
      const path = join(root, dir, `playwright.config.${ext}`)
      if (existsSync(path)) return path
    }
  }
  return undefined
}

const skip = parseSkip(process.argv.slice(2))
const fastCheckSeed = process.env.FC_SEED || String(randomInt(2 ** 31))
const reportDir = mkdtempSync(join(tmpdir(), 'aws-client-cache-test-'))
const counts = { passed: 0, failed: 0 }

/**
 * A Vitest run whose JSON report feeds the final count; `via` runs Vitest through a launcher
 * script (e.g. under another Node) that passes the arguments on.
 */
function vitest(project, via) {
  const outputFile = join(reportDir, `vitest-${project}${via ? `-${via.name}` : ''}.json`)
  const args = [
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${outputFile}`,
  ]
  return {
    command: via ? bin('tsx') : bin('vitest'),
    args: via ? [via.script, ...args] : args,
    env: { FC_SEED: fastCheckSeed },
    after() {
      if (!existsSync(outputFile)) return
      const report = JSON.parse(readFileSync(outputFile, 'utf8'))
      counts.passed += report.numPassedTests ?? 0
      counts.failed += report.numFailedTests ?? 0
      // A test file that fails to load has no failed test; count it as one failure, not zero.
      for (const file of report.testResults ?? []) {
        const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed')
        if (file.status === 'failed' && failedTests.length === 0) counts.failed += 1
      }
    },
  }
}

const playwrightConfig = findPlaywrightConfig()

/** @type {{ step: string, label: string, command: string, args: string[], env?: Record<string, string>, after?: () => void }[]} */
const commands = [
  {
    step: 'typecheck',
    label: 'tsc --noEmit',
    command: bin('tsc'),
    args: ['-p', 'tsconfig.json', '--noEmit'],
  },
  { step: 'lint', label: 'eslint', command: bin('eslint'), args: ['.'] },
  { step: 'lint', label: 'prettier --check', command: bin('prettier'), args: ['--check', '.'] },
  { step: 'unit:node', label: 'vitest (Node)', ...vitest('node') },
  {
    step: 'unit:node22',
    label: 'vitest (Node 22)',
    ...vitest('node', { name: 'node22', script: join(root, 'scripts', 'vitest-node22.ts') }),
    // What bundlers output does not depend on the Node running them (vitest.config.ts).
    env: { FC_SEED: fastCheckSeed, AWS_CLIENT_CACHE_SKIP_BUILD_OUTPUT_TESTS: '1' },
  },
  { step: 'unit:browser', label: 'vitest (Chromium)', ...vitest('browser') },
  { step: 'package', label: 'npm run build', command: npm, args: ['run', 'build'] },
  { step: 'package', label: 'publint --strict', command: bin('publint'), args: ['--strict'] },
  {
    step: 'package',
    label: 'attw --pack',
    command: bin('attw'),
    args: ['--pack', '.', '--profile', 'esm-only'],
  },
  {
    step: 'package',
    label: 'declarations in strict consumers',
    command: process.execPath,
    args: [join(root, 'scripts', 'check-declarations.mjs')],
  },
  {
    step: 'integrations',
    label: 'integration apps from the packed tarball',
    command: process.execPath,
    args: [join(root, 'integrations', 'run.mjs')],
  },
  ...(playwrightConfig
    ? [
        {
          step: 'e2e',
          label: 'build:extension (+ web-ext lint)',
          command: npm,
          args: ['run', 'build:extension'],
        },
        {
          step: 'e2e',
          label: 'playwright test',
          command: bin('playwright'),
          args: ['test', '--config', playwrightConfig],
        },
      ]
    : []),
].filter(({ step }) => !skip.has(step))

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[22m` : text)
const red = (text) => (process.stdout.isTTY ? `\x1b[31m${text}\x1b[39m` : text)
const green = (text) => (process.stdout.isTTY ? `\x1b[32m${text}\x1b[39m` : text)
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`
const rule = '═'.repeat(72)

function run({ command, args, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      shell: process.platform === 'win32',
    })
    child.on('error', (error) => {
      console.error(red(`Could not start ${command}: ${error.message}`))
      resolve(1)
    })
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

const started = performance.now()
const timings = []
let failure

console.log(
  bold(
    `npm test: ${commands.length} commands; fast-check seed ${fastCheckSeed} (replay: FC_SEED=${fastCheckSeed} npm test)`,
  ),
)
if (skip.size) console.log(`skipping: ${[...skip].join(', ')}`)
if (!playwrightConfig && !skip.has('e2e')) console.log('e2e: no Playwright config in e2e/, skipped')

for (const [i, entry] of commands.entries()) {
  const display = [
    entry.command.startsWith(root)
      ? entry.command.slice(root.length).replace(/^node_modules[\\/]\.bin[\\/]/, '')
      : entry.command,
    ...entry.args,
  ].join(' ')
  console.log(
    `\n${rule}\n${bold(`▶ [${i + 1}/${commands.length}] ${entry.step}: ${entry.label}`)}\n  $ ${display}\n${rule}`,
  )
  const t0 = performance.now()
  const code = await run(entry)
  const elapsed = performance.now() - t0
  entry.after?.()
  timings.push({ name: `${entry.step}: ${entry.label}`, elapsed, code })
  if (code !== 0) {
    failure = { ...entry, code }
    break
  }
  console.log(green(`✔ ${entry.step}: ${entry.label} (${seconds(elapsed)})`))
}

rmSync(reportDir, { recursive: true, force: true })
const total = performance.now() - started

console.log(`\n${rule}\n${bold('Summary')}`)
for (const { name, elapsed, code } of timings) {
  console.log(
    `  ${code === 0 ? green('✔') : red('✘')} ${name.padEnd(40)} ${seconds(elapsed).padStart(7)}`,
  )
}
for (const entry of commands.slice(timings.length)) {
  console.log(`  - ${`${entry.step}: ${entry.label}`.padEnd(40)} not run`)
}
console.log(`  ${'total'.padEnd(42)} ${seconds(total).padStart(7)}`)
if (failure) {
  console.log(
    red(bold(`\n✘ FAILED at ${failure.step}: ${failure.label} (exit code ${failure.code})`)),
  )
} else {
  console.log(green(bold(`\n✔ All ${commands.length} commands passed in ${seconds(total)}`)))
}
console.log(`${counts.passed} passed, ${counts.failed} failed`)
process.exitCode = failure ? 1 : 0
