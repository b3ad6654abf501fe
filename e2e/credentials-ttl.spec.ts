/** Runs against the dev server started with SANDBOX_CREDENTIAL_TTL=5 (project `short-ttl`). */
import { expect, openPlayground, test } from './fixtures.js'

test('with 5-second credentials, requests keep succeeding across expiry', async ({
  page,
  consoleErrors,
  stats,
  shot,
}) => {
  await openPlayground(page)
  await expect(page.getByTestId('identity-id')).toHaveText(/^us-east-1:/)
  await expect(page.getByTestId('expires-in')).toHaveText(/^\d\.\d s$/)
  const first = await stats()
  expect(first.GetCredentialsForIdentity).toBeGreaterThanOrEqual(1)

  const panel = page.locator('#credentials')
  await panel.getByLabel('Seconds').fill('7')
  await panel.getByRole('button', { name: 'Run requests' }).click()
  await expect(page.getByTestId('stress-result')).toHaveAttribute('data-done', 'false')
  // Mid-run: the session has refreshed at least once.
  await expect
    .poll(async () => Number(await page.getByTestId('stress-refreshes').textContent()))
    .toBeGreaterThanOrEqual(1)
  await shot('07-credentials-refreshing')

  await expect(page.getByTestId('stress-result')).toHaveAttribute('data-done', 'true', {
    timeout: 60_000,
  })
  await expect(page.getByTestId('stress-failed')).toHaveText('0')
  expect(Number(await page.getByTestId('stress-ok').textContent())).toBeGreaterThan(10)
  // 7 s of 5-second credentials refreshed at half-life: two or more new credentials in the run.
  expect(
    Number(await page.getByTestId('stress-credential-calls').textContent()),
  ).toBeGreaterThanOrEqual(2)
  expect(Number(await page.getByTestId('refresh-count').textContent())).toBeGreaterThanOrEqual(2)
  await expect(page.getByTestId('stress-status')).toHaveText(/none failed/)

  const last = await stats()
  expect(last.GetCredentialsForIdentity).toBeGreaterThanOrEqual(2)
  await shot('08-credentials-after-expiry')
  expect(consoleErrors).toEqual([])
})
