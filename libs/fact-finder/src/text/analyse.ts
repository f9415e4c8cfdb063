import { isQuoteMark, Token, TokenRange } from '../grammar/token';
import { Paragraph } from './paragraphs';
import type { ItemCustomEntity, ItemSentence, ItsFunction } from 'wink-nlp';
import { winkNlp } from './wink-model';

/** A sentence of a paragraph: its tokens and characters. */
export interface Sentence extends TokenRange {
  /** From 1 within the paragraph. */
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A run of proper nouns wink-nlp found (its custom entity `name`). */
export type NameSpan = TokenRange;

/** A paragraph read by wink-nlp: tokens with their offsets in the revision, sentences, names. */
export interface AnalysedParagraph {
  readonly paragraph: Paragraph;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  readonly names: readonly NameSpan[];
}

/**
 * Paragraphs analysed lately, by their text, as analysed at offset 0. wink-nlp's reading is most
 * of the fact finder's time, and the same paragraphs come again and again: every revision of a
 * story is read whole, its unchanged paragraphs too, and the revision before it once more to
 * tell what changed. What wink-nlp finds in a paragraph depends on its text alone, so a paragraph
 * met again is only moved to where it stands now. Bounded (a few MB), least recently used out.
 */
const RECENT_LIMIT = 2000;
const recent = new Map<string, AnalysedParagraph>();

export function analyseParagraph(paragraph: Paragraph): AnalysedParagraph {
  let atZero = recent.get(paragraph.text);
  if (atZero) recent.delete(paragraph.text);
  else atZero = analyseAtZero(paragraph.text);
  recent.set(paragraph.text, atZero);
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  return movedTo(atZero, paragraph);
}

/** The analysis of a paragraph at offset 0, moved to where `paragraph` stands: new objects, nothing shared but strings. */
function movedTo(atZero: AnalysedParagraph, paragraph: Paragraph): AnalysedParagraph {
  const at = paragraph.start;
  return {
    paragraph,
    tokens: atZero.tokens.map((t) => ({
      i: t.i,
      text: t.text,
      lower: t.lower,
      lemma: t.lemma,
      pos: t.pos,
      start: t.start + at,
      end: t.end + at,
    })),
    sentences: atZero.sentences.map((s) => ({
      from: s.from,
      to: s.to,
      number: s.number,
      start: s.start + at,
      end: s.end + at,
      text: s.text,
    })),
    names: atZero.names.map((n) => ({ from: n.from, to: n.to })),
  };
}

function analyseAtZero(text: string): AnalysedParagraph {
  const paragraph: Paragraph = { number: 1, start: 0, end: text.length, text };
  const nlp = winkNlp();
  // wink-nlp's `its` helpers are plain functions handed to `out`, never called on `its`.
  /* eslint-disable @typescript-eslint/unbound-method */
  const its = nlp.its;
  const doc = nlp.readDoc(paragraph.text);
  const words = doc.tokens().out();
  // wink-nlp's typings give some `its` helpers signatures its own `out` does not accept; they are ItsFunctions all the same.
  const spaces = doc.tokens().out(its.precedingSpaces as unknown as ItsFunction<string>);
  const pos = doc.tokens().out(its.pos);
  const lemmas = doc.tokens().out(its.lemma as unknown as ItsFunction<string>);
  // wink keeps every character: each token's offset is the sum of what came before (checked by analyse.spec.ts).
  const tokens: Token[] = [];
  let at = paragraph.start;
  words.forEach((text, i) => {
    at += spaces[i].length;
    tokens.push({ i, text, lower: text.toLowerCase(), lemma: lemmas[i].toLowerCase(), pos: pos[i], start: at, end: at + text.length });
    at += text.length;
  });
  const raw: TokenRange[] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [from, last] = s.out(its.span) as unknown as [number, number];
    raw.push({ from, to: last + 1 });
  });
  const names: NameSpan[] = [];
  doc.customEntities().each((e: ItemCustomEntity) => {
    const [from, last] = e.out(its.span) as unknown as [number, number];
    names.push({ from, to: last + 1 });
  });
  /* eslint-enable @typescript-eslint/unbound-method */
  const sentences = mergeQuoted(raw, tokens).map((r, n) => {
    const start = tokens[r.from].start;
    const end = tokens[r.to - 1].end;
    return { ...r, number: n + 1, start, end, text: paragraph.text.slice(start - paragraph.start, end - paragraph.start) };
  });
  return { paragraph, tokens, sentences, names };
}

/**
 * wink-nlp ends a sentence at each full stop, also inside a quotation; a newsroom counts a
 * quotation with its attribution as one sentence ("The Russians want … 2022. But all … And
 * nothing else."). A sentence that leaves a quotation open takes the next ones in until it
 * closes, and one that starts in lower case ("… ," he told reporters) joins the one before.
 */
function mergeQuoted(raw: readonly TokenRange[], tokens: readonly Token[]): TokenRange[] {
  const out: TokenRange[] = [];
  let open = false;
  for (const r of raw) {
    const startsLower = /^\p{Ll}/u.test(tokens[r.from].text);
    const last = out[out.length - 1];
    if (last && (open || startsLower)) out[out.length - 1] = { from: last.from, to: r.to };
    else out.push(r);
    for (let i = r.from; i < r.to; i++) if (isQuoteMark(tokens[i])) open = !open;
  }
  return out;
}
