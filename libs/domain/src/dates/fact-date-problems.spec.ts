import { describe, expect, it } from '@jest/globals';
import { factDateProblems } from './fact-date-problems';

const check = (d: unknown) => factDateProblems(d, 'when');

describe('fact dates: what the write side accepts', () => {
  it('given each precision well formed, then no problem', () => {
    expect(
      [
        { precision: 'day', on: '2025-05-16', certainty: 'explicit', wording: 'on May 16' },
        { precision: 'day', on: '2025-05-16', at: '2025-05-16T10:30:00+03:00', timezone: 'Europe/Istanbul', certainty: 'explicit' },
        { precision: 'month', on: '2025-05', certainty: 'inferred' },
        { precision: 'year', on: '2022', certainty: 'explicit' },
        { precision: 'period', from: '2025-05-14', until: '2025-05-16', certainty: 'explicit' },
        { precision: 'bounded', onOrBefore: '2025-05-16', certainty: 'inferred', wording: 'before the negotiations' },
        { precision: 'bounded', onOrAfter: '2025-05-12', certainty: 'inferred' },
        { precision: 'bounded', onOrAfter: '2025-05-01', onOrBefore: '2025-05-16', certainty: 'inferred' },
      ].flatMap(check),
    ).toEqual([]);
  });

  it('given zone edges, then `at` must fall on `on` in the zone, or at its own offset without one', () => {
    const late = { precision: 'day', at: '2025-05-16T20:30:00Z', timezone: 'Europe/Istanbul', certainty: 'explicit' };
    expect(check({ ...late, on: '2025-05-16' })).toEqual([]);
    expect(check({ ...late, on: '2025-05-17' })).toEqual([
      'when.at 2025-05-16T20:30:00Z falls on 2025-05-16 in Europe/Istanbul, not on when.on 2025-05-17',
    ]);
    expect(check({ ...late, at: '2025-05-16T21:30:00Z', on: '2025-05-16' })).toEqual([
      'when.at 2025-05-16T21:30:00Z falls on 2025-05-17 in Europe/Istanbul, not on when.on 2025-05-16',
    ]);
    expect(check({ precision: 'day', on: '2025-05-16', at: '2025-05-16T23:30:00+03:00', certainty: 'explicit' })).toEqual([]);
  });

  it('given dates outside ADR 0007 or not real, then each is named', () => {
    expect(check({ precision: 'day', on: '0999-12-31', certainty: 'explicit' })).toEqual([
      'when.on must be from 1000-01-01 to 9999-12-31 (got "0999-12-31")',
    ]);
    expect(check({ precision: 'month', on: '2025-13', certainty: 'explicit' })).toEqual([
      'when.on must be a month YYYY-MM from 1000-01 to 9999-12 (got "2025-13")',
    ]);
    expect(check({ precision: 'year', on: '999', certainty: 'explicit' })).toEqual([
      'when.on must be a year YYYY from 1000 to 9999 (got "999")',
    ]);
    expect(check({ precision: 'bounded', onOrBefore: '2025-02-29', certainty: 'explicit' })).toEqual([
      'when.onOrBefore must be a real calendar date YYYY-MM-DD (got "2025-02-29")',
    ]);
    expect(check({ precision: 'day', on: '1000-01-01', at: '1000-01-01T05:00:00+14:00', certainty: 'explicit' })[0]).toMatch(
      /when.at must be from 1000-01-01 to 9999-12-31 in UTC/,
    );
  });

  it('given a range that is really one day, backwards, or unbounded, then it says how to write it', () => {
    expect(check({ precision: 'period', from: '2025-05-16', until: '2025-05-16', certainty: 'explicit' })).toEqual([
      'when is a period of one day ("2025-05-16"): use precision day',
    ]);
    expect(check({ precision: 'period', from: '2025-05-16', until: '2025-05-14', certainty: 'explicit' })).toEqual([
      'when.until must not be before when.from',
    ]);
    expect(check({ precision: 'bounded', onOrAfter: '2025-05-16', onOrBefore: '2025-05-16', certainty: 'explicit' })).toEqual([
      'when bounds are the same day ("2025-05-16"): use precision day',
    ]);
    expect(check({ precision: 'bounded', certainty: 'explicit' })).toEqual(['when needs onOrAfter, onOrBefore or both']);
  });

  it('given fields of another precision, an unknown precision or certainty, then each is named', () => {
    expect(check({ precision: 'month', on: '2025-05', at: '2025-05-16T10:30:00Z', certainty: 'sure' })).toEqual([
      'when.at is not allowed with precision month (allowed: precision, certainty, wording, timezone, on)',
      'when.certainty must be one of explicit, inferred',
    ]);
    expect(check({ precision: 'span', on: '2025-05-16' })).toEqual(['when.precision must be one of day, month, year, period, bounded']);
    expect(check('2025-05-16')).toEqual(['when must be an object with a precision']);
  });
});
