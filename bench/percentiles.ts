/** Latency statistics: nearest-rank percentiles over measured samples, and a timer. */

/** The p-th percentile (0-100) by the nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function maximum(samples: readonly number[]): number {
  return samples.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
}

/** Milliseconds taken by `fn` (high-resolution clock). */
export function timeMs(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/**
 * Runs `fn` over the warm-up inputs unmeasured (so the JIT has compiled the hot paths, as in a
 * long-running bot), then times one call per input; returns the per-call times in ms.
 */
export function latencies<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup: readonly T[] = []): number[] {
  for (const input of warmup) fn(input);
  // Collect what earlier sections left (a released 200k library) before timing, not during it.
  (globalThis as { gc?: () => void }).gc?.();
  return inputs.map((input) => timeMs(() => fn(input)));
}

/** Rounds for display and the JSON line: 3 significant decimals for small figures. */
export function round(value: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}
