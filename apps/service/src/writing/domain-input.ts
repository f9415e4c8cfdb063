/**
 * What a validated request DTO is as data: its fields, nested DTOs as plain objects, lists
 * readonly, as the domain's command inputs have them. dto-domain.spec.ts holds each request
 * DTO equal to the domain input it becomes, so a field added on one side only fails the type-check.
 */
export type DomainShape<T> = T extends readonly (infer U)[]
  ? readonly DomainShape<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DomainShape<T[K]> }
    : T;

/**
 * A validated DTO as the domain input it becomes: class instances become plain objects and
 * absent fields disappear (ES2022 class fields would otherwise be present as undefined). Typed,
 * so that the compiler checks the result against the domain type where a controller uses it.
 */
export function toDomainInput<T extends object>(dto: T): DomainShape<T> {
  return plainCopy(dto) as DomainShape<T>;
}

/**
 * What `JSON.parse(JSON.stringify(value))` answers for a validated DTO (text, numbers, booleans,
 * null, lists, objects), copied in one walk instead of printed and parsed again: on the append
 * path the event's data is serialised once more for the log, and the round trip here was a
 * second JSON pass per write. Anything else (a `toJSON`, a number JSON cannot carry) takes the
 * round trip itself, so the result never differs from it.
 */
function plainCopy(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  // -0 is printed as 0.
  if (typeof value === 'number' && Number.isFinite(value)) return value === 0 ? 0 : value;
  if (typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
  }
  if (Array.isArray(value)) return value.map((item) => (absentInJson(item) ? null : plainCopy(item)));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (!absentInJson(item)) copy[key] = plainCopy(item);
  }
  return copy;
}

/** What JSON.stringify leaves out of an object (and writes as null in a list). */
function absentInJson(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
