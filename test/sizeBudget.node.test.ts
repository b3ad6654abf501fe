/**
 * The core's size budget (issue 14), as a limit that fails the build, not a timing: gzip -9 bytes
 * of the entry chunk plus the chunks loaded with it, for `import { Session, client,
 * setupDefaultSession }` ("typical") and `export *` ("all") of `src/index.ts`, each built with
 * esbuild, Vite (rolldown) and webpack exactly as `npm run bench -- --only=size` builds them
 * (bench/size.ts). The lazy chunks (the partition table, loaders) are not counted.
 *
 * The budget is a ratchet at what the core measures (CORE_SIZE_BUDGET); bench/README.md says what
 * each of the contract's features costs and why issue 14's 8 KB target was withdrawn.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  BUNDLERS,
  CORE_ENTRIES,
  CORE_SIZE_BUDGET,
  measureCoreAllBundlers,
  type Bundler,
  type CoreEntry,
  type Measured,
} from '../bench/size.js'

const ENTRY_NAMES: Record<CoreEntry, string> = {
  typical: 'typical (import { Session, client, setupDefaultSession })',
  all: 'all (export * from src/index.ts)',
}

const bytes = (value: number) => `${value.toLocaleString('en-US')} B`

let sizes: Record<Bundler, Record<CoreEntry, Measured>>

describe('core bundle size budget (minified, gzip -9, entry + chunks loaded with it)', () => {
  // The three bundlers build concurrently, in one go, before the assertions.
  beforeAll(async () => {
    sizes = await measureCoreAllBundlers()
  }, 120_000)

  for (const bundler of BUNDLERS) {
    for (const entry of CORE_ENTRIES) {
      const budget = CORE_SIZE_BUDGET[bundler][entry]
      it(`${bundler}: ${ENTRY_NAMES[entry]} ≤ ${bytes(budget)}`, () => {
        const measured = sizes[bundler][entry].gz
        expect(
          measured,
          `${bundler}, ${ENTRY_NAMES[entry]}: measured ${bytes(measured)} gzipped, budget ` +
            `${bytes(budget)} (over by ${bytes(measured - budget)})`,
        ).toBeLessThanOrEqual(budget)
      })
    }
  }

  it('keeps the lazy chunks out of the measured entry in every bundler', () => {
    for (const bundler of BUNDLERS) {
      expect(sizes[bundler].all.lazyChunks, `${bundler}: lazy chunks`).toBeGreaterThan(0)
    }
  })
})
