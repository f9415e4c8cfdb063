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
 * stories and their revisions, diplomatic events, amendments and retractions.
 */
export class RandomHistory {
  private readonly stories = new Map<string, StoryState>();
  private readonly events = new Map<string, DiplomaticEventState>();
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

  private async recordEvent(): Promise<void> {
    const eventId = randomUUID();
    const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
    const storyIds = this.stories.size > 0 && Math.random() < 0.5 ? [this.pick(this.stories)[0]] : [];
    const events = diplomaticEventDecider.decide(
      {
        type: 'RecordDiplomaticEvent',
        eventId,
        fields: {
          title: `Event ${this.n}`,
          kind: KINDS[this.n % KINDS.length],
          when: { precision: 'day', on: `2024-02-${day}`, certainty: 'explicit' },
          participants: [{ name: PEOPLE[this.n % PEOPLE.length], country: 'FR' }],
          storyIds,
        },
      },
      diplomaticEventDecider.initialState,
    );
    await this.append(diplomaticEventStream(eventId), events, 0);
    this.events.set(eventId, events.reduce(diplomaticEventDecider.evolve, diplomaticEventDecider.initialState));
  }

  private async amendEvent(): Promise<void> {
    const [eventId, state] = this.pick(this.events);
    if (state.status !== 'active') return this.recordEvent();
    const events = diplomaticEventDecider.decide(
      {
        type: 'AmendDiplomaticEvent',
        eventId,
        expectedVersion: state.version,
        changes: { title: `Event amended ${this.n}`, summary: `s${this.n}` },
        reason: 'random',
      },
      state,
    );
    await this.append(diplomaticEventStream(eventId), events, state.version);
    this.events.set(eventId, events.reduce(diplomaticEventDecider.evolve, state));
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
