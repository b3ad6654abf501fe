/** Small statistics and logging helpers shared by the bench sections. */

/** The median of a non-empty list (the mean of the two middle values for an even length). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median() of an empty list')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Progress goes to stderr, so `--json` keeps stdout to one JSON object. */
export function log(message: string): void {
  process.stderr.write(`${message}\n`)
}

/** Rounds a figure to `digits` decimals (JSON stays readable). */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** A tiny deterministic PRNG (LCG), so every run replays the same key trace. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** `count` Zipf-distributed indices in `[0, n)` with exponent `s` (rank 0 most popular). */
export function zipfTrace(n: number, s: number, count: number, seed: number): Uint16Array {
  const cumulative = new Float64Array(n)
  let total = 0
  for (let rank = 0; rank < n; rank++) cumulative[rank] = total += 1 / (rank + 1) ** s
  const random = lcg(seed)
  const trace = new Uint16Array(count)
  for (let i = 0; i < count; i++) {
    const target = random() * total
    let lo = 0
    let hi = n - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] as number) < target) lo = mid + 1
      else hi = mid
    }
    trace[i] = lo
  }
  // Popular ranks would otherwise be the first keys built; shuffle which key has which rank.
  const permutation = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[permutation[i], permutation[j]] = [permutation[j] as number, permutation[i] as number]
  }
  for (let i = 0; i < count; i++) trace[i] = permutation[trace[i] as number] as number
  return trace
}
