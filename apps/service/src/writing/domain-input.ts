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
  return JSON.parse(JSON.stringify(dto)) as DomainShape<T>;
}
