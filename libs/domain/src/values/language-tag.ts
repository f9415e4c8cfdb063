/**
 * A BCP 47 language tag (`en`, `uk`, `pt-BR`, `zh-Hant-TW`): the language a fact or story is
 * written in, and the language a reader page is shown in. Well-formedness is the runtime's own
 * test (`Intl.getCanonicalLocales`, ECMA-402), so the write side accepts exactly what every
 * reader, `lang` attribute and `Intl` formatter downstream can take; our own grammar would
 * drift from it.
 */
export type LanguageTag = string;

/** The canonical form (`EN-gb` → `en-GB`, `ukr` → `uk`), or undefined when the text is not a well-formed tag. */
export function canonicalLanguageTag(value: unknown): LanguageTag | undefined {
  // Length guard: real tags are short, and the canonicaliser should not be handed a megabyte.
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    // RangeError: not a well-formed tag, which is the answer.
    return undefined;
  }
}

export function isLanguageTag(value: unknown): value is LanguageTag {
  return canonicalLanguageTag(value) !== undefined;
}

/** Whether two tags name the same language as far as a `lang` attribute goes (compared canonical, ignoring case). */
export function sameLanguage(a: LanguageTag, b: LanguageTag): boolean {
  const [x, y] = [canonicalLanguageTag(a), canonicalLanguageTag(b)];
  return x !== undefined && y !== undefined && x.toLowerCase() === y.toLowerCase();
}

/** The problem with a language field, in the write API's words; undefined when it is well formed. */
export function languageTagProblem(field: string, value: unknown): string | undefined {
  return isLanguageTag(value)
    ? undefined
    : `${field} must be a well-formed BCP 47 language tag such as en, uk or pt-BR (got ${JSON.stringify(value)})`;
}
