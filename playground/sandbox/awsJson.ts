/**
 * The awsJson1_1 protocol as the sandbox's Cognito services speak it: `POST /`,
 * `content-type: application/x-amz-json-1.1`, `x-amz-target: <Service>.<Operation>`, a JSON body.
 * Errors are shaped like AWS's: status 400, `x-amzn-errortype` header, body
 * `{ "__type": …, "message": … }`, which the SDK turns into its modeled exceptions.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export const AWS_JSON_CONTENT_TYPE = 'application/x-amz-json-1.1'
const MAX_BODY_BYTES = 64 * 1024

/** An error answered to the client (`type` is the modeled exception's name). */
export class AwsJsonError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

export type JsonObject = Record<string, unknown>

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function parseBody(raw: string): JsonObject {
  // AWS treats an empty body as an empty input structure.
  if (raw.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new AwsJsonError('SerializationException', 'Malformed request body: not valid JSON')
  }
  if (!isObject(parsed)) {
    throw new AwsJsonError(
      'SerializationException',
      'Malformed request body: expected a JSON object (structure)',
    )
  }
  return parsed
}

export function optionalString(body: JsonObject, member: string): string | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') {
    throw new AwsJsonError(
      'SerializationException',
      `Malformed request body: ${member} must be a string`,
    )
  }
  return value
}

/** A map of strings (`Logins`, `AuthParameters`), or undefined when absent. */
export function optionalStringMap(
  body: JsonObject,
  member: string,
): Record<string, string> | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (!isObject(value) || Object.values(value).some((entry) => typeof entry !== 'string')) {
    throw new AwsJsonError(
      'SerializationException',
      `Malformed request body: ${member} must be a map of strings`,
    )
  }
  return value as Record<string, string>
}

/** AWS's message for a missing required member. */
export function missingMember(member: string): AwsJsonError {
  const field = member.charAt(0).toLowerCase() + member.slice(1)
  return new AwsJsonError(
    'InvalidParameterException',
    `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
  )
}

/** Reads the body and checks the content type; rejects with an AwsJsonError. */
export async function readJsonRequest(req: IncomingMessage): Promise<JsonObject> {
  const raw = await readBody(req, MAX_BODY_BYTES)
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (contentType !== AWS_JSON_CONTENT_TYPE) {
    throw new AwsJsonError(
      'SerializationException',
      `Unsupported Content-Type '${contentType ?? ''}' (expected ${AWS_JSON_CONTENT_TYPE})`,
    )
  }
  return parseBody(raw)
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let tooLarge = false
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) tooLarge = true
      else chunks.push(chunk)
    })
    req.on('end', () => {
      if (tooLarge) {
        reject(new AwsJsonError('SerializationException', 'Request body too large', 413))
      } else {
        resolve(Buffer.concat(chunks).toString('utf8'))
      }
    })
    req.on('error', reject)
  })
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = AWS_JSON_CONTENT_TYPE,
): void {
  const json = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', contentType)
  res.setHeader('Content-Length', Buffer.byteLength(json))
  res.end(json)
}

/** `namespace` is the service's error namespace, after the type in `x-amzn-errortype`. */
export function sendError(res: ServerResponse, error: AwsJsonError, namespace: string): void {
  res.setHeader('x-amzn-ErrorType', `${error.type}:${namespace}`)
  sendJson(res, error.status, { __type: error.type, message: error.message })
}
