/**
 * Where the app's AWS lives: the JSON line of `npm run sandbox -- --json`, in SANDBOX, read on the
 * server at request time. The page hands it to its client component as a prop, so the browser
 * talks to the same endpoints without a rebuild.
 */
export interface SandboxConfig {
  region: string
  /** Where guests may list the bucket (`public/`). */
  prefix: string
  identityPoolId: string
  bucket: string
  s3Endpoint: string
  cognitoEndpoint: string
}

export function sandboxConfig(): SandboxConfig {
  const json = process.env.SANDBOX
  if (!json)
    throw new Error('SANDBOX is not set: pass the JSON line of `npm run sandbox -- --json`')
  const { region, prefix, identityPoolId, bucket, s3Endpoint, cognitoEndpoint } = JSON.parse(
    json,
  ) as SandboxConfig
  return { region, prefix, identityPoolId, bucket, s3Endpoint, cognitoEndpoint }
}
