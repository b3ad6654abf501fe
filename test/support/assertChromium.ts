/**
 * Global setup of the `browser` Vitest project: fails early, with a message naming every way to
 * provide a browser, when no Chromium can be found (see `scripts/chromium.ts`). The config itself
 * swallows that error so that `--project node` works on a machine without Chromium.
 */
import { resolveChromium } from '../../scripts/chromium.js'

export default function assertChromium(): void {
  resolveChromium()
}
