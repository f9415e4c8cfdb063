export function percentiles(samples: number[]): { count: number; p50: number; p90: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => +s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(2);
  return { count: s.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: +s[s.length - 1].toFixed(2) };
}
