import { ValidationError } from 'class-validator';

/**
 * Constraints that say what type a field must have. When one fails, the field's other
 * constraints (length, emptiness, …) only repeat that it is of the wrong type: they are left out.
 */
const TYPE_CONSTRAINTS = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'isEnum',
  'isIn',
  'nestedValidation',
]);

/**
 * What a 400 says about a body: every problem at once, unknown fields included, each naming its
 * field by its path (e.g. "when.precision"). A missing required field is "<field> is required",
 * not the list of every rule an absent value breaks; a present but bad one gets its real problems.
 */
export function validationMessages(errors: readonly ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const constraints = e.constraints ?? {};
    const names = Object.keys(constraints);
    let own: string[];
    if ('whitelistValidation' in constraints) {
      own = [V1_FIELDS.has(path) ? v1FieldMessage(path) : `${path} is not a field of this request (remove it)`];
    } else if (names.length > 0 && isMissing(e)) {
      own = [`${path} is required`];
    } else {
      const typeNames = names.filter((n) => TYPE_CONSTRAINTS.has(n));
      own = (typeNames.length > 0 ? typeNames : names).map((n) => (parent ? `${parent}.${constraints[n]}` : constraints[n]));
    }
    return [...own, ...validationMessages(e.children ?? [], path)];
  });
}

/**
 * The date fields of schema version 1 of a diplomatic event (and their place inside an
 * amendment's changes): a client still sending them is told where their meaning went
 * (docs/adr/0014-diplomatic-events-v2.md), not only that they are unknown.
 */
const V1_DATE_FIELDS = ['occurredOn', 'occurredUntil', 'occurredAt', 'timezone', 'datePrecision', 'dateCertainty', 'dateText'];
const V1_FIELDS = new Set([...V1_DATE_FIELDS, ...V1_DATE_FIELDS.map((f) => `changes.${f}`)]);
const v1FieldMessage = (path: string): string =>
  `${path} is a field of diplomatic events v1: send when (a FactDate: precision day, month, year, period or bounded, with certainty, wording, timezone) instead`;

/** Absent from its object (JSON has no undefined: a field sent as null is present). */
function isMissing(e: ValidationError): boolean {
  const target = e.target as Record<string, unknown> | undefined;
  return (
    e.value === undefined &&
    (target === undefined ||
      typeof target !== 'object' ||
      !Object.prototype.hasOwnProperty.call(target, e.property) ||
      target[e.property] === undefined)
  );
}
