/** A hidden marker of the shared clock's ticks, for tests that wait for the page to idle. */
import { useClock, type Tick } from '../../clock.js'

/** The clock's tick count, for tests that wait for the page to idle a few ticks. */
const tickCount = (tick: Tick) => tick.count

export function TickMarker() {
  const count = useClock(tickCount)
  return <span hidden data-testid="lab-tick" data-tick={count} />
}
