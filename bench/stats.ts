/** Median and p95 of a set of timings (ms), nearest-rank. */
export type Summary = { n: number; median: number; p95: number; min: number; max: number };

export function summarize(samples: number[]): Summary {
  if (samples.length === 0) return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
