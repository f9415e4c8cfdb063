import { randomUUID } from 'node:crypto';
import {
  EVENT_CATALOGUE,
  DatelineEvent,
  diplomaticEventDecider,
  DiplomaticEventState,
  diplomaticEventStream,
  storyDecider,
  StoryState,
  storyStream,
} from '@dateline/domain';
import { EventStore } from '@dateline/event-store';

const KINDS = ['talks', 'meeting', 'proposal', 'statement'] as const;
const PEOPLE = ['Ana Lima', 'Bo Chen', 'Cy Dube', 'Di Ek'];

/**
 * Writes a random but valid newsroom history straight to the store, through the deciders:
 * stories and their revisions, diplomatic events (some at a time of day, some "before" or
 * "after" an earlier fact of their day, so that the read model orders headings again and
 * re-keys), amendments (some moving a fact to another time or day) and retractions.
 */
export class RandomHistory {
  private readonly stories = new Map<string, StoryState>();
  private readonly events = new Map<string, DiplomaticEventState>();
  /** Each event's day: a relation names a fact of the same day, where it orders something. */
  private readonly days = new Map<string, string>();
  /** Facts with a relation, or named by one: they move only within their day, where the relation still holds. */
  private readonly related = new Set<string>();
  private n = 0;

  constructor(private readonly store: EventStore) {}

  async writeOne(): Promise<void> {
    const roll = Math.random();
    this.n++;
    if (roll < 0.15 || this.stories.size === 0) return this.createStory();
    if (roll < 0.3) return this.reviseStory();
    if (roll < 0.7 || this.events.size === 0) return this.recordEvent();
    if (roll < 0.9) return this.amendEvent();
    return this.retractEvent();
  }

  async write(count: number): Promise<void> {
    for (let i = 0; i < count; i++) await this.writeOne();
  }

  private async append(stream: string, events: DatelineEvent[], expected: number): Promise<void> {
    await this.store.append(
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
  }

  private pick<T>(m: Map<string, T>): [string, T] {
    const entries = [...m.entries()];
    return entries[Math.floor(Math.random() * entries.length)];
  }

  private async createStory(): Promise<void> {
    const storyId = randomUUID();
    const events = storyDecider.decide(
      { type: 'CreateStory', storyId, slug: `story-${this.n}`, headline: `Story ${this.n}`, body: `Body ${this.n}` },
      storyDecider.initialState,
    );
    await this.append(storyStream(storyId), events, 0);
    this.stories.set(storyId, events.reduce(storyDecider.evolve, storyDecider.initialState));
  }

  private async reviseStory(): Promise<void> {
    const [storyId, state] = this.pick(this.stories);
    const events = storyDecider.decide(
      {
        type: 'ReviseStory',
        storyId,
        expectedRevision: state.revision,
        body: `${state.body} More ${this.n}.`,
        changeNote: `note ${this.n}`,
        kind: Math.random() < 0.2 ? 'correction' : 'update',
      },
      state,
    );
    await this.append(storyStream(storyId), events, state.revision);
    this.stories.set(storyId, events.reduce(storyDecider.evolve, state));
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
