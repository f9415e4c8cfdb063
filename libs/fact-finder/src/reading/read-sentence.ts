import type { AttributedSource, EventKind, FactStatus } from '@dateline/domain';
import { AnalysedParagraph, Sentence } from '../text/analyse';
import { Clause, clausesOf } from '../grammar/clauses';
import { quotedMask } from '../grammar/quoted';
import { Token, TokenRange, wordsBetween } from '../grammar/token';
import { isFiniteVerb } from '../grammar/verbish';
import { sentenceAttribution } from '../rules/attribution/sentence-attribution';
import { clauseSources } from '../rules/attribution/clause-sources';
import { kindAndCameo } from '../rules/kind/kind-and-cameo';
import { ACCUSING, lexiconVerb, senseOf } from '../rules/kind/verb-lexicon';
import { NameBook } from '../rules/participants/names';
import { modalityBefore, statusOf } from '../rules/status/modality';
import { contentOf } from './content';
import { FactReading, SpeakerRef } from './fact-reading';
import { speakerOf } from './speaker';

/** What reading a sentence needs from the sentences before it. */
export interface StoryState {
  readonly book: NameBook;
  /** The last person named as a subject or speaker: who "he" and "she" are. */
  lastPerson?: SpeakerRef;
  /** The sentence before mentioned the story's main event ("Turkey is hosting the meeting"): "it" may be that event. */
  previousMentionedMainEvent: boolean;
}

const MAIN_EVENT_NOUN = /^(?:the )?(?:talks|negotiations|meeting|session|summit)$/i;
const MAIN_EVENT_MENTION = /\bthe (?:talks|negotiations|meeting|session|summit)\b/i;
/** Taking part in, hosting or opening the event itself: these happen on its day. */
const PARTICIPATION = new Set(['host', 'attend', 'join', 'open', 'chair', 'address', 'close']);
/** Verbs that answer an earlier proposal. */
const RESPONSES = new Set(['accept', 'agree', 'reject', 'decline', 'refuse', 'turn']);
const CITING = /\bciting (?:a|an|one|two|several|unnamed|anonymous)\b/i;
const SPEECH_PARTICIPLE = /\b(saying|telling|writing|adding|noting|warning|hinting|arguing)\b/i;
const SAME_SPEAKER_OBJECTS = /^(he|she|they|we|i|it|(?:his|her|their|its|our) (?:government|country|side|delegation|team))$/i;

/**
 * The facts one sentence proposes, by our rules over its clauses: an event per clause whose
 * verb names one (or that dates itself), a statement per speaker, the content of what a source
 * reports as the fact itself ("ENA reported that Kuusk had approved …"), a claim made "by
 * asking …", events of subordinate clauses ("before it landed in Dubai"), and "He added: …" as
 * more of the statement before. Dates, participants and ids come later (find-candidates.ts).
 */
export function readSentence(p: AnalysedParagraph, sentence: Sentence, state: StoryState): FactReading[] {
  const tokens = p.tokens;
  const attribution = sentenceAttribution(p, sentence, state.book);
  const quoted = quotedMask(tokens, sentence);
  const clauses = clausesOf(tokens, attribution.core);
  const readings: FactReading[] = [];
  const readingOfClause = new Map<number, number>();
  const mainEventClauses = new Set<number>();
  const contentSubjectOfClause = new Map<number, TokenRange | undefined>();
  const mentionsMainEvent = MAIN_EVENT_MENTION.test(sentence.text);

  // A quotation standing alone, attributed to no one: more words of the last speaker, who the paragraph does not name.
  const words = tokens.slice(sentence.from, sentence.to).filter((t, k) => t.pos !== 'PUNCT' || quoted[sentence.from + k]);
  if (words.length > 0 && words.every((t) => quoted[t.i]) && state.lastPerson) {
    const clause = { from: sentence.from, to: sentence.to, link: 'main' as const, modal: false };
    return [
      {
        paragraph: p,
        sentence,
        clause,
        role: 'continuation',
        kind: 'statement',
        status: 'happened',
        evidence: { from: sentence.from, to: sentence.to },
        speaker: { ...state.lastPerson, pronoun: true, range: undefined },
        dateRange: { from: sentence.from, to: sentence.to },
        sources: [{ attribution: 'named-source', name: state.lastPerson.name }],
      },
    ];
  }

  clauses.forEach((clause, ci) => {
    if (clause.verb === undefined || clause.link === 'if' || clause.link === 'until') return;
    if ((clause.link === 'before' || clause.link === 'after') && clause.modal) return;
    const subjectText = clause.subject ? wordsBetween(tokens, clause.subject.from, clause.subject.to) : '';
    // "The meeting came about after …", "before the negotiations began": the main event itself, already a fact.
    if (MAIN_EVENT_NOUN.test(subjectText)) {
      mainEventClauses.add(ci);
      // "… before the negotiations began": the phrase dates the clause it hangs on.
      const parent = clause.parent !== undefined ? readingOfClause.get(clause.parent) : undefined;
      if (parent !== undefined)
        readings[parent] = { ...readings[parent], dateRange: { from: readings[parent].dateRange.from, to: clause.to } };
      return;
    }
    const verb = clause.verb;
    const base = baseOf(tokens[verb]);
    const sense = base ? senseOf(base) : undefined;
    const clauseText = wordsBetween(tokens, clause.from, clause.to);
    const subjectRef = clause.subject ? speakerOf(p, clause.subject, state.book, state.lastPerson) : undefined;
    // "he" and "she" are the last person named; a lone name quoted by a speech verb is a person too ("Umerov … said: '…'").
    const quotes = tokens.slice(clause.from, clause.to).some((_, k) => quoted[clause.from + k]);
    if (
      subjectRef &&
      !subjectRef.pronoun &&
      (subjectRef.kind === 'person' || (subjectRef.kind === 'other' && quotes && sense?.role === 'speech'))
    )
      state.lastPerson = subjectRef;
    const holes = clauses.filter((c) => c.link === 'who' && c.parent === ci).map((c) => ({ from: c.from - 2, to: c.to }));
    const common = {
      paragraph: p,
      sentence,
      clause,
      dateRange: dateRangeOf(clause, ci, attribution.core),
      ...(holes.length > 0 ? { holes } : {}),
      verb,
    };
    const sentenceSources = attribution.sources;
    const add = (r: FactReading) => {
      readingOfClause.set(ci, readings.length);
      readings.push(r);
    };

    // A fact of a clause that hangs on another: "before it landed in Dubai", "by asking to see …".
    const parentReading = clause.parent !== undefined ? readingOfClause.get(clause.parent) : undefined;
    const onMainEvent = clause.parent !== undefined && mainEventClauses.has(clause.parent);

    if (!sense && !hasOwnDate(clauseText)) return;
    if (sense?.role === 'speech' || sense?.role === 'claim') {
      const content = contentOf(p, clause, verb, quoted);
      contentSubjectOfClause.set(ci, content.subject);
      const contentText = content.subject ? wordsBetween(tokens, content.subject.from, content.subject.to) : '';
      const contentRef = content.subject ? speakerOf(p, content.subject, state.book, state.lastPerson) : undefined;
      const own =
        content.quoteOnly ||
        content.verb === undefined ||
        SAME_SPEAKER_OBJECTS.test(contentText) ||
        (contentRef !== undefined && subjectRef !== undefined && contentRef.name === subjectRef.name);
      const contentBase = content.verb !== undefined ? baseOf(tokens[content.verb]) : undefined;
      const contentSense = contentBase ? senseOf(contentBase) : undefined;
      const m = content.verb !== undefined ? modalityBefore(tokens, content.verb, content.from) : undefined;
      const speaker = subjectRef;
      const speech = { speaker: speaker, level: sense.role === 'claim' ? ('claim' as const) : ('speech' as const) };
      const statement = (kind: EventKind = sense.kind, cameo = kindAndCameo(base ?? 'say', clauseText)?.cameo): FactReading => ({
        ...common,
        role: 'statement',
        kind,
        ...(cameo ? { cameo } : {}),
        status: 'happened',
        evidence: { from: clause.from, to: clause.to },
        ...(clause.subject ? { actor: clause.subject } : {}),
        ...(speaker ? { speaker } : {}),
        // "hinted that he could travel to them on 16 May": a date of one's own hypothetical is what the statement is about.
        ...(own && m?.modal !== undefined ? { aboutRange: { from: content.from, to: content.to } } : {}),
        sources: clauseSources(p, clause, sentenceSources, speech, state.book),
      });

      // "He added: '…'", "'…,' he told reporters": more of what the last speaker said.
      const quotation = tokens.slice(clause.from, clause.to).some((_, k) => quoted[clause.from + k]);
      if (
        (content.quoteOnly || (quotation && content.verb === undefined)) &&
        speaker?.pronoun &&
        ['add', 'say', 'tell', 'write'].includes(base ?? '') &&
        !hasOwnDate(clauseText)
      )
        return add({ ...statement(), role: 'continuation' });
      // A refusal ("said he would not come") and words about one's own side are statements.
      if (m?.negated && m.expected) return add({ ...statement(), response: 'proposal' });
      if (base === 'deny') return add({ ...statement(), response: 'claim' });
      if (own || contentSense?.role === 'hedge') return add(statement(sense.kind, kindAndCameo(base ?? 'say', clauseText)?.cameo));
      // "said Moscow was trying to derail the talks": an accusation by the speaker.
      const accusing = contentSense?.kind === 'accusation' || (contentBase === undefined && /\btry(ing)? to\b/.test(clauseText));
      const tryingTo = /\b(trying|tried|attempting|seeking) to\b/.test(wordsBetween(tokens, content.from, content.to));
      if (accusing || tryingTo) {
        const accusation = kindAndCameo(
          firstLexiconVerb(tokens, content.from, content.to, 'accusation') ?? 'accuse',
          wordsBetween(tokens, content.from, content.to),
        );
        return add({
          ...statement('accusation', accusation?.cameo),
          participantRange: { from: content.from, to: content.to },
        });
      }
      // What an outlet or an unnamed source reports is the fact itself, whatever its verb ("said the deal had nearly collapsed").
      const reported =
        content.verb !== undefined &&
        !contentSense &&
        (speaker?.kind === 'outlet' || speaker?.kind === 'unnamed' || CITING.test(clauseText));
      if (content.verb !== undefined && ((contentSense && contentSense.role !== 'speech' && contentSense.role !== 'claim') || reported)) {
        const planned = contentSense?.role === 'plan';
        const eventVerb = planned ? (nextVerb(tokens, content.verb, content.to) ?? content.verb) : content.verb;
        const eventBase = baseOf(tokens[eventVerb]) ?? contentBase ?? tokens[eventVerb].lemma;
        const kc = kindAndCameo(eventBase, wordsBetween(tokens, content.from, content.to));
        const status: FactStatus = statusOf(m ?? { expected: false, negated: false }, planned, eventBase);
        const level =
          sense.role === 'claim' || (speaker && (speaker.kind === 'person' || speaker.kind === 'country' || speaker.kind === 'other'))
            ? ('claim' as const)
            : ('speech' as const);
        // What others will do, as a source tells it, is expected and rests on the source; what a party says the other did is its claim.
        const onMainEventDay =
          PARTICIPATION.has(eventBase) &&
          status === 'expected' &&
          (MAIN_EVENT_MENTION.test(wordsBetween(tokens, eventVerb, content.to)) ||
            (/^it$/i.test(tokens[eventVerb + 1]?.text ?? '') && state.previousMentionedMainEvent));
        return add({
          ...common,
          role: 'event',
          kind: kc?.kind ?? 'other',
          ...(kc?.cameo ? { cameo: kc.cameo } : {}),
          status,
          evidence: { from: clause.from, to: clause.to },
          ...(content.subject ? { actor: content.subject } : {}),
          ...(speaker ? { speaker } : {}),
          participantRange: { from: content.from, to: content.to },
          dateRange: { from: common.dateRange.from, to: content.to },
          verb: eventVerb,
          ...(onMainEventDay ? { onMainEventDay } : {}),
          sources: clauseSources(p, clause, sentenceSources, { speaker, level: status === 'expected' ? 'speech' : level }, state.book),
        });
      }
      return add(statement());
    }

    // Statements made by an event verb ("sounded hopeful", "lowered expectations", "has promised") and hedges.
    if (sense?.kind === 'statement' || sense?.role === 'hedge') {
      return add({
        ...common,
        role: 'statement',
        kind: 'statement',
        ...(kindAndCameo(base ?? 'say', clauseText)?.cameo ? { cameo: kindAndCameo(base ?? 'say', clauseText)?.cameo } : {}),
        status: 'happened',
        evidence: { from: clause.from, to: clause.to },
        ...(clause.subject ? { actor: clause.subject } : {}),
        ...(subjectRef ? { speaker: subjectRef } : {}),
        // The story's own account of an act ("has promised to broker a deal") unless the clause reports the words (", saying …").
        sources: clauseSources(
          p,
          clause,
          sentenceSources,
          { speaker: subjectRef, level: SPEECH_PARTICIPLE.test(clauseText) ? 'speech' : 'none' },
          state.book,
        ),
      });
    }

    // An event, expected or not; a plan verb ("plans to present", "are expected to meet") hands over to the verb after it.
    const planned = sense?.role === 'plan';
    const eventVerb = planned ? (nextVerb(tokens, verb, clause.to) ?? verb) : verb;
    const eventBase = baseOf(tokens[eventVerb]) ?? base ?? '';
    const kc = kindAndCameo(eventBase, clauseText) ?? { kind: 'other' as EventKind };
    const m = modalityBefore(tokens, verb, clause.from);
    // A refusal of one's own ("would not attend") is a statement; the event it refuses is not a fact.
    if (m.negated && m.expected) return;
    // "Turkey is hosting the meeting": who takes part in the main event is a detail of it, not a fact of its own.
    if (PARTICIPATION.has(eventBase) && !m.expected && !planned && MAIN_EVENT_MENTION.test(wordsBetween(tokens, eventVerb, clause.to)))
      return;
    const status = statusOf(m, planned, eventBase);
    // "by asking to see the Ukrainian side alone": what the accused did, known through the accusation: a party's claim.
    const byClaim = clause.link === 'by' && parentReading !== undefined && readings[parentReading].kind === 'accusation';
    const parentSpeaker = byClaim ? readings[parentReading].speaker : undefined;
    const accused = byClaim && clause.parent !== undefined ? contentSubjectOfClause.get(clause.parent) : undefined;
    const actor = byClaim ? accused : clause.subject;
    const subordinate = clause.link === 'before' || clause.link === 'after';
    const rebuttal = clause.link === 'rebuttal';
    const response = rebuttal ? ('claim' as const) : RESPONSES.has(eventBase) ? ('proposal' as const) : undefined;
    add({
      ...(response ? { response } : {}),
      ...(onMainEvent && subordinate ? { mainEventOrder: clause.link === 'after' ? ('before' as const) : ('after' as const) } : {}),
      ...common,
      role: 'event',
      kind: kc.kind,
      ...(kc.cameo ? { cameo: kc.cameo } : {}),
      status,
      evidence: { from: clause.from, to: clause.to },
      ...(actor ? { actor } : {}),
      ...(subjectRef && !byClaim ? { speaker: subjectRef } : {}),
      participantRange: { from: clause.from, to: clause.to },
      verb: eventVerb,
      ...(subordinate && parentReading !== undefined
        ? { orderedAgainst: { reading: parentReading, relation: clause.link === 'before' ? ('after' as const) : ('before' as const) } }
        : {}),
      ...(byClaim ? { dateRange: readings[parentReading].dateRange } : {}),
      sources: byClaim
        ? dedupe([...sentenceSources, ...(parentSpeaker ? [{ attribution: 'party-claim' as const, name: parentSpeaker.name }] : [])])
        : clauseSources(
            p,
            clause,
            sentenceSources,
            // "Quessa accuses Lorvan of …": an accusation rests on the accuser, on the record.
            (ACCUSING.has(eventBase) || rebuttal) && subjectRef
              ? { speaker: subjectRef, level: 'speech' }
              : { speaker: undefined, level: 'none' },
            state.book,
          ),
    });
  });

  state.previousMentionedMainEvent = mentionsMainEvent;
  return mergeCoordinatedStatements(readings);
}

/**
 * "Trump had at first sounded hopeful … and hinted that …", "Moscow has cast … and insists …":
 * one person's words joined by "and" are one statement.
 */
function mergeCoordinatedStatements(readings: FactReading[]): FactReading[] {
  const out: FactReading[] = [];
  const moved: number[] = [];
  for (const r of readings) {
    moved.push(out.length);
    const last = out[out.length - 1];
    if (
      last &&
      r.role === 'statement' &&
      last.role === 'statement' &&
      r.clause.link === 'and' &&
      last.speaker?.name === r.speaker?.name &&
      r.kind === last.kind
    ) {
      out[out.length - 1] = {
        ...last,
        evidence: { from: last.evidence.from, to: r.evidence.to },
        dateRange: { from: last.dateRange.from, to: r.dateRange.to },
        ...(r.aboutRange ? { aboutRange: r.aboutRange } : {}),
        sources: dedupe([...last.sources, ...r.sources]),
        ...(r.cameo && !last.cameo ? { cameo: r.cameo } : {}),
      };
      moved[moved.length - 1] = out.length - 1;
    } else out.push(r);
  }
  // Indexes into the sentence's readings move with the merge.
  return out.map((r) =>
    r.orderedAgainst ? { ...r, orderedAgainst: { ...r.orderedAgainst, reading: moved[r.orderedAgainst.reading] } } : r,
  );
}

/** Sources without repeats; the newsroom's own reporting only when nothing else is named. */
function dedupe(sources: readonly AttributedSource[]): AttributedSource[] {
  const seen = new Set<string>();
  const named = sources.some((s) => s.attribution !== 'own-reporting');
  return sources.filter((s) => {
    if (named && s.attribution === 'own-reporting') return false;
    const key = `${s.attribution}|${s.name ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The base form of a verb token, if the lexicon knows it. */
export function baseOf(t: Token): string | undefined {
  return lexiconVerb(t.lower) ?? (senseOf(t.lemma) ? t.lemma : undefined);
}

function nextVerb(tokens: readonly Token[], after: number, to: number): number | undefined {
  for (let i = after + 1; i < to; i++)
    if (tokens[i - 1]?.lower === 'to' && (tokens[i].pos === 'VERB' || lexiconVerb(tokens[i].lower))) return i;
  for (let i = after + 1; i < to; i++) if (isFiniteVerb(tokens, i)) return i;
  return undefined;
}

function firstLexiconVerb(tokens: readonly Token[], from: number, to: number, kind: EventKind): string | undefined {
  for (let i = from; i < to; i++) {
    const base = lexiconVerb(tokens[i].lower);
    if (base && senseOf(base)?.kind === kind) return base;
  }
  return undefined;
}

/** A date phrase in the clause itself: a clause with an unknown verb still proposes a fact when it dates one. */
function hasOwnDate(text: string): boolean {
  return /\b(on|in|since) (\d{1,2} )?(January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4})\b/.test(
    text,
  );
}

/** A sentence's first clause also owns the sentence's opening words ("Earlier on Friday, …", "Shortly before the start, …"). */
function dateRangeOf(clause: Clause, index: number, core: TokenRange): TokenRange {
  return index === 0 ? { from: Math.min(core.from, clause.from), to: clause.to } : { from: clause.from, to: clause.to };
}
