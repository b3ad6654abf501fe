/**
 * Builds the two bundles with webpack's Node API (no webpack-cli needed):
 *   dist/web/main.js      target 'web',  production: tree shaking through `sideEffects: false`
 *   dist/node/server.mjs  target 'node', production: the Node platform, without the optional peer
 * and writes dist/report.json: each build's warnings and errors, as webpack words them.
 * Exits non-zero when a build has errors.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import webpack from 'webpack'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))

/** @type {import('webpack').Configuration[]} */
const configs = [
  {
    name: 'web',
    mode: 'production',
    target: 'web',
    entry: here('./src/web.js'),
    output: { path: here('./dist/web'), filename: 'main.js', publicPath: '/' },
    devtool: false,
  },
  {
    name: 'node',
    mode: 'production',
    target: 'node20',
    entry: here('./src/server.js'),
    experiments: { outputModule: true },
    output: { path: here('./dist/node'), filename: 'server.mjs', module: true },
    devtool: false,
  },
]

rmSync(here('./dist'), { recursive: true, force: true })
const stats = await new Promise((resolve, reject) => {
  webpack(configs, (error, result) => (error ? reject(error) : resolve(result)))
})
const report = {}
for (const child of stats.stats) {
  const json = child.toJson({ all: false, warnings: true, errors: true })
  const text = (list) => list.map((entry) => `${entry.moduleName ?? ''} ${entry.message}`.trim())
  report[child.compilation.name] = { warnings: text(json.warnings), errors: text(json.errors) }
}
mkdirSync(here('./dist'), { recursive: true })
writeFileSync(here('./dist/report.json'), `${JSON.stringify(report, null, 2)}\n`)
console.log(
  stats.toString({ colors: false, preset: 'errors-warnings' }) || 'no warnings, no errors',
)
if (stats.hasErrors()) process.exitCode = 1
