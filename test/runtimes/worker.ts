/**
 * The smoke suite (`smoke.ts`) as a Cloudflare Worker (ES module syntax), for `workerd.ts`: every
 * request runs the checks and answers with the {@link SmokeReport} as JSON, status 200 whether or
 * not a check failed (the report says so). The checks run in the `fetch` handler, not at import:
 * a Worker may not start timers in its global scope.
 *
 * @module
 */
import { runChecks, type SmokeReport } from './smoke.js'

export default {
  async fetch(): Promise<Response> {
    const report: SmokeReport = await runChecks()
    return Response.json(report)
  },
}
