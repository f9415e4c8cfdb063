import { unstorableText } from './storable-text';

/**
 * Checks over a plain input value and everything inside it (objects, arrays), each problem
 * named by its path, e.g. `participants.0.role must not be null`. Inputs come from JSON bodies
 * that the HTTP layer has already limited in depth, so the walk may recurse.
 */

/** Every null in `value`, itself included: where a field is optional, leaving it out says "none". */
export function nullProblems(value: unknown, path: string): string[] {
  if (value === null) return [`${path} must not be null`];
  return children(value, path).flatMap(([child, at]) => nullProblems(child, at));
}

/** Every text in `value` that the stores cannot hold (see unstorableText). */
export function textProblems(value: unknown, path: string): string[] {
  if (typeof value === 'string') {
    const bad = unstorableText(value);
    return bad ? [`${path} contains ${bad}, which cannot be stored`] : [];
  }
  return children(value, path).flatMap(([child, at]) => textProblems(child, at));
}

function children(value: unknown, path: string): [unknown, string][] {
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.map(([key, child]) => [child, path ? `${path}.${key}` : key]);
}
