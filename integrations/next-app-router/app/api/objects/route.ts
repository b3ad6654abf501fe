/** GET /api/objects: the bucket's keys, listed through the core, and the session's counters. */
import { listKeys, serverSession } from '../../serverAws'

export const dynamic = 'force-dynamic'

export async function GET() {
  const keys = await listKeys()
  const { stats } = serverSession().snapshot()
  return Response.json({ keys, stats })
}
