import { quotedMask } from './quoted';
import { Token, TokenRange } from './token';
import { couldBePast, isFiniteVerb, isModal, isVerbish } from './verbish';

/**
 * How a clause hangs on the sentence:
 * - `main`: the sentence's first clause;
 * - `and`, `but`, `although`, `semicolon`: a clause of its own, coordinated ("Zelensky accepted
 *   and asked Putin…"; "…; Putin said…"; "…, although Rubio said…");
 * - `rebuttal`: ", a charge Lorvan rejects": the answer of the one accused, a clause of its own;
 * - `who`: a relative clause about the name before it ("Umerov, who earlier in the day met…");
 * - `before`, `after`, `until`, `if`, `by`: a subordinate clause with its own verb ("before it
 *   landed in Dubai", "by asking to see…", "if the shelling continued").
 */
export type ClauseLink =
  'main' | 'and' | 'but' | 'although' | 'semicolon' | 'rebuttal' | 'who' | 'before' | 'after' | 'until' | 'if' | 'by';

export interface Clause extends TokenRange {
  readonly link: ClauseLink;
  /** Its subject's tokens; for a coordinated clause without one, its neighbour's ("Zelensky accepted and asked…"). */
  readonly subject?: TokenRange;
  /** Index of its verb (the first finite one outside quotations and asides). */
  readonly verb?: number;
  /** For `who` and subordinate clauses: the clause they depend on, by index in the list. */
  readonly parent?: number;
  /** A modal (would, could, might…) governs the clause or its parent: what it names has not happened. */
  readonly modal: boolean;
}

const SUBORDINATORS = new Set(['before', 'after', 'until', 'if', 'by']);
const CONTRASTS = new Set(['although', 'though', 'while', 'whereas']);
const CHARGES = new Set(['charge', 'claim', 'accusation', 'allegation', 'assertion', 'version']);

/**
 * The clauses of one sentence, by our own shallow rules over wink-nlp's tags: enough to give
 * each event in a sentence its own subject and verb, which is what a candidate needs. Quotations
 * are left whole inside the clause that introduces them.
 */
export function clausesOf(tokens: readonly Token[], sentence: TokenRange): Clause[] {
  const quoted = quotedMask(tokens, sentence);
  const end = tokens[sentence.to - 1]?.pos === 'PUNCT' && !quoted[sentence.to - 1] ? sentence.to - 1 : sentence.to;
  let modalSoFar = false;
  const cuts: { at: number; skip: number; link: ClauseLink }[] = [];
  const relatives: { from: number; to: number }[] = [];
  let hasVerb = false;
  for (let i = sentence.from; i < end; i++) {
    if (quoted[i]) continue;
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.text === ';') {
      cuts.push({ at: i, skip: 1, link: 'semicolon' });
      hasVerb = false;
      continue;
    }
    if (t.text === ',' && next && (next.lower === 'who' || next.lower === 'which') && i > sentence.from) {
      const close = nextComma(tokens, quoted, i + 2, end);
      relatives.push({ from: i, to: close });
      i = close - 1;
      continue;
    }
    if (
      t.text === ',' &&
      (next?.lower === 'a' || next?.lower === 'an') &&
      CHARGES.has(tokens[i + 2]?.lower ?? '') &&
      verbAhead(tokens, quoted, i + 3, end) !== undefined
    ) {
      cuts.push({ at: i, skip: 1, link: 'rebuttal' });
      hasVerb = false;
      continue;
    }
    if (t.text === ',' && next && CONTRASTS.has(next.lower)) {
      cuts.push({ at: i, skip: 2, link: 'although' });
      hasVerb = false;
      continue;
    }
    if (t.lower === 'but' && hasVerb && verbAhead(tokens, quoted, i + 1, end) !== undefined) {
      const at = tokens[i - 1]?.text === ',' ? i - 1 : i;
      cuts.push({ at, skip: i - at + 1, link: 'but' });
      hasVerb = false;
      continue;
    }
    if (isModal(t)) modalSoFar = true;
    // "would open it … and then withdraw": a bare verb after "and" stays under the modal, in the same clause.
    const ahead = t.lower === 'and' && hasVerb ? verbAhead(tokens, quoted, i + 1, end) : undefined;
    if (ahead !== undefined && (!modalSoFar || couldBePast(tokens[ahead]))) {
      const at = tokens[i - 1]?.text === ',' ? i - 1 : i;
      cuts.push({ at, skip: i - at + 1, link: 'and' });
      hasVerb = false;
      modalSoFar = false;
      continue;
    }
    const subordinate = SUBORDINATORS.has(t.lower) && hasVerb ? subordinateVerb(tokens, quoted, i, end) : undefined;
    if (subordinate !== undefined) {
      cuts.push({ at: i, skip: 1, link: t.lower as ClauseLink });
      // Its own words ("before he and Putin met") are not cut again.
      i = subordinate;
      continue;
    }
    if (isFiniteVerb(tokens, i)) hasVerb = true;
  }

  // Cut the sentence at each boundary; a subordinate clause runs to the next comma or boundary.
  const raw: { from: number; to: number; link: ClauseLink }[] = [];
  let from = sentence.from;
  let link: ClauseLink = 'main';
  for (const cut of cuts) {
    raw.push({ from, to: cut.at, link });
    from = cut.at + cut.skip;
    link = cut.link;
  }
  raw.push({ from, to: end, link });

  const out: Clause[] = [];
  const modalOf: boolean[] = [];
  raw.forEach((r) => {
    const own = r.link === 'before' || r.link === 'after' || r.link === 'until' || r.link === 'if' || r.link === 'by';
    const to = own ? Math.min(r.to, nextComma(tokens, quoted, r.from, r.to)) : r.to;
    const parentIndex = own ? lastIndexWhere(out, (c) => !isSubordinate(c.link)) : undefined;
    const holes = relatives.filter((h) => h.from >= r.from && h.to <= to);
    const verb = firstVerb(tokens, quoted, r.from, to, holes);
    const subject = subjectOf(tokens, quoted, r.from, verb, holes, r.link) ?? inherited(out, r.link);
    // "little would move before he and Putin met": the modal just before the subordinator governs it too.
    const modal =
      hasModal(tokens, r.from, verb) ||
      (parentIndex !== undefined && modalOf[parentIndex]) ||
      (own && hasModal(tokens, Math.max(sentence.from, r.from - 5), r.from - 1));
    modalOf.push(modal);
    out.push({ from: r.from, to, link: r.link, subject, verb, modal, ...(parentIndex !== undefined ? { parent: parentIndex } : {}) });
    // What follows a subordinate clause's comma belongs to the clause it hangs on (", killing four civilians").
  });
  for (const h of relatives) {
    const parent = out.findIndex((c) => c.from <= h.from && h.to <= c.to);
    const from = h.from + 2;
    const verb = firstVerb(tokens, quoted, from, h.to, []);
    const antecedent = nameBefore(tokens, h.from);
    out.push({
      from,
      to: h.to,
      link: 'who',
      verb,
      modal: false,
      ...(antecedent ? { subject: antecedent } : {}),
      ...(parent >= 0 ? { parent } : {}),
    });
  }
  return out;
}

function isSubordinate(link: ClauseLink): boolean {
  return SUBORDINATORS.has(link);
}

function lastIndexWhere<T>(list: readonly T[], test: (t: T) => boolean): number | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return undefined;
}

function nextComma(tokens: readonly Token[], quoted: readonly boolean[], from: number, end: number): number {
  for (let i = from; i < end; i++) if (!quoted[i] && (tokens[i].text === ',' || tokens[i].text === ';')) return i;
  return end;
}

/** A finite verb within a few words, before any comma: "and asked…", "and Okafor plans to…". Its index. */
function verbAhead(tokens: readonly Token[], quoted: readonly boolean[], from: number, end: number): number | undefined {
  for (let i = from; i < Math.min(end, from + 6); i++) {
    if (quoted[i] || tokens[i].text === ',') return undefined;
    if (isFiniteVerb(tokens, i)) return i;
    if (tokens[i].pos === 'ADP' || tokens[i].pos === 'NUM') return undefined;
  }
  return undefined;
}

/** "before it landed", "by asking": the verb of a subordinate clause that starts at `at`, if it has one. */
function subordinateVerb(tokens: readonly Token[], quoted: readonly boolean[], at: number, end: number): number | undefined {
  const stop = Math.min(nextComma(tokens, quoted, at + 1, end), at + 7);
  for (let i = at + 1; i < stop; i++) {
    if (tokens[at].lower === 'by') return tokens[i].pos === 'VERB' && tokens[i].lower.endsWith('ing') && i === at + 1 ? i : undefined;
    if (isFiniteVerb(tokens, i)) return i;
  }
  return undefined;
}

function firstVerb(
  tokens: readonly Token[],
  quoted: readonly boolean[],
  from: number,
  to: number,
  holes: readonly { from: number; to: number }[],
): number | undefined {
  let depth = 0;
  // A `by` clause starts at its verb ("asking").
  if (isVerbish(tokens, from) && tokens[from].lower.endsWith('ing') && tokens[from - 1]?.lower === 'by') return from;
  // Not in an opening adverbial ("Earlier on Monday, …"), whose comma is no aside.
  const opening = openingPhraseEnd(tokens, quoted, from, to);
  for (let i = opening; i < to; i++) {
    if (quoted[i] || holes.some((h) => i >= h.from && i < h.to)) continue;
    // An aside between commas after a name ("Michael Anton, a senior … official, reportedly held") has no verb of the clause.
    if (tokens[i].text === ',' && tokens[i + 1]?.pos === 'DET' && depth === 0) depth = 1;
    else if (tokens[i].text === ',' && depth === 1) depth = 0;
    if (depth === 0 && isFiniteVerb(tokens, i)) return i;
  }
  return undefined;
}

/** Adverbials a sentence may open with, up to their comma ("Earlier on Friday,", "According to Sky News,"). */
function openingPhraseEnd(tokens: readonly Token[], quoted: readonly boolean[], from: number, verb: number): number {
  const first = tokens[from];
  if (!first || (!['ADV', 'ADP', 'SCONJ'].includes(first.pos) && first.lower !== 'according')) return from;
  for (let i = from; i < verb; i++) if (!quoted[i] && tokens[i].text === ',') return i + 1;
  return from;
}

/**
 * The subject: what stands before the verb, without an opening adverbial, an aside between
 * commas, auxiliaries and adverbs ("Michael Anton, a senior State Department official,
 * reportedly held" → "Michael Anton"). A clause whose verb opens it has none of its own.
 */
function subjectOf(
  tokens: readonly Token[],
  quoted: readonly boolean[],
  from: number,
  verb: number | undefined,
  holes: readonly { from: number; to: number }[],
  link: ClauseLink,
): TokenRange | undefined {
  if (verb === undefined || link === 'by') return undefined;
  let start = isSubordinate(link) ? from : openingPhraseEnd(tokens, quoted, from, verb);
  // A quotation before its speaker ("\"…,\" Okafor said") is not the subject.
  while (start < verb && (quoted[start] || tokens[start].text === ',')) start++;
  let stop = verb;
  while (stop > start && ['AUX', 'ADV', 'PART', 'ADP'].includes(tokens[stop - 1].pos) && tokens[stop - 1].text !== "'s") stop--;
  for (let i = start; i < stop; i++)
    if (tokens[i].pos === 'AUX' || (tokens[i].pos === 'ADV' && tokens[i + 1]?.pos !== 'ADJ')) {
      stop = i;
      break;
    }
  // An aside: "X, a senior official," or "X, for their part," keeps X; "Estmark's president, Lena Holm," keeps both.
  const firstComma = findComma(tokens, quoted, start, stop);
  if (firstComma !== undefined) {
    const second = findComma(tokens, quoted, firstComma + 1, stop);
    const aside = tokens[firstComma + 1];
    if (aside && (aside.pos === 'DET' || aside.pos === 'ADP' || aside.lower === 'citing')) stop = firstComma;
    else if (second !== undefined && second === stop - 1) stop = second;
  }
  for (const h of holes) if (h.from >= start && h.from < stop) stop = h.from;
  while (stop > start && tokens[stop - 1].text === ',') stop--;
  return stop > start ? { from: start, to: stop } : undefined;
}

function findComma(tokens: readonly Token[], quoted: readonly boolean[], from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (!quoted[i] && tokens[i].text === ',') return i;
  return undefined;
}

function inherited(out: readonly Clause[], link: ClauseLink): TokenRange | undefined {
  if (link !== 'and' && link !== 'but') return undefined;
  for (let i = out.length - 1; i >= 0; i--) if (!isSubordinate(out[i].link) && out[i].subject) return out[i].subject;
  return undefined;
}

function hasModal(tokens: readonly Token[], from: number, verb: number | undefined): boolean {
  if (verb === undefined) return false;
  for (let i = Math.max(from, verb - 3); i < verb; i++) if (isModal(tokens[i])) return true;
  return false;
}

/** The name a relative clause is about: the proper nouns just before its comma. */
function nameBefore(tokens: readonly Token[], comma: number): TokenRange | undefined {
  let from = comma;
  while (from > 0 && tokens[from - 1].pos === 'PROPN') from--;
  return from < comma ? { from, to: comma } : undefined;
}
