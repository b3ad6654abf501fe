/**
 * Turns a README block into the module the README test runs. Every rewrite keeps the block's line
 * numbers, so a stack trace's line in the generated file is its line in the block.
 *
 * 1. Annotations become checks: a line ending in `// true` (optionally `// true: why`) must
 *    evaluate to `true`, `// undefined` to `undefined`, and `// throws X` must throw an instance
 *    of the `aws-client-cache` export `X`. A failing check throws `README.md:LINE: <code>`.
 * 2. Placeholders become the sandbox's values: a line of the exact form
 *    `const region = '…'`, `const identityPoolId = '…'`, `const bucket = '…'`,
 *    `const userPoolId = '…'` or `const userPoolClientId = '…'` (optionally followed by a `//`
 *    comment) gets the sandbox's value of that name in place of its string. Nothing else is substituted: endpoints and credentials reach the SDK through its
 *    own environment variables (`AWS_ENDPOINT_URL_S3`, `AWS_ACCESS_KEY_ID`, …), set by the test.
 * 3. `aws-client-cache` specifiers (`aws-client-cache`, `/react`, `/devtools`,
 *    `/devtools/production`) become the absolute paths of their sources, as the repo's
 *    tsconfig.json `paths` map them, so the blocks run against the source without a build.
 */
import type { ReadmeBlock } from './extractBlocks.js'

/** The sandbox values that replace the README's placeholder constants. */
export interface Placeholders {
  readonly region: string
  readonly identityPoolId: string
  readonly bucket: string
  readonly userPoolId: string
  readonly userPoolClientId: string
}

const PLACEHOLDER =
  /^(const (region|identityPoolId|bucket|userPoolId|userPoolClientId) = )'[^'\n]*'(\s*\/\/.*)?$/

function checks(line: string, where: string): string {
  const message = JSON.stringify(`${where}: ${line.trim()}`)
  let match = /^(.+?)\s*\/\/ true(?::.*)?$/.exec(line)
  if (match) return `if ((${match[1]}) !== true) throw new Error(${message})`
  match = /^(.+?)\s*\/\/ undefined$/.exec(line)
  if (match) return `if ((${match[1]}) !== undefined) throw new Error(${message})`
  match = /^(.+?)\s*\/\/ throws (\w+)$/.exec(line)
  if (match) {
    return (
      `{ let __thrown: unknown; try { ${match[1]} } catch (error) { __thrown = error } ` +
      `if (!(__thrown instanceof (__lib as Record<string, any>).${match[2]})) ` +
      `throw new Error(${JSON.stringify(`${where}: expected ${match[2]}: ${line.trim()}`)}, { cause: __thrown }) }`
    )
  }
  return line
}

/**
 * The runnable module for `block`. `sources` maps each `aws-client-cache` specifier to its source
 * file (absolute).
 */
export function prepareBlock(
  block: ReadmeBlock,
  placeholders: Placeholders,
  sources: ReadonlyMap<string, string>,
): string {
  const lines = block.code.split('\n').map((line, index) => {
    const where = `README.md:${block.line + index}`
    const placeholder = PLACEHOLDER.exec(line)
    if (placeholder) {
      const name = placeholder[2] as keyof Placeholders
      return `${placeholder[1]}${JSON.stringify(placeholders[name])}${placeholder[3] ?? ''}`
    }
    return checks(line, where)
  })
  // Import declarations are hoisted, so appending one keeps every line where it was.
  const code = `${lines.join('\n')}\nimport * as __lib from 'aws-client-cache'\n`
  return code.replace(
    /(from\s+|import\()(['"])(aws-client-cache(?:\/[\w/-]+)?)\2/g,
    (whole, lead: string, _quote: string, specifier: string) => {
      const source = sources.get(specifier)
      return source === undefined ? whole : `${lead}${JSON.stringify(source)}`
    },
  )
}
