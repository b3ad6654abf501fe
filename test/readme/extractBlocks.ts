/**
 * The README's TypeScript code blocks: every fenced block whose info string is `ts` or `tsx`
 * (blocks of other languages, such as `sh`, and unlabelled blocks are prose, not code).
 */

export interface ReadmeBlock {
  /** 0-based position among the README's `ts`/`tsx` blocks. */
  readonly index: number
  readonly lang: 'ts' | 'tsx'
  /** The block's code, without the fences; ends with a newline. */
  readonly code: string
  /** 1-based README line of the block's first code line (the line after the opening fence). */
  readonly line: number
  /** The nearest `##`/`###` heading above the block, e.g. `Next.js App Router`. */
  readonly heading: string
}

/** Every `ts`/`tsx` block of `markdown`, in order. */
export function extractBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n')
  const blocks: ReadmeBlock[] = []
  let heading = ''
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    const headingMatch = /^#{2,3} (.+)$/.exec(line)
    if (headingMatch) {
      heading = headingMatch[1]!.trim()
      continue
    }
    const fence = /^(`{3,})(\S*)\s*$/.exec(line)
    if (!fence) continue
    const close = lines.findIndex((other, j) => j > i && other.trimEnd() === fence[1])
    if (close === -1) throw new Error(`README.md:${i + 1}: code block never closed`)
    const lang = fence[2]
    if (lang === 'ts' || lang === 'tsx') {
      blocks.push({
        index: blocks.length,
        lang,
        code: `${lines.slice(i + 1, close).join('\n')}\n`,
        line: i + 2,
        heading,
      })
    }
    i = close
  }
  return blocks
}

/** `README.md:123 (Next.js App Router, tsx)`: how failures name a block. */
export function blockName(block: ReadmeBlock): string {
  return `README.md:${block.line} (${block.heading}, ${block.lang})`
}
