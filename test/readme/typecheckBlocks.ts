/**
 * Type-checks README blocks, each as its own module, in one TypeScript program with the repo's
 * compiler options (tsconfig.json: strict, the `source` condition, and `paths` that resolve
 * `aws-client-cache`, `/react`, `/devtools` and `/devtools/production` to their sources).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import ts from 'typescript'
import type { ReadmeBlock } from './extractBlocks.js'
import { blockName } from './extractBlocks.js'

/** The repo's compiler options, from `<root>/tsconfig.json`. */
export function repoCompilerOptions(root: string): ts.CompilerOptions {
  const configPath = join(root, 'tsconfig.json')
  const { config, error } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path))
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'))
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath)
  return parsed.options
}

/** `aws-client-cache` specifier → absolute source file, from tsconfig.json `paths`. */
export function packageSources(options: ts.CompilerOptions): Map<string, string> {
  const base = options.pathsBasePath as string
  const sources = new Map<string, string>()
  for (const [specifier, targets] of Object.entries(options.paths ?? {})) {
    if (specifier.startsWith('aws-client-cache') && targets[0] !== undefined) {
      sources.set(specifier, join(base, targets[0]))
    }
  }
  return sources
}

/**
 * Writes each block, as written in the README, to `<dir>/block-NN.ts(x)` and type-checks them all
 * at once. Returns one line per error, `README.md:LINE (heading, lang): error TSnnnn: message`,
 * with the README line the error is on; `[]` when every block type-checks.
 */
export async function typecheckBlocks(
  blocks: readonly ReadmeBlock[],
  dir: string,
  options: ts.CompilerOptions,
): Promise<string[]> {
  const files = new Map<string, ReadmeBlock>()
  for (const block of blocks) {
    const file = join(dir, `block-${String(block.index).padStart(2, '0')}.${block.lang}`)
    await writeFile(file, block.code)
    files.set(file, block)
  }
  const program = ts.createProgram({
    rootNames: [...files.keys()],
    // A block without imports is still a module of its own, not a script sharing globals.
    options: { ...options, noEmit: true, moduleDetection: ts.ModuleDetectionKind.Force },
  })
  const errors = program.getOptionsDiagnostics().map((d) => format(d, undefined))
  errors.push(...program.getGlobalDiagnostics().map((d) => format(d, undefined)))
  for (const [file, block] of files) {
    const source = program.getSourceFile(file)
    if (source === undefined) {
      errors.push(`${blockName(block)}: not part of the program`)
      continue
    }
    const diagnostics = [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ]
    errors.push(...diagnostics.map((d) => format(d, block)))
  }
  return errors
}

function format(diagnostic: ts.Diagnostic, block: ReadmeBlock | undefined): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
  const code = `error TS${diagnostic.code}: ${message}`
  if (block === undefined) return code
  if (diagnostic.file === undefined || diagnostic.start === undefined) {
    return `${blockName(block)}: ${code}`
  }
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
  return `README.md:${block.line + line} (${block.heading}, ${block.lang}): ${code}`
}
