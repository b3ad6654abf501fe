/**
 * The playground: one page, five panels, all on one `Session` whose clients share Cognito
 * credentials (the naive-vs-cached comparison builds its own, to start cold). Signing in and out
 * switches that session's credentials; it never builds another session.
 */
import { ClientCacheDevtools } from 'aws-client-cache/devtools'
import { config, isSandbox, session } from './aws.js'
import { CacheLab } from './components/CacheLab.js'
import { CredentialsPanel } from './components/CredentialsPanel.js'
import { IdentityPanel } from './components/IdentityPanel.js'
import { NaiveVsCached } from './components/NaiveVsCached.js'
import { S3Browser } from './components/S3Browser.js'

const SECTIONS = [
  ['s3', 'S3 browser'],
  ['credentials', 'Credentials'],
  ['compare', 'Naive vs cached'],
  ['lab', 'Cache lab'],
] as const

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <div>
            <h1>aws-client-cache</h1>
            <p>playground</p>
          </div>
        </div>
        <nav aria-label="Sections">
          <ul>
            {SECTIONS.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
        <dl className="env" aria-label="Environment">
          <div>
            <dt className="visually-hidden">Mode</dt>
            <dd>
              <span
                className={`mode ${isSandbox ? 'mode-sandbox' : 'mode-aws'}`}
                data-testid="mode"
              >
                {isSandbox ? 'Local sandbox' : 'Real AWS'}
              </span>
            </dd>
          </div>
          <div>
            <dt>Region</dt>
            <dd className="mono">{config.region}</dd>
          </div>
          <div>
            <dt>Bucket</dt>
            <dd className="mono">{config.bucket}</dd>
          </div>
        </dl>
      </header>

      <main id="main" className="layout">
        <p className="intro span-3" data-testid="intro">
          <strong>aws-client-cache</strong> gives your app one AWS SDK v3 client per distinct
          config, built once and reused on every call, all sharing one set of credentials.
        </p>
        <IdentityPanel />
        <S3Browser />
        <CredentialsPanel />
        <NaiveVsCached />
        <CacheLab />
      </main>

      <footer className="app-footer">
        <p>
          {isSandbox
            ? `Offline: S3 (s3rver) at ${config.s3Endpoint ?? '?'} and Cognito Identity at ${config.cognitoEndpoint ?? '?'}, both on this machine.`
            : `Talking to AWS: identity pool ${config.identityPoolId}.`}{' '}
          See playground/README.md.
        </p>
      </footer>

      <ClientCacheDevtools session={session} position="bottom" />
    </>
  )
}
