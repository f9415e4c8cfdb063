/**
 * The database objects the read models' search indexes are built with (docs/search.md,
 * docs/adr/0017-search-in-the-read-models.md): two contrib extensions and two text search
 * configurations of our own. Created before any read-model table, idempotently, by whoever sets
 * up the schema; on PostgreSQL the service's user needs the right to create the extensions
 * (both are trusted extensions: the database's owner, or a user with CREATE on it, may), or an
 * operator creates them once beforehand.
 */

/**
 * Words of prose: English stems and stop words ("talks" finds "talk", "in" is no term), after
 * `unaccent` has folded accents and special letters ("Kraków" and "Krakow", "Łukasz" and
 * "Lukasz" are one word). Used by the search vectors and every search query, so both sides fold alike.
 */
export const SEARCH_CONFIG = 'dateline_search';

/**
 * Names as they are written, folded only: lower case and without accents, no stemming and no
 * stop words. What trigram likeness compares ("Zelenskyy" is like "Zelensky").
 */
export const NAMES_CONFIG = 'dateline_names';

/** Extensions the search needs: `unaccent` (a text search dictionary) and `pg_trgm` (trigram likeness and its GIN operator class). */
export const SEARCH_EXTENSIONS = ['unaccent', 'pg_trgm'] as const;

/** A configuration made once, from a built-in one, with unaccent before its word dictionary. */
function configuration(name: string, copy: string, dictionary: string): string {
  // CREATE TEXT SEARCH CONFIGURATION has no IF NOT EXISTS; the schema lock serialises concurrent starts.
  return `DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '${name}' AND cfgnamespace = current_schema()::regnamespace) THEN
    CREATE TEXT SEARCH CONFIGURATION ${name} (COPY = ${copy});
    ALTER TEXT SEARCH CONFIGURATION ${name} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${dictionary};
  END IF;
END $$`;
}

/** The statements, in order: run inside the schema transaction, before any table is created. */
export const TEXT_SEARCH_STATEMENTS: readonly string[] = [
  ...SEARCH_EXTENSIONS.map((e) => `CREATE EXTENSION IF NOT EXISTS ${e}`),
  configuration(SEARCH_CONFIG, 'english', 'english_stem'),
  configuration(NAMES_CONFIG, 'simple', 'simple'),
];

/** The error a start ends with when the extensions cannot be created: what the operator does about it. */
export function textSearchSetupError(cause: unknown): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `the read models' search needs the PostgreSQL extensions ${SEARCH_EXTENSIONS.join(' and ')} (${message}). ` +
      `Install the server's contrib package if it lacks them, and create them once as a user allowed to: ` +
      `${SEARCH_EXTENSIONS.map((e) => `CREATE EXTENSION IF NOT EXISTS ${e};`).join(' ')} (docs/search.md)`,
    { cause },
  );
}

/**
 * The two markers ts_headline puts around a matched word: private-use characters, removed from
 * the text first, so that no text can forge one.
 */
export const MATCH_START = '\uE000';
export const MATCH_END = '\uE001';
