import type { FactDate, Participant } from '@dateline/domain';
import type { AcceptedFact, Candidate, CandidateFlag, FindCandidatesInput } from './candidate';
import { candidateId } from './candidate-id';
import { checkInput } from './input-problems';
import { confidenceOf } from './confidence';
import { acceptedSentences } from './flags/accepted-evidence';
import { possibleDuplicates } from './flags/possible-duplicates';
import { mainEventOf } from './main-event';
import { aboutLabel, backgroundTitle } from './labels';
import { FactReading } from './reading/fact-reading';
import { readStory, ReadStory } from './reading/read-story';
import { combineDates } from './rules/dates/combine-dates';
import { addDays, localDate } from './rules/dates/calendar';
import { DateContext, DateFinding } from './rules/dates/date-finding';
import { findDates } from './rules/dates/date-rules';
import { add, participantFor, participantsIn } from './rules/participants/participants';
import { quotesIn } from './rules/quotes/quotes';
import { quotedMask } from './grammar/quoted';
import { wordsBetween } from './grammar/token';
import { analyseParagraph } from './text/analyse';
import { paragraphsOf } from './text/paragraphs';
import { PlacedSentence, revisionChanges } from './text/revision-changes';
import { titleFrom } from './title';
import { relationsOf } from './relations';
import { Draft } from './draft';

const PARTIES = /^(?:the two|both) (?:governments|sides|countries|delegations|parties)$|^the (?:delegations|two sides|negotiators)$/i;

/**
 * Candidate dated facts of one story revision, for an editor to accept, edit or dismiss
 * (issue 18, docs/fact-finder.md). Deterministic: the same input gives the same candidates,
 * ids included; nothing is read from the clock, nothing is random. Only sentences that are new
 * or changed since `previousText` give candidates (all of them in a first revision); a sentence
 * that carried an accepted fact and changed proposes an amendment of it, one that is gone a
 * retraction.
 */
export function findCandidates(input: FindCandidatesInput): Candidate[] {
  checkInput(input);
  const zone = input.zone ?? 'UTC';
  const story = readStory(input.text);
  const today = localDate(input.publishedAt, zone);
  const base: DateContext = { today, zone, publishedAt: input.publishedAt };
  const textOf = (r: FactReading) => ({ text: charsOf(story, r, r.dateRange), offset: r.paragraph.tokens[r.dateRange.from].start });
  const main = mainEventOf(story.readings, base, textOf);
  const ctx: DateContext = { ...base, ...(main ? { mainEventDay: main.day } : {}) };

  const drafts = draftsOf(input, story, ctx, main?.reading);
  const current = story.paragraphs.flatMap((p) => p.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })));
  const previous = input.previousText !== undefined ? sentencesOf(input.previousText) : undefined;
  const changes = revisionChanges(current, previous);
  const accepted = input.acceptedFacts ?? [];
  const carried = acceptedSentences(accepted, previous ?? [], input.previousText);
  const mainId = mainEventId(drafts, main?.reading, accepted, story);

  const out: Candidate[] = [];
  for (const d of drafts) {
    if (!changes.fresh.has(d.sentence.start)) continue;
    const rewritten = changes.rewrites.get(d.sentence.start);
    const flags: CandidateFlag[] = [
      ...(rewritten ? (carried.get(rewritten) ?? []).map((fact) => ({ flag: 'amends' as const, fact })) : []),
      ...possibleDuplicates(d.when, d.participants, accepted)
        .filter((fact) => !(rewritten && (carried.get(rewritten) ?? []).includes(fact)))
        .map((fact) => ({ flag: 'possible-duplicate' as const, fact })),
    ];
    out.push({
      id: d.id,
      evidence: {
        revision: input.revision,
        paragraph: d.paragraph,
        start: d.start,
        end: d.end,
        text: input.text.slice(d.start, d.end),
        sentence: { start: d.sentence.start, end: d.sentence.end },
      },
      proposed: {
        title: d.title,
        kind: d.kind,
        when: d.when,
        status: d.status,
        relations: relationsOf(d, drafts, mainId),
        about: d.about,
        participants: d.participants,
        sources: d.sources,
        quotes: d.quotes,
        ...(d.cameo ? { cameoCode: d.cameo } : {}),
      },
      confidence: confidenceOf({
        knownVerb: d.knownVerb,
        dated: d.dated,
        participants: d.participants,
        sources: d.sources,
        background: !!d.background,
      }),
      flags,
    });
  }
  out.push(...retractions(input, changes.removed, carried, accepted, current));
  return out;
}

/** Every reading of the story as a draft fact, continuations folded into the statement they continue, background facts added. */
function draftsOf(input: FindCandidatesInput, story: ReadStory, ctx: DateContext, mainReading: number | undefined): Draft[] {
  const drafts: Draft[] = [];
  const draftOfReading = new Map<number, number>();
  const years = new Map<string, string>();
  story.readings.forEach((r, i) => {
    const p = r.paragraph;
    const sentence = { start: r.sentence.start, end: r.sentence.end, text: r.sentence.text };
    const quoted = quotedMask(p.tokens, r.sentence);
    const inHole = (f: DateFinding) => (r.holes ?? []).some((h) => f.start >= p.tokens[h.from].start && f.end <= p.tokens[h.to - 1].end);
    const aboutRange = r.aboutRange ?? proposalObject(r);
    const aboutSpan = aboutRange ? { from: p.tokens[aboutRange.from].start, to: p.tokens[aboutRange.to - 1].end } : undefined;
    // What is proposed or hypothesised is to come: a bare month there is the next one, not the last.
    const future = { ...ctx, future: true };
    const findings = findDates(charsOf(story, r, r.dateRange), p.tokens[r.dateRange.from].start, r.status === 'expected' ? future : ctx)
      .map((f) => (aboutSpan && f.start >= aboutSpan.from && f.end <= aboutSpan.to ? (refind(f, input.text, future) ?? f) : f))
      .filter((f) => (f.rule === 'previously' || !insideQuote(p, quoted, f)) && !inHole(f));
    const speakerName = r.speaker && r.speaker.kind !== 'unnamed' ? r.speaker.name : undefined;

    if (r.role === 'continuation') {
      // More words of the last statement by the same speaker, in this paragraph or the one before.
      const target = lastDraftWhere(drafts, (d) => {
        const rr = story.readings[d.reading];
        return (
          !d.background &&
          rr.role === 'statement' &&
          rr.speaker?.name === r.speaker?.name &&
          rr.paragraph.paragraph.number >= p.paragraph.number - 1
        );
      });
      if (target !== undefined) {
        drafts[target].quotes.push(...quotesIn(p, r.evidence, speakerName, story.book));
        draftOfReading.set(i, target);
        return;
      }
    }

    const dates = combineDates(
      findings,
      {
        status: r.status,
        ...(aboutRange ? { aboutFrom: p.tokens[aboutRange.from].start, aboutTo: p.tokens[aboutRange.to - 1].end } : {}),
        ...(r.onMainEventDay ? { onMainEventDay: true } : {}),
      },
      ctx,
    );
    const parentReading = r.orderedAgainst ? r.orderedAgainst.reading + i - localIndex(story, r, i) : undefined;
    const mainDraft = drafts.find((d) => d.reading === mainReading && !d.background);
    const participants = participantsOf(r, story, drafts, draftOfReading, parentReading, mainDraft?.participants);
    const start = p.tokens[r.evidence.from].start;
    const end = p.tokens[r.evidence.to - 1].end;
    const id = candidateId(input.storyId, sentence.text, input.text.slice(start, end));
    const found: Draft['found'][number][] = [];
    for (const rel of dates.relations)
      if (rel.to === 'main-event' && i !== mainReading) found.push({ relation: rel.relation, to: 'main-event' });
    if (r.orderedAgainst && parentReading !== undefined)
      found.push({ relation: r.orderedAgainst.relation, to: { reading: parentReading } });
    if (r.mainEventOrder && i !== mainReading) found.push({ relation: r.mainEventOrder, to: 'main-event' });
    const draft: Draft = {
      id,
      reading: i,
      paragraph: p.paragraph.number,
      sentence,
      start,
      end,
      title: titleFrom(p.tokens, r.evidence.from, r.evidence.to),
      kind: r.kind,
      ...(r.cameo ? { cameo: r.cameo } : {}),
      status: r.status,
      when: dates.when,
      about: dates.about.map((a) => ({
        label: aboutLabel(input.text, a.finding, aboutRange ? p.tokens[aboutRange.from].start : undefined, r),
        date: a.date,
      })),
      participants,
      sources: r.sources,
      quotes: r.role === 'statement' ? quotesIn(p, { from: r.sentence.from, to: r.sentence.to }, speakerName, story.book) : [],
      dated: dates.dated,
      knownVerb: r.cameo !== undefined || r.kind !== 'other',
      found,
      ...(dates.sequence ? { sequence: dates.sequence } : {}),
      ...(r.response ? { answers: r.response } : {}),
    };
    draftOfReading.set(i, drafts.length);
    drafts.push(draft);

    // Background facts the phrases name: "since 2022", "previously … during meetings in Jeddah and Riyadh".
    for (const phrase of findings) {
      const f =
        phrase.backgroundDays !== undefined
          ? { ...phrase, background: periodBefore(dates.when, phrase.backgroundDays, phrase.wording) }
          : phrase;
      if (!f.background) continue;
      const year = f.background.precision === 'year' ? f.background.on : undefined;
      const known = year ? years.get(year) : undefined;
      if (known) {
        if (f.relation) found.push({ relation: f.relation.relation, to: { draft: known } });
        continue;
      }
      const bgText = input.text.slice(f.start, f.end);
      const bgId = candidateId(input.storyId, sentence.text, bgText);
      const bgParticipants = f.rule === 'previously' ? participantsInSpan(story, r, f) : [...participants];
      drafts.push({
        id: bgId,
        reading: i,
        background: f,
        paragraph: p.paragraph.number,
        sentence,
        start: f.start,
        end: f.end,
        title: backgroundTitle(bgText, f),
        kind: /\b(talks|negotiations)\b/i.test(bgText) ? 'talks' : /\bmeetings?\b/i.test(bgText) ? 'meeting' : 'other',
        ...(/\b(talks|negotiations)\b/i.test(bgText) ? { cameo: '046' } : /\bmeetings?\b/i.test(bgText) ? { cameo: '040' } : {}),
        status: 'happened',
        when: f.background,
        about: [],
        participants: bgParticipants,
        sources: r.sources,
        quotes: [],
        dated: true,
        knownVerb: true,
        found: [],
      });
      if (year) years.set(year, bgId);
      if (f.relation) found.push({ relation: f.relation.relation, to: { draft: bgId } });
    }
  });
  // Relations found on a continuation belong to the statement it continues.
  return drafts.map((d) => ({
    ...d,
    found: d.found.map((f) =>
      typeof f.to === 'object' && 'reading' in f.to ? { ...f, to: { draft: idOfReading(drafts, draftOfReading, f.to.reading) ?? '' } } : f,
    ),
  }));
}

function idOfReading(drafts: readonly Draft[], draftOfReading: ReadonlyMap<number, number>, reading: number): string | undefined {
  const d = draftOfReading.get(reading);
  return d === undefined ? undefined : drafts[d].id;
}

/** readings[].orderedAgainst counts within its sentence; this turns it into a story index. */
function localIndex(story: ReadStory, r: FactReading, i: number): number {
  let k = 0;
  for (let j = i - 1; j >= 0 && story.readings[j].sentence === r.sentence; j--) k++;
  return k;
}

function participantsOf(
  r: FactReading,
  story: ReadStory,
  drafts: readonly Draft[],
  draftOfReading: ReadonlyMap<number, number>,
  parentReading: number | undefined,
  mainParticipants: readonly Participant[] | undefined,
): Participant[] {
  const p = r.paragraph;
  if (r.role === 'statement' || r.role === 'continuation') {
    const out: Participant[] = [];
    if (r.speaker && (r.speaker.kind === 'person' || r.speaker.kind === 'country' || r.speaker.kind === 'other'))
      add(out, participantFor(r.speaker.name, r.speaker.kind === 'country' ? r.speaker.country : undefined));
    if (r.kind === 'accusation' && r.participantRange) for (const x of participantsIn(p, [r.participantRange], story.book)) add(out, x);
    return out;
  }
  const actorWords = r.actor ? wordsBetween(p.tokens, r.actor.from, r.actor.to) : '';
  const out: Participant[] = [];
  // The people a roster sentence lists are who met; the sides they came from are said by their roles.
  if (r.roster) {
    const people = participantsIn(p, [r.roster], story.book).filter(
      (x) => x.country === undefined && story.book.fullName(x.name) === x.name,
    );
    if (people.length > 0) return people;
  }
  // "The two governments", "the delegations": the sides of the story's main event.
  if (PARTIES.test(actorWords) && mainParticipants) for (const x of mainParticipants) add(out, x);
  // "before it landed in Dubai": a pronoun's participants are those of the fact it hangs on.
  if (/^(it|he|she|they)$/i.test(actorWords) && parentReading !== undefined) {
    const parent = draftOfReading.get(parentReading);
    if (parent !== undefined) for (const x of drafts[parent].participants) add(out, x);
  } else if (/^(he|she)$/i.test(actorWords) && r.speaker) add(out, participantFor(r.speaker.name, r.speaker.country));
  if (r.actor) for (const x of participantsIn(p, [r.actor], story.book)) add(out, x);
  if (r.participantRange) for (const x of participantsIn(p, [r.participantRange], story.book)) add(out, x);
  return out;
}

function participantsInSpan(story: ReadStory, r: FactReading, f: DateFinding): Participant[] {
  const p = r.paragraph;
  const from = p.tokens.findIndex((t) => t.start >= f.start);
  const to = p.tokens.findIndex((t) => t.start >= f.end);
  const names = story.book.namesIn(p, { from, to: to < 0 ? p.tokens.length : to });
  const out: Participant[] = [];
  for (const n of names)
    if (n.kind === 'country' || n.kind === 'person') add(out, { name: n.name, ...(n.country ? { country: n.country } : {}) });
  return out;
}

/**
 * What a proposal proposes: the words after its verb from the first "to <verb>" or "-ing" form
 * ("offered on Friday [to host a follow-up meeting … in April]", "suggested [holding talks in
 * Turkey this week]"). Dates there are dates it is about; the proposal itself is dated by what
 * stands before ("on Friday").
 */
function proposalObject(r: FactReading): { from: number; to: number } | undefined {
  if ((r.kind !== 'proposal' && r.kind !== 'agreement') || r.verb === undefined || r.status === 'expected') return undefined;
  const tokens = r.paragraph.tokens;
  for (let i = r.verb + 1; i < r.clause.to; i++) {
    if (tokens[i].lower === 'to' && (tokens[i + 1]?.pos === 'VERB' || tokens[i + 1]?.pos === 'AUX')) return { from: i, to: r.clause.to };
    if (tokens[i].pos === 'VERB' && tokens[i].lower.endsWith('ing') && i === r.verb + 1) return { from: i, to: r.clause.to };
  }
  return undefined;
}

function mainEventId(
  drafts: readonly Draft[],
  mainReading: number | undefined,
  accepted: readonly AcceptedFact[],
  story: ReadStory,
): string | undefined {
  if (mainReading === undefined) return undefined;
  const r = story.readings[mainReading];
  // When the desk already accepted the main event from this sentence, relations point at the fact, not at a candidate.
  const fact = accepted.find((a) => a.evidence?.text !== undefined && r.sentence.text.includes(a.evidence.text.trim()));
  return fact?.id ?? drafts.find((d) => d.reading === mainReading && !d.background)?.id;
}

function retractions(
  input: FindCandidatesInput,
  removed: readonly PlacedSentence[],
  carried: ReadonlyMap<PlacedSentence, string[]>,
  accepted: readonly AcceptedFact[],
  current: readonly PlacedSentence[],
): Candidate[] {
  const paragraphs = paragraphsOf(input.text);
  return removed.flatMap((gone) =>
    (carried.get(gone) ?? []).map((factId) => {
      const fact = accepted.find((a) => a.id === factId);
      // Where the sentence stood: after the last sentence of this revision that comes before it in the old text.
      const at = current.filter((s) => s.start <= gone.start).pop()?.end ?? 0;
      const paragraph = paragraphs.filter((p) => p.start <= at).pop()?.number ?? 1;
      return {
        id: candidateId(input.storyId, gone.text, `retracts ${factId}`),
        evidence: { revision: input.revision, paragraph, start: at, end: at, text: '', sentence: { start: at, end: at } },
        proposed: {
          title: fact?.title ?? gone.text,
          kind: 'other' as const,
          when: fact?.when ?? {
            precision: 'bounded' as const,
            onOrBefore: localDate(input.publishedAt, input.zone ?? 'UTC'),
            certainty: 'inferred' as const,
          },
          status: 'happened' as const,
          relations: [],
          about: [],
          participants: (fact?.participants ?? []).map((p) => ({ name: p.name })),
          sources: [{ attribution: 'own-reporting' as const }],
          quotes: [],
        },
        confidence: 0.8,
        flags: [{ flag: 'retracts' as const, fact: factId, removedSentence: gone.text }],
      };
    }),
  );
}

/** The previous revision's sentences, split as this one's are (no need to read them). */
function sentencesOf(text: string): PlacedSentence[] {
  return paragraphsOf(text)
    .map(analyseParagraph)
    .flatMap((p) => p.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })));
}

function charsOf(story: ReadStory, r: FactReading, range: { from: number; to: number }): string {
  const t = r.paragraph.tokens;
  const p = r.paragraph.paragraph;
  return p.text.slice(t[range.from].start - p.start, t[range.to - 1].end - p.start);
}

function insideQuote(p: FactReading['paragraph'], quoted: readonly boolean[], f: DateFinding): boolean {
  const i = p.tokens.findIndex((t) => t.start >= f.start);
  return i >= 0 && quoted[i] === true;
}

/** "after two days of talks" on a fact of 9 June: 8 to 9 June. Without a day or a length, only "on or before". */
function periodBefore(when: FactDate, days: number, wording: string): FactDate {
  if (when.precision === 'day' && days >= 2)
    return { precision: 'period', from: addDays(when.on, 1 - days), until: when.on, certainty: 'inferred', wording };
  const latest = when.precision === 'day' ? when.on : when.precision === 'bounded' ? when.onOrBefore : undefined;
  return latest
    ? { precision: 'bounded', onOrBefore: latest, certainty: 'inferred', wording }
    : { ...when, certainty: 'inferred', wording };
}

/** The same words read again as of what is to come. */
function refind(f: DateFinding, text: string, future: DateContext): DateFinding | undefined {
  return findDates(text.slice(f.start, f.end), f.start, future).find((g) => g.rule === f.rule);
}

function lastDraftWhere(drafts: readonly Draft[], test: (d: Draft) => boolean): number | undefined {
  for (let i = drafts.length - 1; i >= 0; i--) if (test(drafts[i])) return i;
  return undefined;
}
