import { ValidateBy, ValidationOptions } from 'class-validator';
import { isCalendarDate, isInstant, isTimeZone } from '@dateline/domain';

/** class-validator decorators backed by the domain's own rules, so both sides agree. */
export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a real calendar date YYYY-MM-DD' } }, options);

export const IsInstant = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isInstant', validator: { validate: isInstant, defaultMessage: () => '$property must be an ISO 8601 instant with an offset, e.g. 2025-05-16T12:00:00Z' } }, options);

export const IsTimeZone = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isTimeZone', validator: { validate: isTimeZone, defaultMessage: () => '$property must be an IANA time zone name such as Europe/Istanbul' } }, options);
