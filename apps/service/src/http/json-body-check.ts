/** Deeper than this, a body is refused: no Dateline write nests more than a few levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * What is wrong with a parsed JSON body that validation cannot see, or undefined:
 * - nesting deeper than MAX_JSON_DEPTH (class-transformer recurses, and overflowed the stack
 *   at ~2,000 levels: a 500);
 * - text PostgreSQL cannot store in jsonb: NUL (U+0000) and lone UTF-16 surrogates (the append
 *   failed with 22P05/22P02: a 500).
 * The walk is iterative, so a hostile body cannot overflow the stack here either.
 */
export function jsonBodyProblem(body: unknown): string | undefined {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const bad = unstorable(value);
      if (bad) return `${path || 'body'} contains ${bad}, which cannot be stored`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH) return `${path || 'body'} is nested deeper than ${MAX_JSON_DEPTH} levels`;
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      const bad = unstorable(key);
      if (bad) return `a field name in ${path || 'body'} contains ${bad}, which cannot be stored`;
      if (!Array.isArray(value) && isPrototypeMember(key))
        return `${path ? `${path}.${key}` : key} is not a field of this request (remove it)`;
      stack.push({ value: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * Object.prototype's members (`toString`, `constructor`, `__proto__`, ...): class-transformer
 * silently drops a key whose name the DTO instance already has as a function, so validation's
 * forbidNonWhitelisted never sees it and `?toString=x` was accepted. No field or parameter of
 * ours has such a name, so they are refused here, before the pipes.
 */
const PROTOTYPE_MEMBERS = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isPrototypeMember(key: string): boolean {
  return PROTOTYPE_MEMBERS.has(key);
}

/** The first query parameter named like an Object.prototype member, as a 400 message, or undefined. */
export function queryProblem(query: unknown): string | undefined {
  if (query === null || typeof query !== 'object') return undefined;
  const key = Object.keys(query).find(isPrototypeMember);
  return key === undefined ? undefined : `${key} is not a parameter of this request (remove it)`;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What in `text` PostgreSQL cannot store or compare (so no stored text can match it either), or undefined. */
export function unstorable(text: string): string | undefined {
  if (text.includes('\u0000')) return 'a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'a lone UTF-16 surrogate (not valid Unicode)';
  return undefined;
}
