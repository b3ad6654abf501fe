/**
 * The demo bucket's objects, through the app's one S3 client (`session.client(S3Client)`): built
 * on first use, then a cache hit, whoever is signed in. S3 decides what each identity may do.
 */
import type { _Object } from '@aws-sdk/client-s3'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { config, privatePrefix, PUBLIC_PREFIX, session } from '../../aws.js'
import { describeCredentials, isUser } from '../../identity.js'

/** The app's one S3 client: built on first use, then a cache hit, whoever is signed in. */
const s3 = () => session.client(S3Client)

/**
 * The prefixes the identity in force may list, asked of the session itself (the credentials that
 * will sign the listing), so a listing never names another identity's folder.
 */
async function readablePrefixes(): Promise<string[]> {
  const identity = describeCredentials(await session.getCredentials())
  return isUser(identity) && identity.identityId !== null
    ? [PUBLIC_PREFIX, privatePrefix(identity.identityId)]
    : [PUBLIC_PREFIX]
}

/** Every object the identity in force may list, page after page, sorted by key. */
export async function listAll(): Promise<_Object[]> {
  const objects: _Object[] = []
  for (const prefix of await readablePrefixes()) {
    let token: string | undefined
    do {
      const page = await s3().send(
        new ListObjectsV2Command({
          Bucket: config.bucket,
          Prefix: prefix,
          ContinuationToken: token,
        }),
      )
      objects.push(...(page.Contents ?? []))
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token !== undefined)
  }
  return objects.sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''))
}

/** An object's bytes and content type (`application/octet-stream` when S3 gives none). */
export async function getBytes(key: string): Promise<{ bytes: Uint8Array; contentType: string }> {
  const response = await s3().send(new GetObjectCommand({ Bucket: config.bucket, Key: key }))
  if (!response.Body) throw new Error(`GetObject returned no body for ${key}`)
  const bytes = await response.Body.transformToByteArray()
  return { bytes, contentType: response.ContentType ?? 'application/octet-stream' }
}

/** Writes an object. */
export async function putBytes(key: string, body: Uint8Array, contentType: string): Promise<void> {
  await s3().send(
    new PutObjectCommand({
      Bucket: config.bucket,
      Key: key,
      Body: body,
      ContentType: contentType,
    }),
  )
}

/** Deletes an object. */
export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: config.bucket, Key: key }))
}
