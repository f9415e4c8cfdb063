/**
 * What is wrong with a text that PostgreSQL cannot store in jsonb, or undefined: NUL (U+0000)
 * and lone UTF-16 surrogates (the append failed with 22P05/22P02). The HTTP layer refuses them
 * in any request body before validation; the domain refuses them in every text it keeps, so that
 * no other way in (the CLI, a test, a future API) can write an event the stores cannot hold.
 */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'a NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'a lone UTF-16 surrogate (not valid Unicode)';
  return undefined;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
