/**
 * Runs before every test file in both projects (Node and Chromium): makes fast-check use this
 * run's seed, so a failing property replays with `FC_SEED=<seed> npm test`. fast-check's failure
 * message also carries the seed and the shrink path of the counterexample.
 */
import fc from 'fast-check'
import { inject } from 'vitest'

const seed = inject('fastCheckSeed')
const numRuns = inject('fastCheckNumRuns')

fc.configureGlobal({ seed, ...(numRuns === undefined ? {} : { numRuns }) })
