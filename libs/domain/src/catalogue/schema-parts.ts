import Type, { type TNull, type TProperties, type TSchema, type TUnion } from 'typebox';

/**
 * The building blocks of the event data schemas (docs/adr/0011-event-catalogue.md). Each schema
 * is plain JSON Schema (draft 2020-12) and, through TypeBox's `Static`, the TypeScript type of
 * the same data: the shape is written once, here and in the events files.
 */

/** A closed object: the properties given and no others, each readonly in TypeScript. */
export const closedObject = <P extends TProperties>(properties: P) =>
  Type.ReadonlyObject(Type.Object(properties), { additionalProperties: false });

/** An array that is `readonly T[]` in TypeScript. */
export const readonlyArray = <S extends TSchema>(items: S) => Type.ReadonlyObject(Type.Array(items));

/** One of a closed list of strings: `{ type: 'string', enum }` in JSON Schema, their union in TypeScript. */
export const oneOf = <const V extends readonly string[]>(values: V) => Type.Unsafe<V[number]>({ type: 'string', enum: [...values] });

/** Every property of `properties` may also be `null` (an amendment's "remove this field"). */
export const nullableEach = <P extends TProperties>(properties: P) =>
  Object.fromEntries(Object.entries(properties).map(([key, schema]) => [key, Type.Union([schema, Type.Null()])])) as {
    [K in keyof P]: TUnion<[P[K], TNull]>;
  };

export const text = (options: { minLength?: number; pattern?: string } = {}) => Type.String(options);
export const nonEmptyText = () => text({ minLength: 1 });
export const uuid = () => Type.String({ format: 'uuid' });
export const calendarDate = () => Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
export const instant = () => Type.String({ format: 'date-time' });
export const countryCode = () => text({ pattern: '^[A-Z]{2}$' });
/** A stream version after the first event: amendments and retractions are version 2 or later. */
export const laterVersion = () => Type.Integer({ minimum: 2 });
