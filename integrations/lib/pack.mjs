/**
 * The package as users get it: `npm pack` of the repo, unpacked into an app's node_modules.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { run } from './process.mjs'

/** Packs the repo at `root` into `destination`; resolves with the tarball's path. */
export async function packTarball(root, destination, env) {
  const { output } = await run(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    { cwd: root, env },
  )
  // npm may print notices before the JSON array.
  const [packed] = JSON.parse(output.slice(output.indexOf('[')))
  if (!packed.files.some((file) => file.path === 'dist/index.js')) {
    throw new Error('the packed tarball has no dist/index.js: run `npm run build` first')
  }
  return join(destination, packed.filename)
}

/** Whether `version` (x.y.z) satisfies a range made of `^x.y.z` alternatives joined by `||`. */
function satisfiesCaret(version, range) {
  const parse = (text) => text.split(/[.+-]/).slice(0, 3).map(Number)
  const [major, minor, patch] = parse(version)
  return range.split('||').some((alternative) => {
    const match = /^\s*\^(\d+\.\d+\.\d+)\s*$/.exec(alternative)
    if (!match) throw new Error(`unsupported peer range ${JSON.stringify(range)}`)
    const [wantMajor, wantMinor, wantPatch] = parse(match[1])
    if (major !== wantMajor) return false
    return minor > wantMinor || (minor === wantMinor && patch >= wantPatch)
  })
}

/**
 * Unpacks `tarball` into `appDir`/node_modules/aws-client-cache, replacing what was there: what
 * `npm install <tarball>` does for a package without dependencies or install scripts, without
 * asking npm to reconsider the rest of the tree. Resolves with the package's version, its
 * dependencies (there must be none) and any installed peer whose version is out of range.
 */
export async function installTarball(tarball, appDir) {
  const target = join(appDir, 'node_modules', 'aws-client-cache')
  rmSync(target, { recursive: true, force: true })
  mkdirSync(target, { recursive: true })
  // npm tarballs hold everything under `package/`.
  await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { cwd: appDir })
  const manifest = JSON.parse(readFileSync(join(target, 'package.json'), 'utf8'))
  const peerProblems = []
  for (const [name, range] of Object.entries(manifest.peerDependencies ?? {})) {
    let installed
    try {
      installed = JSON.parse(
        readFileSync(join(appDir, 'node_modules', name, 'package.json'), 'utf8'),
      ).version
    } catch {
      if (!manifest.peerDependenciesMeta?.[name]?.optional) {
        peerProblems.push(`${name} (required peer) is not installed`)
      }
      continue
    }
    if (!satisfiesCaret(installed, range)) peerProblems.push(`${name}@${installed} ∉ ${range}`)
  }
  return {
    version: manifest.version,
    dependencies: Object.keys(manifest.dependencies ?? {}),
    peerProblems,
  }
}
