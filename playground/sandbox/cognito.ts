/**
 * A minimal Amazon Cognito Identity endpoint (awsJson1_1 protocol): `GetId` and
 * `GetCredentialsForIdentity` for one identity pool with unauthenticated identities.
 *
 * Requests: `POST /`, `content-type: application/x-amz-json-1.1`,
 * `x-amz-target: AWSCognitoIdentityService.<Operation>`, JSON body. Errors are shaped like AWS's:
 * status 400, `x-amzn-errortype` header, body `{ "__type": …, "message": … }`, which the SDK turns
 * into its modeled exceptions (ResourceNotFoundException, NotAuthorizedException, …).
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { CredentialIssuer } from './credentials.js'
import type { CorsPolicy } from './cors.js'
import { answerPreflight, applyCorsHeaders, COGNITO_EXPOSE_HEADERS } from './cors.js'

export const COGNITO_TARGET_PREFIX = 'AWSCognitoIdentityService.'
export const COGNITO_CONTENT_TYPE = 'application/x-amz-json-1.1'
/** AWS's pattern for identity pool ids and identity ids. */
export const COGNITO_ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/
const COGNITO_ID_PATTERN_TEXT = '[\\w-]+:[0-9a-f-]+'
const MAX_BODY_BYTES = 64 * 1024
const ERROR_NAMESPACE = 'http://internal.amazon.com/coral/com.amazonaws.cognito.identity.model/'

export type CognitoOperation = 'GetId' | 'GetCredentialsForIdentity'

export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message)
  }
}

/**
 * Identity ids look like AWS's (`<region>:<uuid v4>`); the last 6 bytes of the UUID are a MAC of
 * the first 10 under a key derived from the pool id. So an identity id the SDK cached (the
 * browser SDK keeps it in IndexedDB) stays valid across sandbox restarts, while an id this pool
 * never issued is answered with ResourceNotFoundException, as AWS would.
 */
export class IdentityIds {
  readonly #key: Buffer
  readonly #region: string

  constructor(identityPoolId: string) {
    this.#key = createHmac('sha256', 'aws-client-cache-sandbox').update(identityPoolId).digest()
    this.#region = identityPoolId.slice(0, identityPoolId.indexOf(':'))
  }

  #mac(head: Buffer): Buffer {
    return createHmac('sha256', this.#key).update(head).digest().subarray(0, 6)
  }

  create(): string {
    const bytes = randomBytes(16)
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
    this.#mac(bytes.subarray(0, 10)).copy(bytes, 10)
    const hex = bytes.toString('hex')
    const uuid = [
      hex.slice(0, 8),
      hex.slice(8, 12),
      hex.slice(12, 16),
      hex.slice(16, 20),
      hex.slice(20),
    ]
    return `${this.#region}:${uuid.join('-')}`
  }

  isKnown(identityId: string): boolean {
    const match =
      /^([\w-]+):([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/.exec(
        identityId,
      )
    if (!match || match[1] !== this.#region || match[2] === undefined) return false
    const bytes = Buffer.from(match[2].replace(/-/g, ''), 'hex')
    const expected = this.#mac(bytes.subarray(0, 10))
    return timingSafeEqual(expected, bytes.subarray(10))
  }
}

type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseBody(raw: string): JsonObject {
  // AWS treats an empty body as an empty input structure.
  if (raw.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    throw new CognitoError('SerializationException', 'Malformed request body: not valid JSON')
  }
  if (!isObject(parsed)) {
    throw new CognitoError(
      'SerializationException',
      'Malformed request body: expected a JSON object (structure)',
    )
  }
  return parsed
}

function optionalString(body: JsonObject, member: string): string | undefined {
  const value = body[member]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') {
    throw new CognitoError(
      'SerializationException',
      `Malformed request body: ${member} must be a string`,
    )
  }
  return value
}

function requiredId(body: JsonObject, member: string): string {
  const value = optionalString(body, member)
  const field = member.charAt(0).toLowerCase() + member.slice(1)
  if (value === undefined) {
    throw new CognitoError(
      'InvalidParameterException',
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
    )
  }
  if (value.length < 1 || value.length > 55 || !COGNITO_ID_PATTERN.test(value)) {
    throw new CognitoError(
      'InvalidParameterException',
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ` +
        `Member must satisfy regular expression pattern: ${COGNITO_ID_PATTERN_TEXT}`,
    )
  }
  return value
}

/** The sandbox pool only has unauthenticated identities: any login is refused. */
function rejectLogins(body: JsonObject): void {
  const logins = body['Logins']
  if (logins === undefined || logins === null) return
  if (!isObject(logins) || Object.values(logins).some((token) => typeof token !== 'string')) {
    throw new CognitoError(
      'SerializationException',
      'Malformed request body: Logins must be a map of strings',
    )
  }
  if (Object.keys(logins).length > 0) {
    throw new CognitoError(
      'NotAuthorizedException',
      'Invalid login token. The sandbox identity pool only supports unauthenticated identities.',
    )
  }
}

export interface CognitoDeps {
  identityPoolId: string
  issuer: CredentialIssuer
  cors: CorsPolicy
  /** Called once per recognised operation request, before its input is validated. */
  count(operation: CognitoOperation): void
  /** Extra routes tried first (the sandbox's stats/reset); return true if handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean
}

export function createCognitoListener(deps: CognitoDeps): RequestListener {
  const identities = new IdentityIds(deps.identityPoolId)

  const checkPool = (identityPoolId: string) => {
    if (identityPoolId !== deps.identityPoolId) {
      throw new CognitoError(
        'ResourceNotFoundException',
        `IdentityPool '${identityPoolId}' not found.`,
      )
    }
  }

  const operations: Record<CognitoOperation, (body: JsonObject) => JsonObject> = {
    GetId(body) {
      const identityPoolId = requiredId(body, 'IdentityPoolId')
      optionalString(body, 'AccountId')
      checkPool(identityPoolId)
      rejectLogins(body)
      return { IdentityId: identities.create() }
    },
    GetCredentialsForIdentity(body) {
      const identityId = requiredId(body, 'IdentityId')
      optionalString(body, 'CustomRoleArn')
      rejectLogins(body)
      if (!identities.isKnown(identityId)) {
        throw new CognitoError('ResourceNotFoundException', `Identity '${identityId}' not found.`)
      }
      const credentials = deps.issuer.issue()
      return {
        IdentityId: identityId,
        Credentials: {
          AccessKeyId: credentials.accessKeyId,
          SecretKey: credentials.secretAccessKey,
          SessionToken: credentials.sessionToken,
          // Epoch seconds, as AWS's JSON protocols encode timestamps.
          Expiration: credentials.expiration.getTime() / 1000,
        },
      }
    },
  }

  return (req, res) => {
    res.setHeader('x-amzn-RequestId', randomUUID())
    if (req.method === 'OPTIONS') {
      answerPreflight(deps.cors, req, res, ['GET', 'POST', 'OPTIONS'])
      return
    }
    applyCorsHeaders(
      deps.cors,
      req,
      (name, value) => res.setHeader(name, value),
      COGNITO_EXPOSE_HEADERS,
    )
    if (deps.extraRoutes?.(req, res)) return

    if (req.method !== 'POST') {
      req.resume()
      sendError(res, new CognitoError('UnknownOperationException', 'Not found', 404))
      return
    }
    const target = req.headers['x-amz-target']
    const operation =
      typeof target === 'string' && target.startsWith(COGNITO_TARGET_PREFIX)
        ? target.slice(COGNITO_TARGET_PREFIX.length)
        : undefined
    if (operation !== 'GetId' && operation !== 'GetCredentialsForIdentity') {
      req.resume()
      sendError(
        res,
        new CognitoError(
          'UnknownOperationException',
          operation === undefined
            ? `Missing or invalid X-Amz-Target header (expected ${COGNITO_TARGET_PREFIX}<Operation>)`
            : `The sandbox does not implement ${COGNITO_TARGET_PREFIX}${operation}`,
        ),
      )
      return
    }
    deps.count(operation)

    readBody(req, MAX_BODY_BYTES).then(
      (raw) => {
        try {
          const contentType = (req.headers['content-type'] ?? '')
            .split(';')[0]
            ?.trim()
            .toLowerCase()
          if (contentType !== COGNITO_CONTENT_TYPE) {
            throw new CognitoError(
              'SerializationException',
              `Unsupported Content-Type '${contentType ?? ''}' (expected ${COGNITO_CONTENT_TYPE})`,
            )
          }
          sendJson(res, 200, operations[operation](parseBody(raw)))
        } catch (err) {
          sendError(
            res,
            err instanceof CognitoError
              ? err
              : new CognitoError('InternalErrorException', 'Internal error', 500),
          )
        }
      },
      (err: unknown) => {
        if (err instanceof CognitoError) sendError(res, err)
        else res.destroy()
      },
    )
  }
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
        reject(new CognitoError('SerializationException', 'Request body too large', 413))
      } else {
        resolve(Buffer.concat(chunks).toString('utf8'))
      }
    })
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, body: JsonObject): void {
  const json = JSON.stringify(body)
  res.statusCode = status
  res.setHeader('Content-Type', COGNITO_CONTENT_TYPE)
  res.setHeader('Content-Length', Buffer.byteLength(json))
  res.end(json)
}

function sendError(res: ServerResponse, error: CognitoError): void {
  res.setHeader('x-amzn-ErrorType', `${error.type}:${ERROR_NAMESPACE}`)
  sendJson(res, error.status, { __type: error.type, message: error.message })
}
