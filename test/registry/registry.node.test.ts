/**
 * `listSessions()` holds sessions weakly: 1,000 sessions nobody references are collected and leave
 * the list. Run in a child process (`collect.ts`, `--expose-gc`) so it can force collections, and
 * away from the test runner's own references.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

function collect(count: number): Promise<Record<string, unknown>> {
  const env: NodeJS.ProcessEnv = { ...process.env }
  delete env.NODE_OPTIONS
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        '--expose-gc',
        '--conditions=source',
        '--import',
        'tsx',
        'test/registry/collect.ts',
        String(count),
      ],
      { cwd: ROOT, env },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`collect.ts failed: ${stderr || error.message}`))
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>)
      },
    )
  })
}

describe('listSessions() holds sessions weakly', () => {
  it('1,000 unreferenced sessions are collected and leave the list', async () => {
    const result = await collect(1000)
    expect(result).toMatchObject({
      created: 1000,
      listedWhileAlive: 1000,
      alive: 0,
      listedAfter: 0,
      keptListed: true,
      // The extension's hook holds handles and subscriptions, not sessions: collected sessions
      // are released.
      releasedByHook: 1000,
      hookSawEvents: true,
    })
  })
})
