import { readFileSync } from 'node:fs';
import type { FactDate } from '@dateline/domain';

/** A fact of a gold set (data/gold/README.md). */
export interface GoldFact {
  readonly key: string;
  readonly evidence: { readonly paragraph: number; readonly sentence: number; readonly quote: string };
  readonly title: string;
  readonly kind: string;
  readonly when: FactDate;
  readonly status: string;
  readonly relations: readonly { readonly relation: 'before' | 'after' | 'same-day'; readonly fact: string }[];
  readonly about: readonly { readonly label: string; readonly date: FactDate }[];
  readonly participants: readonly string[];
  readonly sources: readonly { readonly attribution: string; readonly name?: string }[];
  readonly quotes: readonly { readonly text: string; readonly speaker: string; readonly speakerInferred: boolean }[];
}

/** A gold set with the article it is about, and where each fact's evidence lies in the article's text. */
export interface GoldSet {
  readonly article: string;
  readonly storyId: string;
  readonly revision: number;
  readonly publishedAt: string;
  readonly zone: string;
  readonly text: string;
  readonly facts: readonly (GoldFact & { readonly start: number; readonly end: number })[];
}

interface GoldFile {
  article: string;
  text: { file: string; revision?: number };
  storyId: string;
  revision: number;
  publishedAt: string;
  zone: string;
  facts: GoldFact[];
}

/** The gold sets: the two the rules were developed on, and the held-out one (data/gold/README.md). */
export const GOLD_FILES: readonly { readonly file: string; readonly heldOut: boolean }[] = [
  { file: 'data/gold/istanbul.gold.json', heldOut: false },
  { file: 'data/gold/geneva.gold.json', heldOut: false },
  { file: 'data/gold/oslo.gold.json', heldOut: true },
];

/** Reads a gold set and its article; a quote that is not found exactly once in its paragraph is an error of the gold set. */
export function loadGoldSet(path: string): GoldSet {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as GoldFile;
  const source = JSON.parse(readFileSync(gold.text.file, 'utf8')) as {
    body?: string;
    story?: { revisions: { body: string }[] };
  };
  const text = gold.text.revision !== undefined ? source.story?.revisions[gold.text.revision - 1]?.body : source.body;
  if (typeof text !== 'string') throw new Error(`${path}: no text at ${gold.text.file}`);
  const paragraphs = paragraphOffsets(text);
  const facts = gold.facts.map((f) => {
    const p = paragraphs[f.evidence.paragraph - 1];
    if (!p) throw new Error(`${path}: ${f.key} names paragraph ${f.evidence.paragraph}, which the text does not have`);
    const body = text.slice(p.start, p.end);
    const at = body.indexOf(f.evidence.quote);
    if (at < 0 || body.indexOf(f.evidence.quote, at + 1) >= 0)
      throw new Error(`${path}: ${f.key}'s quote must occur exactly once in paragraph ${f.evidence.paragraph}`);
    return { ...f, start: p.start + at, end: p.start + at + f.evidence.quote.length };
  });
  return {
    article: gold.article,
    storyId: gold.storyId,
    revision: gold.revision,
    publishedAt: gold.publishedAt,
    zone: gold.zone,
    text,
    facts,
  };
}

/** Paragraphs as the gold sets count them: blocks between blank lines, trimmed. */
function paragraphOffsets(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\S[\s\S]*?(?=\n[ \t]*\n|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const trimmed = m[0].replace(/\s+$/, '');
    out.push({ start: m.index, end: m.index + trimmed.length });
  }
  return out;
}
