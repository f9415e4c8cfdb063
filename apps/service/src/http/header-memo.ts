/**
 * A decision taken from one request header's value, remembered per value: readers send a handful
 * of distinct Accept and Accept-Encoding headers, and parsing one again on every request cost a
 * few percent of a cached read (docs/benchmarks.md). Bounded (cleared when full), so that odd
 * headers cannot grow it.
 */
export function memoByHeader<T>(decide: (header: string) => T, max = 256): (header: string) => T {
  const decided = new Map<string, T>();
  return (header) => {
    if (decided.has(header)) return decided.get(header) as T;
    const value = decide(header);
    if (decided.size >= max) decided.clear();
    decided.set(header, value);
    return value;
  };
}
