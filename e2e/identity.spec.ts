/**
 * One session, several identities: alice signs in and writes to her private folder, bob switches
 * in and is refused her object, sign-out leaves a guest who may not write, and revoking every key
 * pair in the middle of a burst of requests loses none of them. Through all of it the app keeps
 * its one session and its one S3Client (`session.setCredentials()` builds nothing), and the page
 * never shows a key pair or an ID token.
 */
import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import type { SandboxStats } from './fixtures.js'
import {
  captureSecrets,
  expect,
  expectNoIssuedCredential,
  horizontalOverflow,
  listedKeys,
  openPlayground,
  test,
  wholeDom,
} from './fixtures.js'

test.use({ viewport: { width: 1280, height: 800 } })

const IDENTITY_ID = /^us-east-1:[0-9a-f-]{36}$/

/** S3 answers `ExpiredToken` (revoked key pairs), as the page receives them. */
function captureExpiredTokens(page: Page): { count: number } {
  const seen = { count: 0 }
  page.on('response', async (response) => {
    if (response.status() !== 400 || !response.url().includes('/aws-client-cache-demo')) return
    const body = await response.text().catch(() => '')
    if (body.includes('<Code>ExpiredToken</Code>')) seen.count++
  })
  return seen
}

const numberIn = async (locator: Locator): Promise<number> => Number(await locator.textContent())

test('one session for every identity: sign in, switch, sign out, revoke; one S3 client', async ({
  page,
  consoleErrors,
  stats,
  shot,
}) => {
  // Many steps, each waiting on the app: generous on a busy machine.
  test.setTimeout(180_000)
  const started = Date.now()
  const secrets = captureSecrets(page)
  const expired = captureExpiredTokens(page)
  const first = await stats()

  await openPlayground(page)
  const identity = page.locator('#identity')
  const who = identity.getByTestId('identity-who')
  const reason = identity.getByTestId('identity-reason')
  const cognitoId = identity.getByTestId('identity-cognito-id')
  const status = identity.getByTestId('identity-status')
  const signInForm = page.getByRole('form', { name: 'Sign in' })
  const anyKey = page.getByRole('form', { name: 'Any key' })
  const s3Error = page.getByTestId('s3-error')

  /** The app's one S3 client: one entry, built once, whoever is signed in. */
  const oneS3Client = async () => {
    await expect(identity.getByTestId('identity-s3-clients')).toHaveText('1')
    await expect(identity.getByTestId('identity-clients-built')).toHaveText('1')
  }

  await expect(who).toHaveText('guest')
  await expect(cognitoId).toHaveText(IDENTITY_ID)
  await expect(identity.getByTestId('identity-key-prefix')).toHaveText(/^ASIA[0-9A-Z]{4}…$/)
  await expect(reason).toHaveText('initial')
  await oneS3Client()

  // 1. alice signs in: one InitiateAuth, one GetId, one GetCredentialsForIdentity.
  const beforeAlice = await stats()
  await signInForm.getByRole('button', { name: 'Sign in' }).click()
  await expect(status).toHaveText('Signed in as alice.')
  await expect(who).toHaveText('alice')
  await expect(reason).toHaveText('switch')
  await expect(cognitoId).toHaveText(IDENTITY_ID)
  const aliceId = (await cognitoId.textContent()) ?? ''
  await expect(page.getByTestId('s3-identity')).toHaveText(aliceId)
  const afterAlice = await stats()
  expect(afterAlice.InitiateAuth - beforeAlice.InitiateAuth).toBe(1)
  expect(afterAlice.GetCredentialsForIdentity - beforeAlice.GetCredentialsForIdentity).toBe(1)

  // She writes to her private folder.
  const name = `e2e/identity-${Date.now()}.txt`
  const aliceKey = `private/${aliceId}/${name}`
  const textForm = page.getByRole('form', { name: 'Upload text' })
  await textForm.getByLabel('Key').fill(name)
  await textForm.getByLabel('Text').fill('alice only\n')
  await textForm.getByRole('button', { name: 'Upload text' }).click()
  await expect(page.getByTestId('s3-status')).toHaveText(`Uploaded ${aliceKey} (11 B).`)
  await expect(page.locator(`[data-key="${aliceKey}"]`)).toBeVisible()
  await oneS3Client()
  await shot('12-identity-alice')

  // 2. bob switches in (no sign-out): another identity, the same client; alice's object is his
  // to be refused.
  await signInForm.getByLabel('User').selectOption('bob')
  await expect(signInForm.getByLabel('Password')).toHaveValue('bob-password-1')
  await signInForm.getByRole('button', { name: 'Switch user' }).click()
  await expect(status).toHaveText('Switched to bob.')
  await expect(who).toHaveText('bob')
  await expect(cognitoId).toHaveText(IDENTITY_ID)
  const bobId = (await cognitoId.textContent()) ?? ''
  expect(bobId).not.toBe(aliceId)
  await expect(page.getByTestId('s3-identity')).toHaveText(bobId)
  await expect(page.locator(`[data-key="${aliceKey}"]`)).toHaveCount(0)
  await anyKey.getByLabel('Key').fill(aliceKey)
  await anyKey.getByRole('button', { name: 'Read' }).click()
  await expect(s3Error).toContainText('AccessDenied')
  await oneS3Client()
  await shot('13-identity-bob-denied')

  // 3. Sign-out: a guest again, who may not write (the UI refuses, and so does S3).
  await signInForm.getByRole('button', { name: 'Sign out' }).click()
  await expect(status).toHaveText('Signed out: back to a guest.')
  await expect(who).toHaveText('guest')
  await expect(page.getByTestId('upload-target')).toHaveText(
    'Sign in to upload: guests may only read.',
  )
  await expect(page.getByRole('button', { name: 'Upload text' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Upload file' })).toBeDisabled()
  await expect(s3Error).toBeEmpty()
  await anyKey.getByRole('button', { name: 'Write' }).click()
  await expect(s3Error).toContainText('AccessDenied')
  expect(await listedKeys(page)).not.toContain(aliceKey)
  await oneS3Client()
  await shot('14-identity-guest')

  // 4. Revoke in the middle of a burst: every request still succeeds, each one S3 refused with
  // ExpiredToken sent again once, after one new resolution shared by all.
  const beforeBurst = await stats()
  const expiredBefore = expired.count
  const ok = identity.getByTestId('burst-ok')
  await identity.getByRole('button', { name: 'Start requests' }).click()
  await expect(identity.getByTestId('burst')).toHaveAttribute('data-running', 'true')
  await expect.poll(() => numberIn(ok), { timeout: 30_000 }).toBeGreaterThanOrEqual(6)
  await Promise.all([
    page.waitForResponse(
      (response) => response.url().endsWith('/__sandbox/revoke') && response.ok(),
    ),
    identity.getByRole('button', { name: 'Revoke now' }).click(),
  ])
  await expect(identity.getByTestId('revoke-status')).toHaveText(/^Revoked \d+ key pairs? at /)
  const okAtRevoke = await numberIn(ok)
  await expect(reason).toHaveText('auth-error')
  await expect(identity.getByTestId('burst-auth-errors')).toHaveText('1')
  await expect.poll(() => numberIn(ok), { timeout: 30_000 }).toBeGreaterThanOrEqual(okAtRevoke + 6)
  await identity.getByRole('button', { name: 'Stop requests' }).click()
  await expect(identity.getByTestId('burst')).toHaveAttribute('data-running', 'false', {
    timeout: 30_000,
  })
  await expect(identity.getByTestId('burst-failed')).toHaveText('0')
  await expect(identity.getByTestId('burst-retried')).toHaveText(/^\d+$/)
  const burstOk = await numberIn(ok)
  const retried = await numberIn(identity.getByTestId('burst-retried'))
  const afterBurst = await stats()
  expect(retried).toBeGreaterThanOrEqual(1)
  // Each ExpiredToken answer the page got was one request sent again, and nothing else was
  // (polled: the page's responses are read asynchronously).
  await expect.poll(() => expired.count - expiredBefore).toBe(retried)
  const burstExpired = expired.count - expiredBefore
  expect(afterBurst.s3Requests - beforeBurst.s3Requests).toBe(burstOk + retried)
  expect(afterBurst.GetCredentialsForIdentity - beforeBurst.GetCredentialsForIdentity).toBe(1)
  await expect(who).toHaveText('guest')
  await oneS3Client()
  await shot('15-identity-revoked-burst')

  // 5. alice again, then a revoke with nothing running: the next listing recovers by itself.
  await signInForm.getByLabel('User').selectOption('alice')
  await signInForm.getByRole('button', { name: 'Sign in' }).click()
  await expect(status).toHaveText('Signed in as alice.')
  await expect(cognitoId).toHaveText(aliceId)
  await expect(page.locator(`[data-key="${aliceKey}"]`)).toBeVisible()
  await Promise.all([
    page.waitForResponse(
      (response) => response.url().endsWith('/__sandbox/revoke') && response.ok(),
    ),
    identity.getByRole('button', { name: 'Revoke now' }).click(),
  ])
  await expect(reason).toHaveText('switch')
  const expiredBeforeList = expired.count
  await page.locator('#s3').getByRole('button', { name: 'Refresh' }).click()
  await expect(reason).toHaveText('auth-error')
  await expect(identity.getByTestId('identity-resolutions')).toContainText('auth-error 2')
  await expect(page.locator('#s3').getByRole('button', { name: 'Refresh' })).toBeEnabled()
  await expect(s3Error).toBeEmpty()
  await expect(page.locator(`[data-key="${aliceKey}"]`)).toBeVisible()
  await expect.poll(() => expired.count - expiredBeforeList).toBeGreaterThanOrEqual(1)
  await page.getByRole('button', { name: `Delete ${aliceKey}` }).click()
  await expect(page.getByTestId('s3-status')).toHaveText(`Deleted ${aliceKey}.`)
  await expect(page.locator(`[data-key="${aliceKey}"]`)).toHaveCount(0)
  await oneS3Client()

  // No key pair, secret or ID token in the page; only the access key's first 8 characters.
  await expect.poll(() => secrets.credentials.length).toBe(7)
  await expect.poll(() => secrets.idTokens.length).toBe(3)
  const latest = secrets.credentials.map((issued) => `${issued.AccessKeyId.slice(0, 8)}…`)
  await expect(identity.getByTestId('identity-key-prefix')).toHaveText(latest.at(-1) ?? '')
  const dom = await wholeDom(page)
  expectNoIssuedCredential(dom, secrets.credentials)
  for (const idToken of secrets.idTokens) expect(dom).not.toContain(idToken)

  // The identity panel is accessible.
  const axe = await new AxeBuilder({ page }).include('#identity').analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([])

  // Readable at a laptop's and at a phone's viewport: nothing scrolls sideways.
  await page.evaluate(() => window.scrollTo(0, 0))
  expect(await horizontalOverflow(page)).toBe(0)
  await shot('16-identity-1280x800', page, { fullPage: false })
  await page.setViewportSize({ width: 390, height: 844 })
  await expect.poll(() => horizontalOverflow(page)).toBe(0)
  const box = await identity.boundingBox()
  expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true)
  await shot('17-identity-390x844', page, { fullPage: false })
  await shot('18-identity-panel-390', identity)

  // What this run cost: 7 resolutions (guest, alice, bob, guest, the burst's auth error, alice,
  // the listing's auth error), one client.
  const last: SandboxStats = await stats()
  expect(last.GetCredentialsForIdentity - first.GetCredentialsForIdentity).toBe(7)
  const figures = {
    credentialResolutions: last.GetCredentialsForIdentity - first.GetCredentialsForIdentity,
    getId: last.GetId - first.GetId,
    initiateAuth: last.InitiateAuth - first.InitiateAuth,
    s3Requests: last.s3Requests - first.s3Requests,
    burst: { ok: burstOk, retried, expiredTokenAnswers: burstExpired },
    expiredTokenAnswers: expired.count,
    s3ClientsBuilt: await numberIn(identity.getByTestId('identity-clients-built')),
    resolutionsShown: await identity.getByTestId('identity-resolutions').textContent(),
    seconds: (Date.now() - started) / 1000,
  }
  test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) })
  console.log(`identity figures: ${JSON.stringify(figures)}`)

  // The only console errors: the browser's own notes of the 400s (ExpiredToken) and 403s
  // (AccessDenied) this test provoked.
  expect(
    consoleErrors.filter(
      (error) =>
        !/^Failed to load resource: the server responded with a status of 40[03]/.test(error),
    ),
  ).toEqual([])
})
