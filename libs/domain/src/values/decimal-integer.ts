/**
 * Whole numbers that arrive as text (query strings, path segments): decimal digits only, in a
 * range. `Number()` and `parseInt` read far more ("1e3", "0x10", " 1", "" as 0, "1.0"), and a
 * number past what the storage holds (a revision of 2^31 in an int4 column) failed in the
 * database as a 500; both are the client's mistake, to be named in a 400.
 */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
  /** What such a number is, for messages: "a log position". */
  readonly what: string;
}

/** A position in the global log (the `position` a write answers): JavaScript numbers stay exact up to 2^53 - 1. */
export const LOG_POSITION: IntegerRange = { min: 0, max: Number.MAX_SAFE_INTEGER, what: 'a log position' };

/** A story's revision number: the read models keep it in a 32-bit integer column (revisions start at 1). */
export const REVISION_NUMBER: IntegerRange = { min: 1, max: 2 ** 31 - 1, what: 'a revision number' };

const DIGITS = /^[0-9]+$/;

/** The number `text` spells in decimal digits when it lies in `range`, else undefined. */
export function parseDecimalInteger(text: unknown, range: IntegerRange): number | undefined {
  if (typeof text !== 'string' || !DIGITS.test(text)) return undefined;
  // Leading zeros are harmless; a digit string longer than the max's is out of range anyway.
  const n = Number(text);
  return n >= range.min && n <= range.max ? n : undefined;
}

/** The 400 message for a parameter that is not such a number. */
export function decimalIntegerProblem(name: string, range: IntegerRange): string {
  return `${name} must be ${range.what}: decimal digits only, from ${range.min} to ${range.max}`;
}
