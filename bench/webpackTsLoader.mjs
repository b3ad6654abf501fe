/**
 * A minimal webpack loader for bench/size.ts: strips TypeScript syntax with esbuild's `transform`
 * (no bundling, no minifying, module syntax kept), so webpack itself resolves, tree-shakes,
 * splits and minifies the sources the way it would the package's built JavaScript.
 */
import { transform } from 'esbuild'

/** @this {{ async(): (error: Error | null, code?: string) => void, resourcePath: string }} */
export default function webpackTsLoader(/** @type {string} */ source) {
  const callback = this.async()
  transform(source, {
    loader: this.resourcePath.endsWith('.tsx') ? 'tsx' : 'ts',
    format: 'esm',
    target: 'esnext',
    sourcefile: this.resourcePath,
    tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true, jsx: 'react-jsx' } },
  }).then(
    (result) => callback(null, result.code),
    (/** @type {Error} */ error) => callback(error),
  )
}
