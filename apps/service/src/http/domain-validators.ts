import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import {
  decimalIntegerProblem,
  IntegerRange,
  isCalendarDate,
  isInstant,
  isLanguageTag,
  isTimeZone,
  parseDecimalInteger,
} from '@dateline/domain';
import { unstorable } from './json-body-check';

/** class-validator decorators backed by the domain's own rules, so both sides agree. */
export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a real calendar date YYYY-MM-DD' },
    },
    options,
  );

export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: isInstant,
        defaultMessage: () => '$property must be an ISO 8601 instant with an offset, e.g. 2025-05-16T12:00:00Z',
      },
    },
    options,
  );

export const IsTimeZone = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isTimeZone',
      validator: { validate: isTimeZone, defaultMessage: () => '$property must be an IANA time zone name such as Europe/Istanbul' },
    },
    options,
  );

export const IsLanguageTag = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isLanguageTag',
      validator: {
        validate: isLanguageTag,
        defaultMessage: () => '$property must be a well-formed BCP 47 language tag such as en, uk or pt-BR',
      },
    },
    options,
  );

/**
 * A whole number in a query string, read strictly (decimal digits only, within `range`): the
 * value becomes a number, and anything else ("1e3", "0x10", "", a repeated parameter) stays as
 * sent and fails validation with a message naming the parameter. `emptyIsAbsent` is for form
 * fields, where an empty value means "not given".
 */
export const IsDecimalInteger = (range: IntegerRange, { emptyIsAbsent = false } = {}) =>
  applyDecorators(
    Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
      const raw = obj[key];
      if (raw === undefined || (emptyIsAbsent && raw === '')) return undefined;
      return parseDecimalInteger(raw, range) ?? raw;
    }),
    ValidateBy({
      name: 'isDecimalInteger',
      validator: {
        validate: (v: unknown) => typeof v === 'number',
        defaultMessage: (a) => decimalIntegerProblem(a?.property ?? 'value', range),
      },
    }),
  );

/** Text a read compares with stored text: a NUL or a lone surrogate can match nothing, and PostgreSQL refuses it (a 500). */
export const IsStorableText = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isStorableText',
      validator: {
        validate: (v: unknown) => typeof v === 'string' && unstorable(v) === undefined,
        defaultMessage: (a) =>
          typeof a?.value === 'string' ? `${a.property} must not contain ${unstorable(a.value)}` : `${a?.property} must be a string`,
      },
    },
    options,
  );
