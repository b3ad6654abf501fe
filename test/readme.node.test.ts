/**
 * Every `ts` and `tsx` block of README.md, type-checked and run as written, so the README and the
 * code stay in sync. Each block is a module of its own: it must import everything it uses.
 *
 * - Type-check: all blocks in one TypeScript program with the repo's tsconfig.json options
 *   (`aws-client-cache` and its subpaths resolve to the sources). An error names the README line.
 * - Run: each block is imported after the rewrites of `test/readme/prepareBlock.ts`: annotated
 *   lines (`// true`, `// undefined`, `// throws X`) become checks, and the placeholder constants
 *   `const region = '…'`, `const identityPoolId = '…'` and `const bucket = '…'` get the local
 *   sandbox's values (playground/sandbox). Endpoints and credentials are not in the README: the
 *   test points the SDK at the sandbox through its own environment variables
 *   (`AWS_ENDPOINT_URL_S3`, `AWS_ENDPOINT_URL_COGNITO_IDENTITY`) and gives the Node default chain
 *   sandbox credentials (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, as
 *   Lambda does), with `AWS_REGION` the sandbox's region and `PORT=0` for servers.
 * - Then, by what the block exports: a `handler` (AWS Lambda) is invoked once with `{}` and must
 *   not answer an HTTP error status; `GET` (a Next.js route handler) is called with a `Request` and
 *   must answer 2xx; a `server` (`node:http`) is requested once, must answer 200, and is closed;
 *   in a `tsx` block, every exported component (a function named in PascalCase, or the default
 *   export) is rendered with `react-dom/server`'s `renderToString` (an async server component is
 *   awaited first), with a child element.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import * as lib from 'aws-client-cache'
import { createElement, type FunctionComponent, type ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../playground/sandbox/startSandbox.js'
import { startSandbox } from '../playground/sandbox/startSandbox.js'
import { blockName, extractBlocks, type ReadmeBlock } from './readme/extractBlocks.js'
import { prepareBlock } from './readme/prepareBlock.js'
import { packageSources, repoCompilerOptions, typecheckBlocks } from './readme/typecheckBlocks.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const blocks = extractBlocks(readFileSync(join(root, 'README.md'), 'utf8'))
const compilerOptions = repoCompilerOptions(root)
const sources = packageSources(compilerOptions)

/** Outside the repo (so no repo-wide tsc, eslint or prettier run sees it), with the repo's node_modules. */
let scratch: string
let sandbox: Sandbox
const savedEnv = new Map<string, string | undefined>()

function setEnv(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!savedEnv.has(name)) savedEnv.set(name, process.env[name])
    process.env[name] = value
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'aws-client-cache-readme-'))
  await symlink(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir')
  sandbox = await startSandbox()
  const credentials = await fromCognitoIdentityPool({
    identityPoolId: sandbox.identityPoolId,
    clientConfig: { region: sandbox.region, endpoint: sandbox.cognitoEndpoint },
  })()
  setEnv({
    AWS_ENDPOINT_URL_S3: sandbox.s3Endpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY: sandbox.cognitoEndpoint,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: sandbox.userPoolEndpoint,
    AWS_REGION: sandbox.region,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: credentials.sessionToken!,
    PORT: '0',
  })
})

afterAll(async () => {
  try {
    // The blocks' sessions (their own, and the default sessions they set up). `listSessions` is in
    // the contract; until the core exports it, the blocks' sessions are left to the worker's exit.
    const { listSessions } = lib as { listSessions?: () => lib.Session[] }
    await Promise.allSettled((listSessions?.() ?? []).map((session) => session.dispose()))
  } finally {
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    await sandbox?.close()
    if (scratch !== undefined) await rm(scratch, { recursive: true, force: true })
  }
})

type Exports = Record<string, unknown>

async function runExports(block: ReadmeBlock, exports: Exports): Promise<void> {
  if (typeof exports.handler === 'function') {
    const result = (await exports.handler({})) as { statusCode?: number } | undefined
    expect(result?.statusCode ?? 200, "handler's statusCode").toBeLessThan(400)
  }
  if (typeof exports.GET === 'function') {
    const response = (await exports.GET(new Request('http://localhost/'))) as Response
    expect(response.ok, `GET → ${response.status}`).toBe(true)
  }
  if (exports.server !== undefined) {
    const server = exports.server as Server
    if (!server.listening) await new Promise((resolve) => server.once('listening', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const response = await fetch(`http://127.0.0.1:${port}/`)
      expect(response.status, await response.text()).toBe(200)
    } finally {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
  if (block.lang === 'tsx') {
    for (const [name, value] of Object.entries(exports)) {
      if (typeof value !== 'function' || !(name === 'default' || /^[A-Z]/.test(name))) continue
      const Component = value as FunctionComponent<{ children?: ReactNode }>
      const props = { children: createElement('span', null, 'child') }
      const element =
        Component.constructor.name === 'AsyncFunction'
          ? await (Component(props) as unknown as Promise<ReactNode>)
          : createElement(Component, props)
      expect(typeof renderToString(element), name).toBe('string')
    }
  }
}

/** The README line a block's error was thrown from (its generated file keeps the block's lines). */
function where(block: ReadmeBlock, file: string, error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : ''
  const name = basename(file).replace(/[.]/g, '\\.')
  const line = new RegExp(`${name}:(\\d+):`).exec(stack)?.[1]
  if (line === undefined) return blockName(block)
  return `README.md:${block.line + Number(line) - 1} (${block.heading}, ${block.lang})`
}

describe('README', () => {
  it('has the sections whose blocks users copy', () => {
    const headings = new Set(blocks.map((block) => block.heading))
    for (const heading of [
      'Quickstart',
      'The low-level caches',
      'Resources',
      'React bindings (`aws-client-cache/react`)',
      'Devtools (`aws-client-cache/devtools`)',
      'Next.js App Router',
      'Node servers and AWS Lambda',
      'Bundlers',
    ]) {
      expect(headings, heading).toContain(heading)
    }
    expect(blocks[0]!.code).toContain('setupDefaultSession')
  })

  it('type-checks every block as a module of its own', { timeout: 120_000 }, async () => {
    const errors = await typecheckBlocks(blocks, scratch, compilerOptions)
    expect(errors.join('\n')).toBe('')
  })

  for (const block of blocks) {
    it(`runs ${blockName(block)}`, async () => {
      const file = join(scratch, `run-${String(block.index).padStart(2, '0')}.${block.lang}`)
      await writeFile(file, prepareBlock(block, sandbox, sources))
      sandbox.reset()
      try {
        await runExports(block, (await import(/* @vite-ignore */ file)) as Exports)
      } catch (error) {
        throw new Error(`${where(block, file, error)}: ${String(error)}`, { cause: error })
      }
      if (/^const bucket = /m.test(block.code)) {
        // The placeholder took: the block reached the sandbox's bucket.
        expect(sandbox.stats().s3Requests, `${blockName(block)}: S3 requests`).toBeGreaterThan(0)
      }
    })
  }
})
