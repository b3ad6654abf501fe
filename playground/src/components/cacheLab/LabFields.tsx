/** The cache lab form's fields: class, region, `maxAttempts`, policy, maxSize and the toggles. */
import type { ReactNode } from 'react'
import { config } from '../../aws.js'
import { Code } from '../ui.js'
import {
  ATTEMPTS,
  CLASSES,
  MAX_SIZE_LIMIT,
  POLICIES,
  REGIONS,
  type ClassName,
  type LabSettings,
} from './labSettings.js'

/** A checkbox of the form, labelled by `children`. */
function Checkbox({
  checked,
  onChange,
  children,
}: {
  checked: boolean
  onChange: (checked: boolean) => void
  children: ReactNode
}) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{children}</span>
    </label>
  )
}

/** The fields of `settings`; each change goes to `onChange`. */
export function LabFields({
  settings,
  onChange,
}: {
  settings: LabSettings
  onChange: (patch: Partial<LabSettings>) => void
}) {
  const { className, region, maxAttempts, policy, maxSize, sendRequest, withLogger } = settings
  return (
    <>
      <label className="field">
        <span>Client class</span>
        <select
          value={className}
          onChange={(e) => onChange({ className: e.target.value as ClassName })}
        >
          {Object.keys(CLASSES).map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <div className="field-row">
        <label className="field">
          <span>Region</span>
          <select value={region} onChange={(e) => onChange({ region: e.target.value })}>
            {[...new Set([config.region, ...REGIONS])].map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>maxAttempts</span>
          <select
            value={maxAttempts}
            onChange={(e) => onChange({ maxAttempts: Number(e.target.value) })}
          >
            {ATTEMPTS.map((a) => (
              <option key={a} value={a}>
                {a === 3 ? '3 (default)' : a}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="field-row">
        <fieldset className="field segmented">
          <legend>Policy</legend>
          {POLICIES.map((p) => (
            <label key={p} className={policy === p ? 'checked' : undefined}>
              <input
                type="radio"
                name="policy"
                value={p}
                checked={policy === p}
                onChange={() => onChange({ policy: p })}
              />
              {p}
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span>maxSize</span>
          <input
            type="number"
            min={1}
            max={MAX_SIZE_LIMIT}
            value={maxSize}
            onChange={(e) => onChange({ maxSize: e.target.value })}
          />
        </label>
      </div>
      <Checkbox checked={sendRequest} onChange={(checked) => onChange({ sendRequest: checked })}>
        Also send ListObjectsV2 (S3Client)
      </Checkbox>
      <Checkbox checked={withLogger} onChange={(checked) => onChange({ withLogger: checked })}>
        New logger every call
      </Checkbox>
      {withLogger && (
        <p className="muted small hint">
          Each call passes <Code>logger</Code>: a new object, so a new key: every call misses. After
          the third such miss the session warns (<Code>UNSTABLE_CONFIG</Code>).
        </p>
      )}
    </>
  )
}
