// Type of the module the sandbox Vite plugin serves (see vitePlugin.ts and SandboxClientConfig in
// config.ts, which this mirrors).
declare module 'virtual:sandbox-config' {
  const config: {
    mode: 'sandbox' | 'aws'
    region: string
    identityPoolId: string
    bucket: string
    /** Sandbox mode only. */
    s3Endpoint?: string
    /** Sandbox mode only. */
    cognitoEndpoint?: string
    /** The user pool (sandbox: always; AWS: with VITE_USER_POOL_ID and VITE_USER_POOL_CLIENT_ID). */
    userPoolId?: string
    userPoolClientId?: string
    /** Where InitiateAuth goes (sandbox: the Cognito endpoint; AWS: absent, the SDK's default). */
    userPoolEndpoint?: string
    /** Sandbox mode only: the demo users and their demo passwords. */
    demoUsers?: { username: string; password: string }[]
  }
  export default config
}
