/**
 * The demo bucket through the app's session: list, upload (a file or typed text), preview,
 * download and delete. Every call gets its client from `session.client(S3Client)`: built once,
 * then a cache hit.
 *
 * Access levels as Amplify Storage's (and the sandbox's): a guest lists and reads `public/`; a
 * signed-in user also reads, writes and deletes in `private/<identityId>/`. Signing in, switching
 * users and signing out happen in the identity panel and change the session's credentials, not its
 * client: this panel keeps calling the same `session.client(S3Client)`, and lists again when the
 * identity in force changes. "Any key" sends a read or a write of any key, for S3 to refuse.
 *
 * This file composes the panel; the parts live in s3/: the S3 calls (bucket.ts), the state and
 * actions (useBucket.ts), the object list, the preview and the three forms.
 */
import { config, privatePrefix, PUBLIC_PREFIX } from '../aws.js'
import { isUser, useIdentityInForce } from '../identity.js'
import { AnyKeyForm } from './s3/AnyKeyForm.js'
import { ObjectList } from './s3/ObjectList.js'
import { ObjectPreview } from './s3/ObjectPreview.js'
import { UploadFileForm } from './s3/UploadFileForm.js'
import { UploadTextForm } from './s3/UploadTextForm.js'
import { useBucket } from './s3/useBucket.js'
import { Code, ErrorMessage, Panel } from './ui.js'

export function S3Browser() {
  const identity = useIdentityInForce()
  const userIdentityId = isUser(identity) ? identity.identityId : null
  /** Where uploads go: the signed-in user's folder; guests cannot write. */
  const uploadPrefix = userIdentityId === null ? null : privatePrefix(userIdentityId)
  const bucket = useBucket(userIdentityId, identity.who)
  const { busy } = bucket
  /** What both upload forms are given. */
  const uploadForm = { uploadPrefix, disabled: busy !== null, onInvalid: bucket.setError }

  return (
    <Panel
      id="s3"
      title="S3 browser"
      className="span-2"
      subtitle={
        <>
          Bucket <Code>{config.bucket}</Code> through <Code>session.client(S3Client)</Code>: one
          cached client, Cognito credentials shared by the session. Guests read{' '}
          <Code>{PUBLIC_PREFIX}</Code>; a signed-in user also writes <Code>private/</Code> (their
          own folder).
        </>
      }
      actions={
        <button
          type="button"
          className="button secondary"
          onClick={bucket.list}
          disabled={busy !== null}
        >
          {busy === 'list' ? 'Listing…' : 'Refresh'}
        </button>
      }
    >
      <ErrorMessage
        error={bucket.error}
        onDismiss={() => bucket.setError(null)}
        testId="s3-error"
      />
      <p className="acting-as" data-testid="s3-acting-as">
        {identity.who === null ? (
          <span className="muted">Resolving credentials…</span>
        ) : uploadPrefix === null ? (
          <>
            As a <strong>guest</strong>: <Code>{PUBLIC_PREFIX}</Code> only, read-only.{' '}
            <a href="#identity">Sign in</a> for a private folder.
          </>
        ) : (
          <>
            As <strong>{identity.who}</strong>: <Code>{PUBLIC_PREFIX}</Code> and{' '}
            <Code>
              private/<span data-testid="s3-identity">{userIdentityId}</span>/
            </Code>
          </>
        )}
      </p>

      <ObjectList
        objects={bucket.objects}
        listedIn={bucket.listedIn}
        status={bucket.status}
        listing={busy === 'list'}
        disabled={busy !== null}
        deletablePrefix={uploadPrefix}
        onPreview={bucket.showPreview}
        onDownload={bucket.download}
        onDelete={bucket.remove}
      />

      {bucket.preview && <ObjectPreview preview={bucket.preview} onClose={bucket.closePreview} />}

      <p className="muted upload-target" data-testid="upload-target">
        {uploadPrefix === null ? (
          <>Sign in to upload: guests may only read.</>
        ) : (
          <>
            Uploads go to <Code>{uploadPrefix}</Code> followed by the key.
          </>
        )}
      </p>
      <div className="upload-grid three">
        <UploadFileForm
          {...uploadForm}
          uploading={busy === 'upload-file'}
          onUpload={bucket.uploadFile}
        />
        <UploadTextForm
          {...uploadForm}
          uploading={busy === 'upload-text'}
          onUpload={bucket.uploadText}
        />
        <AnyKeyForm
          disabled={busy !== null}
          reading={busy === 'any-read'}
          writing={busy === 'any-write'}
          onInvalid={bucket.setError}
          onRead={bucket.readAnyKey}
          onWrite={bucket.writeAnyKey}
        />
      </div>
    </Panel>
  )
}
