import { expect, openPlayground, test } from './fixtures.js'

test('naive vs cached, N=20: 20 credential calls and clients against 1 each', async ({
  page,
  consoleErrors,
  stats,
  shot,
}) => {
  await openPlayground(page)
  const before = await stats()

  const compare = page.locator('#compare')
  await compare.getByLabel('Requests (N)').fill('20')
  await compare.getByRole('button', { name: 'Run comparison' }).click()
  await expect(page.getByTestId('compare-status')).toHaveText(/^Done/, { timeout: 60_000 })

  // The table shows the sandbox's counters, read before and after each run.
  await expect(page.getByTestId('naive-get-credentials')).toHaveText('20')
  await expect(page.getByTestId('cached-get-credentials')).toHaveText('1')
  await expect(page.getByTestId('naive-clients')).toHaveText('20')
  await expect(page.getByTestId('cached-clients')).toHaveText('1')
  await expect(page.getByTestId('naive-s3-requests')).toHaveText('20')
  await expect(page.getByTestId('cached-s3-requests')).toHaveText('20')
  await expect(page.getByTestId('naive-failed')).toHaveText('0')
  await expect(page.getByTestId('cached-failed')).toHaveText('0')

  // And the counters agree: 21 GetCredentialsForIdentity in all, 40 S3 requests.
  const after = await stats()
  expect(after.GetCredentialsForIdentity - before.GetCredentialsForIdentity).toBe(21)
  expect(after.s3Requests - before.s3Requests).toBe(40)

  await page.locator('#compare').scrollIntoViewIfNeeded()
  await shot('06-naive-vs-cached')
  expect(consoleErrors).toEqual([])
})
