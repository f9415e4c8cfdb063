/**
 * A validated DTO as the plain object the domain takes: class instances become plain objects
 * and absent fields disappear (ES2022 class fields would otherwise be present as undefined).
 */
export function plain<T>(dto: unknown): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
