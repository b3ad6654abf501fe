/**
 * The README's quickstart examples, run as written: every line ending in `// true` must evaluate
 * to true, `// undefined` to undefined, and `// throws X` must throw an `X`. Keeps the README and
 * the code in sync.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const scratch = `${root}test/readme-generated/`

async function quickstartBlocks(): Promise<string[]> {
  const readme = await readFile(`${root}README.md`, 'utf8')
  const start = readme.indexOf('## Quickstart')
  const end = readme.indexOf('\n## ', start + 1)
  const section = readme.slice(start, end)
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!)
}

/** Turns the block's annotated lines into checks. */
function instrument(block: string): string {
  const lines = block.split('\n').map((line, index) => {
    const where = JSON.stringify(`README line ${index + 1}: ${line.trim()}`)
    let match = /^(.+?)\s*\/\/ true(?::.*)?$/.exec(line)
    if (match) return `if ((${match[1]}) !== true) throw new Error(${where})`
    match = /^(.+?)\s*\/\/ undefined$/.exec(line)
    if (match) return `if ((${match[1]}) !== undefined) throw new Error(${where})`
    match = /^(.+?)\s*\/\/ throws (\w+)$/.exec(line)
    if (match) {
      return `{ let thrown: unknown; try { ${match[1]} } catch (error) { thrown = error }
        if (!(thrown instanceof (__lib as Record<string, any>).${match[2]})) throw new Error(${where}) }`
    }
    return line
  })
  return `import * as __lib from 'aws-client-cache'\n${lines.join('\n')}\nexport const ran = true\n`
}

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

describe('README quickstart', () => {
  it('has the seed examples and the low-level cache example', async () => {
    const blocks = await quickstartBlocks()
    expect(blocks.length).toBeGreaterThanOrEqual(2)
    expect(blocks[0]).toContain('setupDefaultSession')
  })

  it('runs every self-contained block as written', async () => {
    // Self-contained: imports everything it uses and needs no live identity pool (the Cognito
    // example is exercised against the sandbox in src/session/Session.network.node.test.ts).
    const runnable = (await quickstartBlocks()).filter(
      (block) => block.includes("from 'aws-client-cache'") && !block.includes('identityPoolId'),
    )
    expect(runnable.length).toBe(4)
    await mkdir(scratch, { recursive: true })
    for (const [index, block] of runnable.entries()) {
      const file = `${scratch}block${index}.ts`
      await writeFile(file, instrument(block))
      const module = (await import(/* @vite-ignore */ file)) as { ran: boolean }
      expect(module.ran).toBe(true)
    }
  })
})
