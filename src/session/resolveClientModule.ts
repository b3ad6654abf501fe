import type { ClientConstructor } from '../types.js'
import type { LazyDeps } from './lazyDeps.js'

/**
 * The client class in what a loader resolved to: the class itself, `{ default: Class }`, or a
 * client module's namespace, whose one export named `…Client` (not `__Client`) that is a client
 * class is taken (`S3Client` from `import('@aws-sdk/client-s3')`). `LoadedClientClass` in
 * `clientLoaderTypes.ts` is the same choice at the type level: keep the two in step.
 * @internal
 */
export function resolveClientModule(
  loaded: unknown,
  { clientErrors, isClientClass }: LazyDeps,
): ClientConstructor<unknown> {
  if (isClientClass(loaded)) return loaded
  if (loaded !== null && (typeof loaded === 'object' || typeof loaded === 'function')) {
    const module = loaded as Record<string, unknown>
    if (isClientClass(module.default)) return module.default
    const names = Object.keys(module).filter(
      (name) => name.endsWith('Client') && name !== '__Client' && isClientClass(module[name]),
    )
    if (names.length === 1) return module[names[0]!] as ClientConstructor<unknown>
    if (names.length > 1) {
      throw new clientErrors.Base(
        `loader resolved to a module with several client classes (${names.join(', ')}); return the one you want, e.g. () => import('…').then((m) => m.${names[0]})`,
        { param: 'loader', details: { candidates: names } },
      )
    }
  }
  throw new clientErrors.Base(
    'loader must resolve to a client class, { default: ClientClass } or a client module namespace with exactly one …Client export, got none',
    { param: 'loader' },
  )
}
