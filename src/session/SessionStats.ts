/** A session's totals, as `snapshot().stats` reports them. @internal */
export interface SessionStats {
  hits: number
  misses: number
  creates: number
  evictions: number
  disposals: number
}
