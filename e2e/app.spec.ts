import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import AxeBuilder from '@axe-core/playwright'
import { expect, listedKeys, openPlayground, test } from './fixtures.js'

/** What a guest sees: the seed objects, under public/. */
const SEEDED = [
  'public/data/sample.json',
  'public/hello.txt',
  'public/images/gradient.png',
  'public/notes/readme.md',
]

test('loads with no console errors and lists the seeded objects at once', async ({
  page,
  consoleErrors,
  shot,
}) => {
  await openPlayground(page)
  expect(await listedKeys(page)).toEqual(expect.arrayContaining(SEEDED))
  await expect(page.getByTestId('mode')).toHaveText('Local sandbox')
  await expect(page.getByTestId('identity-id')).toHaveText(/^us-east-1:[0-9a-f-]{36}$/)
  await expect(page.getByTestId('expires-in')).toHaveText(/\d+ min \d+ s/)
  await shot('01-loaded')

  const axe = await new AxeBuilder({ page }).analyze()
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  expect(consoleErrors).toEqual([])
})

test('signed in, upload then download round-trips bytes exactly; delete removes', async ({
  page,
  consoleErrors,
  shot,
}) => {
  await openPlayground(page)
  // Guests may only read public/: uploads need a signed-in user, whose folder is private/<id>/.
  await expect(page.getByRole('button', { name: 'Upload file' })).toBeDisabled()
  await page.getByRole('form', { name: 'Sign in' }).getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByTestId('identity-status')).toHaveText('Signed in as alice.')
  const identityId = await page.getByTestId('s3-identity').textContent()
  expect(identityId).toMatch(/^us-east-1:[0-9a-f-]{36}$/)
  const folder = `private/${identityId}/`

  // Every byte value, then random bytes: any re-encoding on the way would show.
  const bytes = Buffer.concat([
    Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    randomBytes(48 * 1024),
  ])
  const name = `e2e/roundtrip-${Date.now()}.bin`
  const key = `${folder}${name}`
  const upload = page.getByRole('form', { name: 'Upload a file' })
  await upload.getByLabel('File').setInputFiles({
    name: 'roundtrip.bin',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  })
  await upload.getByLabel('Key (optional)').fill(name)
  await upload.getByRole('button', { name: 'Upload file' }).click()
  await expect(page.getByTestId('s3-status')).toHaveText(`Uploaded ${key} (48.3 KiB).`)
  await expect(page.locator(`[data-key="${key}"]`)).toBeVisible()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download ${key}` }).click(),
  ])
  expect(download.suggestedFilename()).toBe(key.split('/').pop())
  const downloaded = await readFile(await download.path())
  expect(downloaded.equals(bytes)).toBe(true)

  // Text upload, read back through the preview.
  const textName = `e2e/note-${Date.now()}.txt`
  const textKey = `${folder}${textName}`
  const text = 'Grüße from the e2e test ✓\nsecond line\n'
  const textForm = page.getByRole('form', { name: 'Upload text' })
  await textForm.getByLabel('Key').fill(textName)
  await textForm.getByLabel('Text').fill(text)
  await textForm.getByRole('button', { name: 'Upload text' }).click()
  await expect(page.getByTestId('s3-status')).toContainText(`Uploaded ${textKey}`)
  await page.getByRole('button', { name: `Preview ${textKey}` }).click()
  await expect(
    page.getByRole('figure', { name: `Preview of ${textKey}` }).locator('pre'),
  ).toHaveText(text)
  await shot('02-uploaded')

  for (const k of [key, textKey]) {
    await page.getByRole('button', { name: `Delete ${k}` }).click()
    await expect(page.getByTestId('s3-status')).toHaveText(`Deleted ${k}.`)
    await expect(page.locator(`[data-key="${k}"]`)).toHaveCount(0)
  }
  expect(await listedKeys(page)).toEqual(SEEDED)
  await shot('03-deleted')
  expect(consoleErrors).toEqual([])
})

test('shows errors to the user, not only in the console', async ({ page, shot }) => {
  await openPlayground(page)

  // S3 answers an error: the SDK's error reaches the panel.
  await page.route(/\/aws-client-cache-demo\/public\/hello\.txt/, (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({
          status: 404,
          contentType: 'application/xml',
          body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>public/hello.txt</Key></Error>',
        })
      : route.continue(),
  )
  await page.getByRole('button', { name: 'Download public/hello.txt' }).click()
  await expect(page.getByTestId('s3-error')).toContainText('NoSuchKey')

  // The library rejects a bad maxSize: the cache lab shows its CacheError.
  const lab = page.getByRole('form', { name: 'Call a client' })
  await lab.getByLabel('maxSize').fill('0')
  await lab.getByRole('button', { name: 'Call client' }).click()
  await expect(page.getByTestId('lab-error')).toContainText('maxSize must be a positive integer')
  await shot('04-errors')
})

test('cache lab: entries appear and get evicted (LRU, then LFU)', async ({ page, shot }) => {
  await openPlayground(page)
  const lab = page.getByRole('form', { name: 'Call a client' })
  await lab.getByLabel('maxSize').fill('2')

  const callIn = async (region: string) => {
    await lab.getByLabel('Region').selectOption(region)
    await lab.getByRole('button', { name: 'Call client' }).click()
  }
  await callIn('eu-west-1')
  await expect(page.getByTestId('lab-last')).toHaveText(
    'S3Client in eu-west-1: miss, built a new client',
  )
  await callIn('eu-west-1')
  await expect(page.getByTestId('lab-last')).toHaveText(
    'S3Client in eu-west-1: hit, the cached client',
  )
  await callIn('ap-northeast-1')
  await expect(page.getByTestId('cache-LRU-size')).toHaveText('2 / 2')
  const lru = page.getByTestId('cache-LRU')
  await expect(lru.getByTestId('cache-entry')).toHaveCount(2)
  // Resizing to 2 evicted the app's own S3 client (least recently used), then…
  await callIn('sa-east-1')
  // …eu-west-1 is now the least recently used and goes.
  await expect(lru.getByTestId('cache-entry')).toHaveCount(2)
  await expect(lru).not.toContainText("region: 'eu-west-1'")
  await expect(lru).toContainText("region: 'ap-northeast-1'")
  await expect(lru).toContainText("region: 'sa-east-1'")
  await expect(page.getByTestId('lab-events')).toContainText('(capacity)')

  // LFU keeps the frequently used entry.
  await lab.getByText('LFU', { exact: true }).click()
  await callIn('us-west-2')
  await callIn('us-west-2')
  await callIn('us-west-2')
  await callIn('eu-central-1')
  await callIn('ap-southeast-2')
  const lfu = page.getByTestId('cache-LFU')
  await expect(page.getByTestId('cache-LFU-size')).toHaveText('2 / 2')
  await expect(lfu).toContainText("region: 'us-west-2'")
  await expect(lfu).toContainText("region: 'ap-southeast-2'")
  await expect(lfu).not.toContainText("region: 'eu-central-1'")
  await page.locator('#lab').scrollIntoViewIfNeeded()
  await shot('05-cache-lab')
})
