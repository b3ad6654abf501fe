/**
 * Which Chromium the tests drive, and how it is launched. Playwright cannot download its own
 * browsers on the machines this project runs on, so the browser comes from (in order):
 *
 * 1. `CHROMIUM_PATH`, when set (it must point at an existing file);
 * 2. Playwright's own Chromium, when `npx playwright install chromium` has put one on disk;
 * 3. Debian's Chromium at `/usr/bin/chromium` (`apt-get install -y chromium`).
 *
 * Used by `vitest.config.ts` (browser project) and by the e2e Playwright config.
 */
import { existsSync } from 'node:fs'
import { chromium } from 'playwright'

/** Where Debian's `chromium` package puts its launcher. */
export const SYSTEM_CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * Chromium flags for headless test runs. `--no-sandbox` because the tests run as root; the rest
 * keep the browser from phoning home or doing background work that slows a 2-core machine.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** How {@link resolveChromium} found the browser. */
export type ChromiumSource = 'CHROMIUM_PATH' | 'playwright' | 'system'

export interface ResolvedChromium {
  readonly executablePath: string
  readonly source: ChromiumSource
}

/** Inputs of {@link resolveChromium}; the defaults read the real environment. */
export interface ResolveChromiumOptions {
  readonly env?: NodeJS.ProcessEnv
  /** Playwright's own Chromium path, or `undefined` when Playwright cannot name one. */
  readonly playwrightPath?: string | undefined
  readonly systemPath?: string
  readonly exists?: (path: string) => boolean
}

/** Thrown when no Chromium can be found; the message says how to get one. */
export class ChromiumNotFoundError extends Error {
  override readonly name = 'ChromiumNotFoundError'
}

function playwrightChromiumPath(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

/**
 * Finds the Chromium executable to launch, or throws a {@link ChromiumNotFoundError} naming every
 * way to provide one.
 *
 * @example
 * ```ts
 * const { executablePath } = resolveChromium()
 * await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] })
 * ```
 */
export function resolveChromium(options: ResolveChromiumOptions = {}): ResolvedChromium {
  const env = options.env ?? process.env
  const exists = options.exists ?? existsSync
  const systemPath = options.systemPath ?? SYSTEM_CHROMIUM_PATH

  const fromEnv = env.CHROMIUM_PATH
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!exists(fromEnv)) {
      throw new ChromiumNotFoundError(
        `CHROMIUM_PATH is set to \`${fromEnv}\`, but no file exists there. ` +
          'Point it at a Chromium executable, or unset it to use Playwright’s Chromium or ' +
          `${systemPath}.`,
      )
    }
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' }
  }

  const playwrightPath =
    'playwrightPath' in options ? options.playwrightPath : playwrightChromiumPath()
  if (playwrightPath !== undefined && exists(playwrightPath)) {
    return { executablePath: playwrightPath, source: 'playwright' }
  }

  if (exists(systemPath)) return { executablePath: systemPath, source: 'system' }

  throw new ChromiumNotFoundError(
    [
      'No Chromium found for the browser tests. Looked for:',
      `  - CHROMIUM_PATH (not set)`,
      `  - Playwright’s Chromium at ${playwrightPath ?? '(Playwright names none)'} (missing)`,
      `  - ${systemPath} (missing)`,
      'Provide one of them:',
      '  - install Playwright’s browser: npx playwright install chromium',
      '  - or install Debian’s: apt-get update && apt-get install -y chromium',
      '  - or set CHROMIUM_PATH=/path/to/chromium',
    ].join('\n'),
  )
}
