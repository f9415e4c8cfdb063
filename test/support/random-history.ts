import { randomUUID } from 'node:crypto';
import {
  EVENT_CATALOGUE,
  DatelineEvent,
  diplomaticEventDecider,
  DiplomaticEventEvent,
  DiplomaticEventState,
  diplomaticEventStream,
  factReviewDecider,
  FactReviewState,
  factReviewStream,
  storyDecider,
  StoryState,
  storyStream,
} from '@dateline/domain';
import { EventStore } from '@dateline/event-store';
import { Candidate, findCandidates } from '@dateline/fact-finder';

const KINDS = ['talks', 'meeting', 'proposal', 'statement'] as const;
const PEOPLE = ['Ana Lima', 'Bo Chen', 'Cy Dube', 'Di Ek'];
const COUNTRIES = ['Norway', 'Chile', 'Kenya', 'Peru', 'Japan', 'Ghana'];
const CITIES = ['Geneva', 'Oslo', 'Nairobi', 'Lima'];

/** A dated sentence of news, made from the numbers given, for the fact finder to propose facts from. */
function newsSentence(n: number): string {
  const [a, b] = [COUNTRIES[n % COUNTRIES.length], COUNTRIES[(n + 1 + (n % 3)) % COUNTRIES.length]];
  const [city, day, person] = [CITIES[n % CITIES.length], 1 + (n % 27), PEOPLE[n % PEOPLE.length]];
  switch (n % 4) {
    case 0:
      return `Delegations from ${a} and ${b} met in ${city} on ${day} February, the agency reported.`;
    case 1:
      return `${a} rejected a proposal from ${b} on ${day} February.`;
    case 2:
      return `${person} is expected to travel to ${city} for talks with ${b} next week.`;
    default:
      return `${a} and ${b} signed a trade agreement in ${city} on ${day} January, ${person} said.`;
  }
}

/** A story as the fact-candidates read model sees it: its body, editorial time and the candidates not yet reviewed. */
interface StoryText {
  body: string;
  publishedAt: string;
  open: Candidate[];
  review: FactReviewState;
}

/**
 * Writes a random but valid newsroom history straight to the store, through the deciders:
 * stories and their revisions, diplomatic events (some at a time of day, some "before" or
 * "after" an earlier fact of their day, so that the read model orders headings again and
 * re-keys), amendments (some moving a fact to another time or day) and retractions. Story bodies
 * are dated news sentences, so each revision has fact candidates, and editors accept (a fact with
 * its provenance, then the review) or dismiss some of them, as the service would.
 */
export class RandomHistory {
  private readonly stories = new Map<string, StoryState>();
  private readonly events = new Map<string, DiplomaticEventState>();
  /** Each event's day: a relation names a fact of the same day, where it orders something. */
  private readonly days = new Map<string, string>();
  /** Facts with a relation, or named by one: they move only within their day, where the relation still holds. */
  private readonly related = new Set<string>();
  private readonly texts = new Map<string, StoryText>();
  private n = 0;
  /** The log position of the last event written: what a reader must see before comparing (when-caught-up.ts). */
  lastPosition = 0;

  constructor(private readonly store: EventStore) {}

  /** The stories and diplomatic events written so far: what a reader may ask for. */
  get storyIds(): string[] {
    return [...this.stories.keys()];
  }

  get eventIds(): string[] {
    return [...this.events.keys()];
  }

  async writeOne(): Promise<void> {
    const roll = Math.random();
    this.n++;
    if (roll < 0.15 || this.stories.size === 0) return this.createStory();
    if (roll < 0.3) return this.reviseStory();
    if (roll < 0.45) return this.reviewCandidate();
    if (roll < 0.7 || this.events.size === 0) return this.recordEvent();
    if (roll < 0.9) return this.amendEvent();
    return this.retractEvent();
  }

  async write(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.writeOne();
  }

  private async append(stream: string, events: DatelineEvent[], expected: number): Promise<void> {
    const { position } = await this.store.append(
      stream,
      events.map((e) => ({
        id: randomUUID(),
        type: e.type,
        schemaVersion: EVENT_CATALOGUE[e.type].version,
        data: e.data,
        metadata: { editor: 'random', correlationId: randomUUID(), recordedAt: new Date().toISOString() },
      })),
      expected === 0 ? 'no_stream' : expected,
    );
    this.lastPosition = Math.max(this.lastPosition, position);
  }

  private pick<T>(m: Map<string, T>): [string, T] {
    const entries = [...m.entries()];
    return entries[Math.floor(Math.random() * entries.length)];
  }

  /** Editorial times: in the past, each later than the one before, whatever the clock says. */
  private publishedAt(): string {
    return new Date(Date.parse('2024-02-10T12:00:00Z') + this.n * 60_000).toISOString();
  }

  private async createStory(): Promise<void> {
    const storyId = randomUUID();
    const body = `${newsSentence(this.n)}\n\n${newsSentence(this.n + 5)}`;
    const publishedAt = this.publishedAt();
    const events = storyDecider.decide(
      { type: 'CreateStory', storyId, slug: `story-${this.n}`, headline: `Story ${this.n}`, body, publishedAt },
      storyDecider.initialState,
    );
    await this.append(storyStream(storyId), events, 0);
    this.stories.set(storyId, events.reduce(storyDecider.evolve, storyDecider.initialState));
    this.texts.set(storyId, {
      body,
      publishedAt,
      open: this.candidatesOf(storyId, 1, body, publishedAt),
      review: factReviewDecider.initialState,
    });
  }

  /** What the fact-candidates projection proposes from a revision (the same function: ids do not depend on accepted facts). */
  private candidatesOf(storyId: string, revision: number, body: string, publishedAt: string, previousText?: string): Candidate[] {
    const seen = new Set<string>();
    return findCandidates({ storyId, revision, publishedAt, text: body, ...(previousText !== undefined ? { previousText } : {}) }).filter(
      (c) => c.evidence.end > c.evidence.start && !seen.has(c.id) && seen.add(c.id),
    );
  }

  /** An editor reviews an open candidate: accepts it (the fact, with its provenance, then the review) or dismisses it. */
  private async reviewCandidate(): Promise<void> {
    const withOpen = [...this.texts].filter(([, t]) => t.open.length > 0);
    if (withOpen.length === 0) return this.reviseStory();
    const [storyId, text] = withOpen[Math.floor(Math.random() * withOpen.length)];
    const [candidate] = text.open.splice(Math.floor(Math.random() * text.open.length), 1);
    const at = { storyId, candidateId: candidate.id, revision: candidate.evidence.revision };
    const factId = randomUUID();
    // Relations name other candidates: an editor drops them (or names their facts) before accepting.
    const fields = { ...candidate.proposed, title: `${candidate.proposed.title} (${this.n})`, relations: [], storyIds: [storyId] };
    const provenance = { ...at, paragraph: candidate.evidence.paragraph, start: candidate.evidence.start, end: candidate.evidence.end };
    let recorded: DiplomaticEventEvent[] | undefined;
    try {
      if (Math.random() < 0.6)
        recorded = diplomaticEventDecider.decide(
          { type: 'RecordDiplomaticEvent', eventId: factId, fields, provenance },
          diplomaticEventDecider.initialState,
        );
    } catch {
      // A proposal the write side refuses as it stands: this editor dismisses it instead.
    }
    if (recorded) {
      await this.append(diplomaticEventStream(factId), recorded, 0);
      // The review holds the fields as recorded (the service reads them back from the fact's first event).
      const data = recorded[0].type === 'DiplomaticEventRecorded' ? recorded[0].data : undefined;
      const { eventId: _id, publishedAt: _published, provenance: _provenance, ...asRecorded } = data!;
      const accepted = factReviewDecider.decide({ type: 'AcceptFactCandidate', ...at, factId, fields: asRecorded }, text.review);
      await this.append(factReviewStream(storyId), accepted, text.review.version);
      text.review = accepted.reduce(factReviewDecider.evolve, text.review);
    } else {
      const dismissed = factReviewDecider.decide({ type: 'DismissFactCandidate', ...at, reason: `not news ${this.n}` }, text.review);
      await this.append(factReviewStream(storyId), dismissed, text.review.version);
      text.review = dismissed.reduce(factReviewDecider.evolve, text.review);
    }
  }

  private async reviseStory(): Promise<void> {
    const [storyId, state] = this.pick(this.stories);
    const events = storyDecider.decide(
      {
        type: 'ReviseStory',
        storyId,
        expectedRevision: state.revision,
        body: `${state.body}\n\n${newsSentence(this.n)}`,
        changeNote: `note ${this.n}`,
        kind: Math.random() < 0.2 ? 'correction' : 'update',
        publishedAt: this.publishedAt(),
      },
      state,
    );
    await this.append(storyStream(storyId), events, state.revision);
    const next = events.reduce(storyDecider.evolve, state);
    this.stories.set(storyId, next);
    const text = this.texts.get(storyId)!;
    const publishedAt = this.publishedAt();
    text.open.push(...this.candidatesOf(storyId, next.revision, next.body, publishedAt, text.body));
    Object.assign(text, { body: next.body, publishedAt });
  }

  /** A day of February 2024, at a time of day one time in three. */
  private when(day = `2024-02-${String(1 + Math.floor(Math.random() * 8)).padStart(2, '0')}`) {
    const hour = String(6 + Math.floor(Math.random() * 12)).padStart(2, '0');
    return Math.random() < 1 / 3
      ? { precision: 'day' as const, on: day, at: `${day}T${hour}:00:00Z`, timezone: 'UTC', certainty: 'explicit' as const }
      : { precision: 'day' as const, on: day, certainty: 'explicit' as const };
  }

  private async recordEvent(): Promise<void> {
    const eventId = randomUUID();
    const when = this.when();
    const storyIds = this.stories.size > 0 && Math.random() < 0.5 ? [this.pick(this.stories)[0]] : [];
    // Relations only to facts recorded before: the relations stay free of cycles, as the write side requires.
    const sameDay = [...this.events].filter(([id, e]) => e.status === 'active' && this.days.get(id) === when.on).map(([id]) => id);
    const relations =
      sameDay.length > 0 && Math.random() < 0.4
        ? [
            {
              relation: Math.random() < 0.5 ? ('before' as const) : ('after' as const),
              fact: sameDay[Math.floor(Math.random() * sameDay.length)],
            },
          ]
        : [];
    const events = diplomaticEventDecider.decide(
      {
        type: 'RecordDiplomaticEvent',
        eventId,
        fields: {
          title: `Event ${this.n}`,
          kind: KINDS[this.n % KINDS.length],
          when,
          relations,
          participants: [{ name: PEOPLE[this.n % PEOPLE.length], country: 'FR' }],
          storyIds,
        },
      },
      diplomaticEventDecider.initialState,
    );
    await this.append(diplomaticEventStream(eventId), events, 0);
    this.events.set(eventId, events.reduce(diplomaticEventDecider.evolve, diplomaticEventDecider.initialState));
    this.days.set(eventId, when.on);
    for (const r of relations) {
      this.related.add(eventId);
      this.related.add(r.fact);
    }
  }

  private async amendEvent(): Promise<void> {
    const [eventId, state] = this.pick(this.events);
    if (state.status !== 'active') return this.recordEvent();
    const sameDay = this.related.has(eventId) || Math.random() < 0.5;
    const moved = Math.random() < 0.5 ? this.when(sameDay ? this.days.get(eventId) : undefined) : undefined;
    const events = diplomaticEventDecider.decide(
      {
        type: 'AmendDiplomaticEvent',
        eventId,
        expectedVersion: state.version,
        // Half the amendments move the fact: to another time of its day, or to another day.
        changes: { title: `Event amended ${this.n}`, summary: `s${this.n}`, ...(moved ? { when: moved } : {}) },
        reason: 'random',
      },
      state,
    );
    await this.append(diplomaticEventStream(eventId), events, state.version);
    this.events.set(eventId, events.reduce(diplomaticEventDecider.evolve, state));
    if (moved) this.days.set(eventId, moved.on);
  }

  private async retractEvent(): Promise<void> {
    const [eventId, state] = this.pick(this.events);
    if (state.status !== 'active') return this.recordEvent();
    const events = diplomaticEventDecider.decide(
      { type: 'RetractDiplomaticEvent', eventId, expectedVersion: state.version, reason: 'random' },
      state,
    );
    await this.append(diplomaticEventStream(eventId), events, state.version);
    this.events.set(eventId, events.reduce(diplomaticEventDecider.evolve, state));
  }
}
