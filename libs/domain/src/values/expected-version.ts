/**
 * A version or revision a client says its change is based on: a whole number that JSON and
 * JavaScript carry exactly. Beyond Number.MAX_SAFE_INTEGER, 2^53 + 1 arrives as 2^53, so a
 * comparison with the stream's version would be a 409 about a number the client never sent:
 * such input is a 400 instead.
 */
export function isExpectedVersion(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** The problem with `value` as the field `name`, or undefined. */
export function expectedVersionProblem(name: string, value: unknown): string | undefined {
  if (isExpectedVersion(value)) return undefined;
  return `${name} must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER} (got ${JSON.stringify(value) ?? String(value)})`;
}
