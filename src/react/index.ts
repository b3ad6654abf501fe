/**
 * React bindings of aws-client-cache: a session provider and hooks over the public API.
 *
 * @example
 * ```tsx
 * import { S3Client } from '@aws-sdk/client-s3'
 * import { SessionProvider, useClient, useSessionSnapshot } from 'aws-client-cache/react'
 *
 * function Stats() {
 *   const s3 = useClient(S3Client, { region: 'us-east-1' })
 *   const { stats } = useSessionSnapshot()
 *   return <p>{stats.hits} hits</p>
 * }
 * ```
 * @module
 */
export { SessionProvider } from './SessionProvider.js'
export type { SessionProviderProps } from './SessionProvider.js'
export { useSession } from './useSession.js'
export { useClient } from './useClient.js'
export { useResource } from './useResource.js'
export { useSessionSnapshot } from './useSessionSnapshot.js'
export { createSnapshotStore } from './snapshotStore.js'
export type { SnapshotScheduler, SnapshotSource, SnapshotStore } from './snapshotStore.js'
