#!/usr/bin/env node
/**
 * Builds and runs the integration apps against the package as users get it: `npm pack` of the
 * repo (dist/ must have been built: `npm run build`, or pass --build), installed into each app
 * next to its own pinned dependencies (`npm ci`), outside the repo.
 *
 *   node integrations/run.mjs [app…] [--build] [--keep] [--verbose]
 *
 *   app…       any of the apps below (default: all of them, in this order)
 *   --build    run `npm run build` first
 *   --keep     keep the work directory (the apps' copies, their node_modules and builds)
 *   --verbose  stream every command's output
 *
 * Each app is copied (without node_modules and build outputs) into a fresh directory under the
 * OS temp dir, so nothing resolves through the repo's own node_modules or tsconfig.json, as in a
 * user's project. There: `npm ci --prefer-offline --ignore-scripts` installs the app's lockfile,
 * then the tarball is unpacked to node_modules/aws-client-cache (see README.md for why not
 * `npm install <tgz>`). The local AWS sandbox starts once and is shared by the apps.
 *
 * Prints each app's checks and a timing table (install, build, run); exits non-zero when any
 * check fails, naming it.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { closeBrowser } from './lib/browser.mjs'
import { installTarball, packTarball } from './lib/pack.mjs'
import { freePort } from './lib/ports.mjs'
import { run, startServer, stopAll, waitFor, waitForHttp } from './lib/process.mjs'
import { startSandbox } from './lib/sandbox.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
const APPS = ['node-server', 'webpack', 'vite-react', 'next-app-router']
/** Never copied into the work directory: installs, builds, and the checks themselves. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.next', 'next-env.d.ts', 'integration.mjs'])

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[22m` : text)
const red = (text) => (process.stdout.isTTY ? `\x1b[31m${text}\x1b[39m` : text)
const green = (text) => (process.stdout.isTTY ? `\x1b[32m${text}\x1b[39m` : text)
const dim = (text) => (process.stdout.isTTY ? `\x1b[2m${text}\x1b[22m` : text)
const seconds = (ms) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)}s`)

function parseArgs(argv) {
  const options = { apps: [], build: false, keep: false, verbose: false }
  for (const arg of argv) {
    if (arg === '--build') options.build = true
    else if (arg === '--keep') options.keep = true
    else if (arg === '--verbose') options.verbose = true
    else if (APPS.includes(arg)) options.apps.push(arg)
    else {
      console.error(
        `integrations: unknown argument ${JSON.stringify(arg)}. Usage: node integrations/run.mjs [${APPS.join('|')}…] [--build] [--keep] [--verbose]`,
      )
      process.exit(2)
    }
  }
  if (options.apps.length === 0) options.apps = [...APPS]
  else options.apps = APPS.filter((app) => options.apps.includes(app))
  return options
}

/** An unexpected error, its stack trimmed: no line longer than 300 characters (minified code). */
function describe(error) {
  const text = error?.stack ?? String(error)
  return text
    .split('\n')
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line))
    .join('\n')
}

/** A failed check: stops the app it belongs to. */
class CheckFailed extends Error {}

/**
 * The environment every app command gets: the caller's, without what `npm test` (an npm script)
 * adds about the repo itself, and without NODE_ENV (each build sets its own mode).
 */
function childEnv() {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NO_UPDATE_NOTIFIER: '1' }
  for (const name of Object.keys(env)) {
    if (
      /^npm_(package|lifecycle)_/.test(name) ||
      ['npm_config_local_prefix', 'npm_command', 'INIT_CWD', 'NODE_ENV'].includes(name)
    ) {
      delete env[name]
    }
  }
  return env
}

/**
 * Fails when a folder above `dir` has a node_modules, package.json or tsconfig.json that the apps
 * would resolve through (webpack follows a parent tsconfig.json's `paths`).
 */
function assertIsolated(dir) {
  for (let parent = dirname(dir); ; parent = dirname(parent)) {
    for (const name of ['node_modules', 'package.json', 'tsconfig.json', 'jsconfig.json']) {
      if (existsSync(join(parent, name))) {
        throw new Error(
          `${join(parent, name)} exists above the work directory ${dir}: the apps would resolve through it. ` +
            'Set INTEGRATIONS_WORKDIR to a directory outside any project.',
        )
      }
    }
    if (dirname(parent) === parent) return
  }
}

const options = parseArgs(process.argv.slice(2))
const env = childEnv()
const apps = []
for (const name of options.apps) {
  const module = await import(pathToFileURL(join(here, name, 'integration.mjs')).href)
  apps.push({ name, ...module.default, checks: [], notes: [], timings: {} })
}

const workRoot = mkdtempSync(
  join(process.env.INTEGRATIONS_WORKDIR ?? tmpdir(), 'aws-client-cache-integrations-'),
)
let sandbox
let interrupted = false

async function cleanUp() {
  await stopAll()
  await closeBrowser().catch(() => {})
  await sandbox?.stop()
  if (!options.keep) rmSync(workRoot, { recursive: true, force: true })
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    interrupted = true
    console.error(red(`\nintegrations: ${signal}, stopping servers and the sandbox…`))
    void cleanUp().finally(() => process.exit(130))
  })
}

/** The context an app's build and run steps get. */
function contextFor(app, dir, tarball, ports) {
  return {
    root,
    dir,
    tarball,
    ports,
    sandbox,
    env,
    verbose: options.verbose,
    /** Records a check; a false `ok` fails it (with `detail`) and ends the app. */
    check(description, ok, detail) {
      app.checks.push({ description, ok: Boolean(ok), detail: ok ? undefined : detail })
      if (!ok) throw new CheckFailed(`${description}${detail ? `\n      ${detail}` : ''}`)
    },
    /** A line of information for the report (what was measured, not a pass/fail). */
    note(text) {
      app.notes.push(text)
    },
    /** Runs a command in the app's directory (binaries from its node_modules/.bin by name). */
    run(command, args, runOptions = {}) {
      return run(resolveBin(dir, command), args, {
        cwd: dir,
        verbose: options.verbose,
        ...runOptions,
        env: { ...env, ...runOptions.env },
      })
    },
    /** Starts a server in the app's directory; stopped at the end of the app (or of the run). */
    server(command, args, serverOptions = {}) {
      const server = startServer(resolveBin(dir, command), args, {
        cwd: dir,
        name: `${app.name}: ${command} ${args.join(' ')}`,
        ...serverOptions,
        env: { ...env, ...serverOptions.env },
      })
      app.servers.push(server)
      return server
    },
    waitFor,
    waitForHttp,
  }
}

function resolveBin(dir, command) {
  if (command.includes('/') || command.includes(sep)) return command
  if (command === 'node') return process.execPath
  const local = join(dir, 'node_modules', '.bin', command)
  return existsSync(local) ? local : command
}

/** Copies the app's own files (no installs, builds or checks) into the work directory. */
function copyApp(name) {
  const from = join(here, name)
  const to = join(workRoot, name)
  mkdirSync(to, { recursive: true })
  for (const entry of readdirSync(from)) {
    if (NOT_COPIED.has(entry)) continue
    cpSync(join(from, entry), join(to, entry), {
      recursive: true,
      filter: (source) =>
        !relative(from, source)
          .split(sep)
          .some((part) => NOT_COPIED.has(part)),
    })
  }
  return to
}

/** Timed phase of an app. */
async function phase(app, name, fn) {
  const started = performance.now()
  try {
    return await fn()
  } finally {
    app.timings[name] = performance.now() - started
  }
}

async function installApp(app, dir, tarball) {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'))
  const withScripts = Object.entries(lock.packages ?? {})
    .filter(([, entry]) => entry.hasInstallScript)
    .map(([path]) => path.replace(/^.*node_modules\//, ''))
  app.check(
    'lockfile: no dependency needs an install script',
    withScripts.length === 0,
    `these would need scripts (npm ci runs with --ignore-scripts): ${withScripts.join(', ')}`,
  )
  await app.ctx.run(
    'npm',
    ['ci', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund'],
    {
      timeoutMs: 300_000,
    },
  )
  const installed = await installTarball(tarball, dir)
  app.check(
    `aws-client-cache ${installed.version} unpacked from the tarball (no dependencies of its own)`,
    installed.dependencies.length === 0,
    `the package now has dependencies (${installed.dependencies.join(', ')}): install the tarball with npm instead`,
  )
  app.check(
    'installed peers satisfy aws-client-cache peerDependencies',
    installed.peerProblems.length === 0,
    installed.peerProblems.join('; '),
  )
}

let exitCode = 0
try {
  if (options.build) {
    console.log(bold('integrations: npm run build'))
    await run('npm', ['run', 'build'], {
      cwd: root,
      env,
      verbose: options.verbose,
      timeoutMs: 600_000,
    })
  }
  if (!existsSync(join(root, 'dist', 'index.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first (or pass --build)')
  }
  assertIsolated(workRoot)
  const packStarted = performance.now()
  const tarball = await packTarball(root, workRoot, env)
  console.log(
    `${bold('integrations:')} packed ${relative(workRoot, tarball)} in ${seconds(performance.now() - packStarted)}; work directory ${workRoot}`,
  )

  // Ports of the pages that call the sandbox from a browser: their origins are its CORS list.
  const ports = {}
  for (const app of apps) {
    for (const name of app.ports ?? []) ports[`${app.name}:${name}`] = await freePort()
  }
  if (apps.some((app) => app.sandbox)) {
    const allowedOrigins = Object.values(ports).map((port) => `http://127.0.0.1:${port}`)
    sandbox = await startSandbox({ root, allowedOrigins })
    console.log(
      `${bold('integrations:')} sandbox S3 ${sandbox.s3Endpoint}, Cognito ${sandbox.cognitoEndpoint}`,
    )
  }

  for (const app of apps) {
    if (interrupted) break
    console.log(`\n${bold(`▶ ${app.name}`)} ${dim(app.description ?? '')}`)
    app.servers = []
    const dir = copyApp(app.name)
    const appPorts = Object.fromEntries(
      (app.ports ?? []).map((name) => [name, ports[`${app.name}:${name}`]]),
    )
    app.ctx = contextFor(app, dir, tarball, appPorts)
    app.check = app.ctx.check
    try {
      await phase(app, 'install', () => installApp(app, dir, tarball))
      if (app.build) await phase(app, 'build', () => app.build(app.ctx))
      if (app.run) await phase(app, 'run', () => app.run(app.ctx))
      app.ok = true
    } catch (error) {
      app.ok = false
      app.error = error instanceof CheckFailed ? error.message : describe(error)
      if (!(error instanceof CheckFailed)) {
        app.checks.push({ description: 'ran to the end', ok: false, detail: app.error })
      }
    } finally {
      await Promise.all(app.servers.map((server) => server.stop()))
    }
    for (const { description, ok, detail } of app.checks) {
      console.log(`  ${ok ? green('✔') : red('✘')} ${description}`)
      if (!ok && detail) console.log(red(detail.replace(/^/gm, '      ')))
    }
    for (const note of app.notes) console.log(`  ${dim('·')} ${dim(note)}`)
  }
} catch (error) {
  exitCode = 1
  console.log(red(`\nintegrations: ${describe(error)}`))
} finally {
  await cleanUp()
}

if (apps.some((app) => app.timings.install !== undefined)) {
  const rows = apps.map((app) => [
    app.name,
    seconds(app.timings.install),
    seconds(app.timings.build),
    seconds(app.timings.run),
    seconds(
      (app.timings.install ?? 0) + (app.timings.build ?? 0) + (app.timings.run ?? 0) || undefined,
    ),
    `${app.checks.filter((check) => check.ok).length}/${app.checks.length}`,
    app.ok === undefined ? 'not run' : app.ok ? 'ok' : 'FAILED',
  ])
  const header = ['app', 'install', 'build', 'run', 'total', 'checks', 'result']
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  )
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')
  console.log(`\n${bold(line(header))}`)
  for (const row of rows) {
    const text = line(row)
    console.log(row[6] === 'ok' ? text : row[6] === 'FAILED' ? red(text) : dim(text))
  }
}

const failed = apps.filter((app) => app.ok === false)
if (failed.length > 0 || exitCode !== 0 || interrupted) {
  for (const app of failed) {
    const first = app.checks.find((check) => !check.ok)
    console.log(red(`✘ ${app.name}: ${first?.description ?? 'failed'}`))
  }
  console.log(red(bold('integrations: FAILED')))
  process.exitCode = 1
} else {
  console.log(green(bold(`integrations: ${apps.length} apps passed`)))
}
