/**
 * The package version, as in package.json (`src/version.node.test.ts` checks they match). Kept
 * as a constant, not read from package.json, so no bundler needs a JSON import.
 * @internal
 */
export const VERSION = '0.1.0'
