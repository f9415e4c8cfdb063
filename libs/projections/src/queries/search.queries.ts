import { Inject, Injectable } from '@nestjs/common';
import { SearchTerms } from '@dateline/domain';
import { SQL_CLIENT } from '@dateline/event-store';
import type { SqlQueryable } from '@dateline/event-store';
import { STORY_REVISIONS, STORY_REVISIONS_READ_MODEL } from '../read-models/story-revisions/story-revisions.table';
import { FACT_NAMES, TIMELINE_ENTRIES, TIMELINE_READ_MODEL } from '../read-models/timeline-entries/timeline-entries.table';
import { namedQuery } from '../tables/named-statements';
import { MATCH_END, MATCH_START, SEARCH_CONFIG } from '../tables/text-search';

/** Where a result sits in ranking order: its score, then its key (`fact:<id>`, `story:<id>`). A page's cursor points after one. */
export interface SearchKey {
  readonly score: number;
  readonly key: string;
}

/** Which part of the results a search answers: as the read models were at position `at`, after `after`, `limit` of them. */
export interface SearchWindow {
  readonly at: number;
  readonly after?: SearchKey;
  readonly limit: number;
}

/** The fields a result can match in: a fact's, then a story's. */
export type SearchField = 'title' | 'participants' | 'place' | 'summary' | 'quotes' | 'headline' | 'editorsNote' | 'body';

/** A piece of a field's text; `matched` where it is a word the search matched. */
export interface MatchPart {
  readonly text: string;
  readonly matched?: true;
}

/**
 * Why a result matched: a field and its text (whole, or the passages around the matches), the
 * matched words marked. `words`: the search's words (their forms: "talks" for "talk"); `similar`:
 * a name like the search text (trigram likeness: "Zelenskyy" for "Zelensky").
 */
export interface SearchMatch {
  readonly field: SearchField;
  readonly how: 'words' | 'similar';
  readonly parts: readonly MatchPart[];
}

interface HitBase {
  readonly key: SearchKey;
  /** How well it matched (ts_rank, plus a name's likeness): higher first. */
  readonly score: number;
  readonly matches: readonly SearchMatch[];
  /** The stories it belongs to, lowercased (an answer's Surrogate-Key names them). */
  readonly storyIds: readonly string[];
}

/** A fact's current version: its timeline entry's JSON as stored, sent as it is. */
export interface FactHit extends HitBase {
  readonly type: 'fact';
  readonly id: string;
  readonly entry: string;
}

/** A story, as of its latest revision. */
export interface StoryHit extends HitBase {
  readonly type: 'story';
  readonly id: string;
  readonly slug: string;
  readonly headline: string;
  readonly revision: number;
  readonly publishedAt: string;
}

export type SearchHit = FactHit | StoryHit;

export interface SearchPage {
  readonly hits: readonly SearchHit[];
  /** The last hit's key, when more follow. */
  readonly next?: SearchKey;
}

/** Scores are integers, so that a cursor's key compares exactly in SQL: ts_rank's real, scaled. */
const SCORE_SCALE = 1_000_000;
/** What a name's likeness adds to a score, against a title word's ~0.6: a name alike but not the same ranks below the same word. */
const LIKENESS_WEIGHT = 0.1;
/** ts_rank's normalisation 1: divided by 1 + log(the document's length), so that a long text does not win by length alone. */
const RANK_NORMALISATION = 1;

/** Headline options: whole short fields; up to two passages of long ones. The markers are private-use characters (text-search.ts). */
const MARKERS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}`;
const WHOLE = `${MARKERS}, HighlightAll=true`;
const PASSAGES = `${MARKERS}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;

const T = TIMELINE_ENTRIES.name;
const S = STORY_REVISIONS.name;

/** The text without the two marker characters, so that no text can forge a mark. */
const clean = (expr: string) => `replace(replace(${expr}, chr(${MATCH_START.charCodeAt(0)}), ''), chr(${MATCH_END.charCodeAt(0)}), '')`;

/** The field's text with the words of `$3` (any word of the search) marked, or NULL. */
const headline = (expr: string, options: string) =>
  `ts_headline('${SEARCH_CONFIG}', ${clean(expr)}, to_tsquery('${SEARCH_CONFIG}', $3), '${options}')`;

/** Why each fact matched, as a jsonb object of marked texts by field (fields without a marked word are left out afterwards). */
const FACT_WHY = `jsonb_build_object(
  'title', ${headline(`fields->>'title'`, WHOLE)},
  'participants', ${headline(`(SELECT string_agg(p->>'name', ', ') FROM jsonb_array_elements(fields->'participants') p)`, WHOLE)},
  'place', ${headline(`fields#>>'{location,name}'`, WHOLE)},
  'summary', ${headline(`fields->>'summary'`, PASSAGES)},
  'quotes', ${headline(`(SELECT string_agg(x->>'text' || ' (' || (x->>'speaker') || ')', ' … ') FROM jsonb_array_elements(fields->'quotes') x)`, PASSAGES)})`;

const STORY_WHY = `jsonb_build_object(
  'headline', ${headline('headline', WHOLE)},
  'editorsNote', ${headline('editors_note', PASSAGES)},
  'body', ${headline('body', PASSAGES)})`;

interface HitRow {
  type: 'fact' | 'story';
  id: string;
  k: string;
  score: string | number;
  entry: string | null;
  story_ids: string[];
  slug: string | null;
  headline: string | null;
  revision: number | null;
  published_at: Date | string | null;
  why: Record<string, string | null>;
  similar: string[] | null;
  fields: { participants?: { name: string }[]; location?: { name: string }; quotes?: { speaker: string }[] } | null;
}

/**
 * Full-text search over the facts' current versions and the stories' latest revisions, on the
 * read models' own tables, through their generated search columns and GIN indexes
 * (docs/search.md, docs/adr/0017-search-in-the-read-models.md): every word in any field (the
 * last also as a word's beginning), or, for one word long enough, a name like it. Ranked, and
 * read at a log position, so that pages read while writes go on never skip or repeat a result.
 */
@Injectable()
export class SearchQueries {
  readonly readModels = [TIMELINE_READ_MODEL, STORY_REVISIONS_READ_MODEL];

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlQueryable) {}

  async search(terms: SearchTerms, w: SearchWindow): Promise<SearchPage> {
    // $1 the position, $2 every word, $3 any word, $4 the name text (when long enough).
    const params: unknown[] = [w.at, terms.allWords, terms.anyWord];
    const every = `to_tsquery('${SEARCH_CONFIG}', $2)`;
    const byName = terms.nameText !== undefined;
    if (byName) params.push(terms.nameText);
    const name = 'lower(unaccent($4))';
    // The generated columns search_vector and search_names (the tables' declarations), on their GIN indexes.
    const likeness = byName
      ? ` + ${LIKENESS_WEIGHT} * (CASE WHEN ${name} <% search_names THEN word_similarity(${name}, search_names) ELSE 0 END)`
      : '';
    const score = (extra: string) => `round(${SCORE_SCALE} * (ts_rank(search_vector, ${every}, ${RANK_NORMALISATION})${extra}))::bigint`;
    // A fact's version valid at the position (retracted facts are closed: not found); a story's
    // latest revision then. Ranked by their keys and scores alone: the rows' texts are read for
    // the page's results only, not for every match the ranking sorts.
    const facts = `SELECT 'fact' AS type, entry_id AS id, version AS v, 'fact:' || event_id AS k, ${score(likeness)} AS score
      FROM ${T}
     WHERE role = 'fact' AND position <= $1 AND (position_to IS NULL OR position_to > $1)
       AND (search_vector @@ ${every}${byName ? ` OR ${name} <% search_names` : ''})`;
    const stories = `SELECT 'story', story_id::text, revision, 'story:' || story_id, ${score('')}
      FROM ${S} s
     WHERE position <= $1 AND search_vector @@ ${every}
       AND NOT EXISTS (SELECT 1 FROM ${S} n WHERE n.story_id = s.story_id AND n.revision > s.revision AND n.position <= $1)`;
    const after = w.after
      ? `WHERE h.score < $${params.push(w.after.score)}::bigint OR (h.score = $${params.length}::bigint AND h.k > $${params.push(w.after.key)})`
      : '';
    const limit = `$${params.push(w.limit + 1)}::int`;
    const similar = byName
      ? `CASE WHEN page.type = 'fact' THEN (SELECT jsonb_agg(n) FROM jsonb_array_elements_text(${FACT_NAMES}) n WHERE ${name} <% lower(unaccent(n))) END`
      : 'NULL::jsonb';
    const { rows } = await namedQuery<HitRow>(
      this.sql,
      `WITH page AS (
         SELECT * FROM (${facts} UNION ALL ${stories}) h ${after} ORDER BY h.score DESC, h.k LIMIT ${limit}
       )
       SELECT page.type, page.id, page.k, page.score, t.entry, coalesce(t.story_ids, jsonb_build_array(lower(s.story_id::text))) AS story_ids,
              s.slug, s.headline, s.revision, s.published_at,
              CASE WHEN page.type = 'fact' THEN ${FACT_WHY} ELSE ${STORY_WHY} END AS why,
              ${similar} AS similar, t.fields
         FROM page
         LEFT JOIN ${T} t ON page.type = 'fact' AND t.entry_id = page.id AND t.version = page.v
         LEFT JOIN ${S} s ON page.type = 'story' AND s.story_id = page.id::uuid AND s.revision = page.v
        ORDER BY page.score DESC, page.k`,
      params,
    );
    const hits = rows.slice(0, w.limit).map(toHit);
    return { hits, ...(rows.length > w.limit ? { next: hits[hits.length - 1].key } : {}) };
  }
}

function toHit(r: HitRow): SearchHit {
  const key = { score: Number(r.score), key: r.k };
  const score = key.score / SCORE_SCALE;
  const matches = [...wordMatches(r.why), ...similarMatches(r)];
  if (r.type === 'fact') return { type: 'fact', id: r.id, key, score, matches, storyIds: r.story_ids, entry: r.entry! };
  return {
    type: 'story',
    id: r.id,
    key,
    score,
    matches,
    storyIds: r.story_ids,
    slug: r.slug!,
    headline: r.headline!,
    revision: r.revision!,
    publishedAt: new Date(r.published_at!).toISOString(),
  };
}

/** The fields with a marked word, in the order the SQL lists them, their texts cut into parts. */
function wordMatches(why: Record<string, string | null>): SearchMatch[] {
  const order: SearchField[] = ['title', 'headline', 'participants', 'place', 'summary', 'editorsNote', 'quotes', 'body'];
  return order.flatMap((field) => {
    const text = why[field];
    return text && text.includes(MATCH_START) ? [{ field, how: 'words' as const, parts: markedParts(text) }] : [];
  });
}

/** The names like the search text, by the field they are in, unless that field matched by words already. */
function similarMatches(r: HitRow): SearchMatch[] {
  if (!r.similar || r.similar.length === 0 || !r.fields) return [];
  const like = new Set(r.similar);
  const byField: [SearchField, string[]][] = [
    ['participants', (r.fields.participants ?? []).map((p) => p.name)],
    ['place', r.fields.location ? [r.fields.location.name] : []],
    ['quotes', (r.fields.quotes ?? []).map((q) => q.speaker)],
  ];
  const matchedByWords = new Set(Object.entries(r.why).flatMap(([f, t]) => (t?.includes(MATCH_START) ? [f] : [])));
  return byField.flatMap(([field, names]) => {
    const found = [...new Set(names.filter((n) => like.has(n)))];
    if (found.length === 0 || matchedByWords.has(field)) return [];
    const parts: MatchPart[] = found.flatMap((n, i) => [...(i > 0 ? [{ text: ', ' }] : []), { text: n, matched: true as const }]);
    return [{ field, how: 'similar' as const, parts }];
  });
}

/** A headline's text cut at its markers: the marked words flagged, the rest as it is. */
export function markedParts(text: string): MatchPart[] {
  const parts: MatchPart[] = [];
  let rest = text;
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start < 0) {
      parts.push({ text: rest });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start) });
    const end = rest.indexOf(MATCH_END, start + 1);
    const word = rest.slice(start + 1, end < 0 ? undefined : end);
    if (word.length > 0) parts.push({ text: word, matched: true });
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return parts;
}
