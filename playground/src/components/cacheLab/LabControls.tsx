/**
 * The cache lab's form ("Call a client"): its fields, the call they describe as code, the
 * buttons (call, 5 random calls, fill, clear) and a status line with what the last one did.
 */
import { callCode } from './callCode.js'
import { FILL_TARGET } from './fillCache.js'
import { LabFields } from './LabFields.js'
import type { CacheLabState } from './useCacheLab.js'

/** The form of the lab's state; its buttons run the lab's actions. */
export function LabControls({ lab }: { lab: CacheLabState }) {
  const { settings, filling } = lab
  return (
    <form
      className="card-form lab-controls"
      aria-label="Call a client"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        lab.call()
      }}
    >
      <LabFields settings={settings} onChange={lab.change} />
      <pre className="code-block" aria-label="The call">
        {callCode(settings)}
      </pre>
      <div className="button-row">
        <button type="submit" className="button primary">
          Call client
        </button>
        <button type="button" className="button secondary" onClick={lab.callRandomly}>
          5 random calls
        </button>
        <button
          type="button"
          className="button secondary"
          disabled={filling !== null}
          onClick={lab.fill}
        >
          {filling === null
            ? `Fill ${FILL_TARGET.toLocaleString('en-US')}`
            : `Filling… ${filling.toLocaleString('en-US')}`}
        </button>
        <button type="button" className="button ghost" onClick={lab.clear}>
          Clear {settings.policy}
        </button>
      </div>
      <p role="status" className="status-line" data-testid="lab-last">
        {lab.last}
      </p>
    </form>
  )
}
