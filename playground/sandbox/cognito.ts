/**
 * The sandbox's Cognito endpoint: one HTTP listener for both Cognito services, told apart by
 * `x-amz-target` as on AWS (where they have separate hosts):
 *
 * - `AWSCognitoIdentityService.GetId` / `.GetCredentialsForIdentity`: the identity pool
 *   ({@link IdentityPool});
 * - `AWSCognitoIdentityProviderService.InitiateAuth`: the user pool ({@link UserPool});
 * - `GET /<userPoolId>/.well-known/jwks.json` (and `openid-configuration`): the user pool's keys,
 *   under its issuer URL `<endpoint>/<userPoolId>`, as Cognito serves them under its issuer.
 *
 * Everything answers CORS, so the playground can call it from the browser.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import type { JsonObject } from './awsJson.js'
import { AwsJsonError, readJsonRequest, sendError, sendJson } from './awsJson.js'
import type { CorsPolicy } from './cors.js'
import { answerPreflight, applyCorsHeaders, COGNITO_EXPOSE_HEADERS } from './cors.js'
import type { IdentityPool } from './identityPool.js'
import { IDENTITY_POOL_ERROR_NAMESPACE, IDENTITY_POOL_TARGET_PREFIX } from './identityPool.js'
import type { UserPool } from './userPool.js'
import { USER_POOL_ERROR_NAMESPACE, USER_POOL_TARGET_PREFIX } from './userPool.js'

export type CognitoOperation = 'GetId' | 'GetCredentialsForIdentity' | 'InitiateAuth'

export interface CognitoDeps {
  identityPool: IdentityPool
  userPool: UserPool
  cors: CorsPolicy
  /** Called once per recognised operation request, before its input is validated. */
  count(operation: CognitoOperation): void
  /** Extra routes tried first (the sandbox's stats/reset/revoke); return true if handled. */
  extraRoutes?: (req: IncomingMessage, res: ServerResponse) => boolean
}

interface Operation {
  name: CognitoOperation
  namespace: string
  run(body: JsonObject): Promise<JsonObject>
}

export function createCognitoListener(deps: CognitoDeps): RequestListener {
  const { identityPool, userPool } = deps
  const operations = new Map<string, Operation>([
    [
      `${IDENTITY_POOL_TARGET_PREFIX}GetId`,
      {
        name: 'GetId',
        namespace: IDENTITY_POOL_ERROR_NAMESPACE,
        run: (body) => identityPool.getId(body),
      },
    ],
    [
      `${IDENTITY_POOL_TARGET_PREFIX}GetCredentialsForIdentity`,
      {
        name: 'GetCredentialsForIdentity',
        namespace: IDENTITY_POOL_ERROR_NAMESPACE,
        run: (body) => identityPool.getCredentialsForIdentity(body),
      },
    ],
    [
      `${USER_POOL_TARGET_PREFIX}InitiateAuth`,
      {
        name: 'InitiateAuth',
        namespace: USER_POOL_ERROR_NAMESPACE,
        run: (body) => userPool.initiateAuth(body),
      },
    ],
  ])
  const wellKnown = `/${userPool.id}/.well-known/`

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

    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (req.method === 'GET' && path.startsWith(wellKnown)) {
      req.resume()
      const document = path.slice(wellKnown.length)
      if (document === 'jwks.json') {
        sendJson(res, 200, userPool.tokens.jwks, 'application/json')
        return
      }
      if (document === 'openid-configuration') {
        const issuer = userPool.tokens.issuer
        sendJson(
          res,
          200,
          {
            issuer,
            jwks_uri: `${issuer}/.well-known/jwks.json`,
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: ['RS256'],
          },
          'application/json',
        )
        return
      }
    }

    const target = req.headers['x-amz-target']
    if (req.method !== 'POST') {
      req.resume()
      sendError(
        res,
        new AwsJsonError('UnknownOperationException', 'Not found', 404),
        IDENTITY_POOL_ERROR_NAMESPACE,
      )
      return
    }
    const operation = typeof target === 'string' ? operations.get(target) : undefined
    if (operation === undefined) {
      req.resume()
      const known =
        typeof target === 'string' &&
        (target.startsWith(IDENTITY_POOL_TARGET_PREFIX) ||
          target.startsWith(USER_POOL_TARGET_PREFIX))
      sendError(
        res,
        new AwsJsonError(
          'UnknownOperationException',
          known
            ? `The sandbox does not implement ${target}`
            : `Missing or invalid X-Amz-Target header (expected ${IDENTITY_POOL_TARGET_PREFIX}<Operation> or ${USER_POOL_TARGET_PREFIX}<Operation>)`,
        ),
        typeof target === 'string' && target.startsWith(USER_POOL_TARGET_PREFIX)
          ? USER_POOL_ERROR_NAMESPACE
          : IDENTITY_POOL_ERROR_NAMESPACE,
      )
      return
    }
    deps.count(operation.name)

    readJsonRequest(req)
      .then((body) => operation.run(body))
      .then(
        (output) => sendJson(res, 200, output),
        (err: unknown) => {
          if (err instanceof AwsJsonError) sendError(res, err, operation.namespace)
          else if (res.headersSent || req.destroyed) res.destroy()
          else {
            sendError(
              res,
              new AwsJsonError('InternalErrorException', 'Internal error', 500),
              operation.namespace,
            )
          }
        },
      )
  }
}
