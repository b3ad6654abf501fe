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
  }
  export default config
}
